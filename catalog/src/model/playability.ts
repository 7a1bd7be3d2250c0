import type { Lesson, VideoSource } from './lesson.ts';

/** Why a lesson cannot be played; each code has a sentence for people in every UI language. */
export const UNPLAYABLE_REASONS = ['no-video', 'licence-required', 'asset-missing', 'retired'] as const;
export type UnplayableReason = (typeof UNPLAYABLE_REASONS)[number];

export type Playability =
  { playable: true; sourceId: string } | { playable: false; reason: UnplayableReason };

/** True when a family's box can play this source without anything else from an operator. */
export function isSourceReady(source: VideoSource, hasAsset: (assetId: string) => boolean): boolean {
  if (source.type === 'packaged') return hasAsset(source.assetId);
  return source.encryption === 'none' || source.licence === 'licensed';
}

/**
 * A lesson is playable when one of its video sources is ready. Packaged assets of ours are preferred over
 * external sources. The reason of an unplayable lesson is the most actionable one for an operator.
 */
export function decidePlayability(
  lesson: Pick<Lesson, 'videos' | 'status'>,
  hasAsset: (assetId: string) => boolean,
): Playability {
  if (lesson.status === 'retired') return { playable: false, reason: 'retired' };
  if (lesson.videos.length === 0) return { playable: false, reason: 'no-video' };
  const ordered = [...lesson.videos].sort((a, b) => rankSource(a) - rankSource(b));
  const ready = ordered.find((source) => isSourceReady(source, hasAsset));
  if (ready) return { playable: true, sourceId: ready.id };
  const hasExternal = lesson.videos.some((source) => source.type === 'external-hls');
  return { playable: false, reason: hasExternal ? 'licence-required' : 'asset-missing' };
}

function rankSource(source: VideoSource): number {
  return source.type === 'packaged' ? 0 : 1;
}
