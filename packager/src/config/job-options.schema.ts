import { CODEC_FAMILIES, CodecFamilySchema, IdSchema, LocalizedTextSchema } from '@ketang/catalog';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.ts';
import { CONTENT_PROFILES } from './ladders.ts';

const HEX_16_BYTES = /^[0-9a-f]{32}$/i;

export const CaptionInputSchema = z.object({
  file: z.string().min(1),
  /** BCP 47, e.g. zh-CN or en. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language such as zh-CN or en'),
  label: LocalizedTextSchema.optional(),
});
export type CaptionInput = z.infer<typeof CaptionInputSchema>;

export const EncryptionSchema = z.object({
  keyId: z.string().regex(HEX_16_BYTES, '32 hex digits (16 bytes)'),
  key: z.string().regex(HEX_16_BYTES, '32 hex digits (16 bytes)'),
});
export type Encryption = z.infer<typeof EncryptionSchema>;

export const RungOverrideSchema = z.object({
  height: z.number().int().min(64).max(4320),
  maxrateKbps: z.number().int().positive(),
});

export const RegistrationSchema = z.object({
  apiBase: z.url(),
  token: z.string().min(1, 'an operator token is required to register (KETANG_OPERATOR_TOKEN or --token)'),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/** Options of one packaging job, as the library and the CLI accept them. */
export const JobOptionsSchema = z.object({
  input: z.string().min(1),
  assetId: IdSchema,
  title: LocalizedTextSchema.optional(),
  codecs: z
    .array(CodecFamilySchema)
    .min(1)
    .default([...CODEC_FAMILIES]),
  contentProfile: z.enum(CONTENT_PROFILES).default('lesson'),
  captions: z.array(CaptionInputSchema).default([]),
  audioTrack: z.number().int().min(0).optional(),
  audioLanguage: z.string().min(2).default('zh-CN'),
  encryption: EncryptionSchema.optional(),
  /** Replace the default ladder of a family (tests, special titles). */
  ladder: z.partialRecord(CodecFamilySchema, z.array(RungOverrideSchema).min(1)).optional(),
  /** Encoder speed preset per family, overriding the defaults (x264/x265 names, SVT-AV1 numbers). */
  presets: z.partialRecord(CodecFamilySchema, z.string().min(1)).optional(),
  /**
   * Encode H.264 alone and publish it before the other families: playable much sooner, the whole job longer.
   * Off, every family encodes in one process (the least CPU; nothing is playable until all are done).
   */
  h264First: z.boolean().default(false),
  /**
   * PSNR/SSIM on one frame in 7 (`sampled`, the default; its error against every frame is in docs/packager.md)
   * or on `every` frame.
   */
  qualityFrames: z.enum(['sampled', 'every']).default('sampled'),
  outRoot: z.string().min(1),
  jobsRoot: z.string().min(1),
  registration: RegistrationSchema.optional(),
});
export type JobOptionsInput = z.input<typeof JobOptionsSchema>;
export type JobOptions = z.output<typeof JobOptionsSchema>;

/** Parses options, naming every bad field and what was expected. */
export function parseJobOptions(input: unknown): JobOptions {
  const result = JobOptionsSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`,
    );
    throw new InputError(
      'config.invalid',
      { problems: problems.join('; ') },
      { issues: result.error.issues },
    );
  }
  const options = result.data;
  return {
    ...options,
    codecs: ensureH264First(options.codecs),
    input: path.resolve(options.input),
    outRoot: path.resolve(options.outRoot),
    jobsRoot: path.resolve(options.jobsRoot),
  };
}

/** H.264 is what every box plays, so it comes first in the ladder, the manifests and the encode order. */
function ensureH264First(codecs: JobOptions['codecs']): JobOptions['codecs'] {
  const unique = [...new Set(codecs)];
  return ['h264', ...unique.filter((codec) => codec !== 'h264')];
}
