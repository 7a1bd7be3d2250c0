// Pinning one codec family by its codec-string prefix (avc1/avc3, hvc1/hev1, av01), not by exact codec
// strings: the API's renditions and the manifest may spell profiles and levels differently.
import type { CodecFamily } from '../config.ts';

const PREFIXES: Record<CodecFamily, readonly string[]> = {
  av1: ['av01'],
  hevc: ['hvc1', 'hev1'],
  h264: ['avc1', 'avc3'],
};

export function familyOfCodec(codecs: string | null | undefined): CodecFamily | undefined {
  if (!codecs) return undefined;
  const prefix = codecs.slice(0, 4);
  return (Object.keys(PREFIXES) as CodecFamily[]).find((family) => PREFIXES[family].includes(prefix));
}

/** The parsed-MPD node Shaka hands to `manifest.dash.manifestPreprocessorTXml`. */
export type MpdNode = { tagName: string; attributes: Record<string, string>; children: (MpdNode | string)[] };

const elements = (node: MpdNode, tagName: string) =>
  node.children.filter((child): child is MpdNode => typeof child !== 'string' && child.tagName === tagName);

function isVideo(set: MpdNode, representation: MpdNode): boolean {
  const mime = representation.attributes.mimeType ?? set.attributes.mimeType ?? '';
  return set.attributes.contentType === 'video' || mime.startsWith('video/');
}

/**
 * Removes the video representations of other families, in place, when the manifest has the pinned family;
 * otherwise leaves the manifest alone (the player then picks what it can decode). Returns whether it pinned.
 */
export function keepCodecFamily(mpd: MpdNode, family: CodecFamily): boolean {
  const sets = elements(mpd, 'Period').flatMap((period) => elements(period, 'AdaptationSet'));
  const videos = sets.flatMap((set) =>
    elements(set, 'Representation')
      .filter((rep) => isVideo(set, rep))
      .map((rep) => ({ set, rep, family: familyOfCodec(rep.attributes.codecs ?? set.attributes.codecs) })),
  );
  if (!videos.some((video) => video.family === family)) return false;
  for (const video of videos.filter((v) => v.family !== family)) {
    video.set.children = video.set.children.filter((child) => child !== video.rep);
  }
  for (const period of elements(mpd, 'Period')) {
    period.children = period.children.filter(
      (child) => typeof child === 'string' || child.tagName !== 'AdaptationSet' || hasRepresentations(child),
    );
  }
  return true;
}

function hasRepresentations(set: MpdNode): boolean {
  return elements(set, 'Representation').length > 0;
}
