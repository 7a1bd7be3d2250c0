// Minimal typings for the independent manifest readers used by the tests (the packages ship none).
declare module 'mpd-parser' {
  export interface MpdPlaylist {
    attributes: {
      NAME: string;
      BANDWIDTH: number;
      CODECS: string;
      RESOLUTION?: { width: number; height: number };
    };
    segments: Array<{ uri: string; resolvedUri: string; duration: number; map?: { uri: string } }>;
    contentProtection?: Record<string, unknown>;
  }
  export interface MpdManifest {
    duration: number;
    playlists: MpdPlaylist[];
    mediaGroups: {
      AUDIO: Record<string, Record<string, { playlists: MpdPlaylist[]; language: string }>>;
      SUBTITLES: Record<string, Record<string, { playlists: MpdPlaylist[]; language: string }>>;
    };
  }
  export function parse(xml: string, options?: { manifestUri?: string }): MpdManifest;
}

declare module 'm3u8-parser' {
  export interface M3u8Manifest {
    playlists?: Array<{ uri: string; attributes: Record<string, unknown> & { CODECS?: string } }>;
    iFramePlaylists?: Array<{ uri: string; attributes: Record<string, unknown> }>;
    mediaGroups?: Record<string, Record<string, Record<string, { uri?: string; language?: string }>>>;
    segments: Array<{ uri: string; duration: number; map?: { uri: string } }>;
    endList?: boolean;
  }
  export class Parser {
    manifest: M3u8Manifest;
    push(chunk: string): void;
    end(): void;
  }
}
