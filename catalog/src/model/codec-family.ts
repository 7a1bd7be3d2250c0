// The codec families Ketang packages, the API describes and the TV plays: the one list. A plain module without
// zod, exported also as `@ketang/catalog/codec-family`, so the TV app can import the value and stay free of zod.
export const CODEC_FAMILIES = ['h264', 'hevc', 'av1'] as const;
export type CodecFamily = (typeof CODEC_FAMILIES)[number];
