import { CODEC_FAMILIES_BEST_FIRST, type CodecFamily } from './codec-family.ts';
import type { Lesson, VideoSource } from './lesson.ts';

/** Why a lesson cannot be played; each code has a sentence for people in every UI language. */
export const UNPLAYABLE_REASONS = [
  'no-video',
  'licence-required',
  'asset-missing',
  'retired',
  'no-decodable-codec',
] as const;
export type UnplayableReason = (typeof UNPLAYABLE_REASONS)[number];

/** The codec families every box decodes: what a tile's "playable" assumes when no box is asking. */
export const EVERY_BOX: readonly CodecFamily[] = ['h264'];

/**
 * External HLS sources (the national platform's, an operator's licensed one) are H.264 in MPEG-TS or fMP4:
 * their playlists do not say otherwise to the API, which never fetches them.
 */
export const EXTERNAL_HLS_FAMILY: CodecFamily = 'h264';

/** The codec families a packaged asset carries; undefined when the API does not know the asset. */
export type AssetFamilies = (assetId: string) => readonly CodecFamily[] | undefined;

/** What a box plays for a lesson: one of its sources in one codec family, or why it cannot play. */
export type PlayDecision =
  | { playable: true; source: VideoSource; codecFamily: CodecFamily }
  | { playable: false; reason: UnplayableReason };

/** The one answer to "can this lesson play", reduced to what tiles and indexes keep. */
export type Playability =
  { playable: true; sourceId: string } | { playable: false; reason: UnplayableReason };

/** The family a box should play of those a source offers: the best the box decodes; undefined for none. */
export function pickCodecFamily(
  offered: readonly CodecFamily[],
  box: readonly CodecFamily[],
): CodecFamily | undefined {
  return CODEC_FAMILIES_BEST_FIRST.find((family) => offered.includes(family) && box.includes(family));
}

type Candidate = { source: VideoSource; codecFamily: CodecFamily } | 'undecodable' | undefined;

/** A source this box can play, 'undecodable' when it is ready but in no family the box decodes. */
function candidateOf(source: VideoSource, assets: AssetFamilies, box: readonly CodecFamily[]): Candidate {
  if (source.type === 'packaged') {
    const offered = assets(source.assetId);
    if (!offered) return undefined;
    const codecFamily = pickCodecFamily(offered, box);
    return codecFamily ? { source, codecFamily } : 'undecodable';
  }
  const isUsable = source.encryption === 'none' || source.licence === 'licensed';
  if (!isUsable) return undefined;
  return box.includes(EXTERNAL_HLS_FAMILY) ? { source, codecFamily: EXTERNAL_HLS_FAMILY } : 'undecodable';
}

/**
 * The one playback decision: which of a lesson's sources a box with these codec families plays, in which
 * family. Our packaged assets come before external sources (an operator's licensed source is first among
 * those, see the region overlay). The reason of an unplayable lesson is the most actionable for an operator.
 * Without a box (tiles, indexes, home ordering) it answers for a box that decodes only H.264.
 */
export function decidePlayback(
  lesson: Pick<Lesson, 'videos' | 'status'>,
  assets: AssetFamilies,
  box: readonly CodecFamily[] = EVERY_BOX,
): PlayDecision {
  if (lesson.status === 'retired') return { playable: false, reason: 'retired' };
  if (lesson.videos.length === 0) return { playable: false, reason: 'no-video' };
  const ordered = [...lesson.videos].sort((a, b) => rankSource(a) - rankSource(b));
  let isUndecodable = false;
  for (const source of ordered) {
    const candidate = candidateOf(source, assets, box);
    if (candidate === 'undecodable') isUndecodable = true;
    else if (candidate) return { playable: true, ...candidate };
  }
  if (isUndecodable) return { playable: false, reason: 'no-decodable-codec' };
  const hasExternal = lesson.videos.some((source) => source.type === 'external-hls');
  return { playable: false, reason: hasExternal ? 'licence-required' : 'asset-missing' };
}

/** The decision for tiles and indexes (a box decoding H.264), reduced to the source's id. */
export function decidePlayability(
  lesson: Pick<Lesson, 'videos' | 'status'>,
  hasAsset: (assetId: string) => boolean,
): Playability {
  // Every packaged asset carries H.264 (the packager always encodes it); its real families matter only
  // when a box asks (decidePlayback with the box's families and the asset's renditions).
  const decision = decidePlayback(lesson, (id) => (hasAsset(id) ? EVERY_BOX : undefined));
  return decision.playable ? { playable: true, sourceId: decision.source.id } : decision;
}

function rankSource(source: VideoSource): number {
  return source.type === 'packaged' ? 0 : 1;
}
