import type { CodecFamily } from '@ketang/catalog';

// Where each file sits inside a published asset directory (all paths relative to it).
export const MANIFEST_MPD = 'manifest.mpd';
export const MASTER_M3U8 = 'master.m3u8';
export const QUALITY_REPORT_JSON = 'quality-report.json';
export const QUALITY_REPORT_SVG = 'quality-report.svg';
export const ASSET_JSON = 'asset.json';
export const THUMBNAILS_VTT = 'thumbnails/thumbnails.vtt';
export const THUMBNAILS_DIR = 'thumbnails';
/** A frame of the video, the lesson's picture wherever it is listed. */
export const POSTER_JPG = 'poster.jpg';

export function videoDir(renditionId: string): string {
  return `video/${renditionId}`;
}

export function trickPlayDir(family: CodecFamily): string {
  return `trick/${family}`;
}

export const AUDIO_DIR = 'audio';

export function dashTextDir(language: string): string {
  return `text/${language}`;
}

export function hlsTextDir(language: string): string {
  return `text/${language}-hls`;
}

export function sideloadCaption(language: string): string {
  return `captions/${language}.vtt`;
}

/** Manifests are written last when publishing, so a reader never sees one pointing at missing segments. */
export const MANIFEST_FILES = [MANIFEST_MPD, MASTER_M3U8, ASSET_JSON] as const;
