// The codec families Ketang packages, the API describes and the TV plays: the one list. A plain module without
// zod, exported also as `@ketang/catalog/codec-family`, so the TV app can import the value and stay free of zod.
export const CODEC_FAMILIES = ['h264', 'hevc', 'av1'] as const;
export type CodecFamily = (typeof CODEC_FAMILIES)[number];

/** Best first: AV1 saves the most bits, H.264 plays everywhere (a new family fails tsc here until it is ranked). */
const RANK: Record<CodecFamily, number> = { av1: 0, hevc: 1, h264: 2 };
/** Every family, best first: the one ranking the API's playback decision and the TV's probing share. */
export const CODEC_FAMILIES_BEST_FIRST: readonly CodecFamily[] = [...CODEC_FAMILIES].sort(
  (a, b) => RANK[a] - RANK[b],
);
