import type { CodecFamily } from '@ketang/catalog';
import type { JobOptions } from '../config/job-options.schema.ts';
import {
  AUDIO_BITRATE_KBPS,
  AUDIO_SAMPLE_RATE,
  CRF_BY_PROFILE,
  DEFAULT_LADDER,
  ENCODER_PRESETS,
  FRAGMENT_SECONDS,
  KEYFRAME_INTERVAL_SECONDS,
  SEGMENT_SECONDS,
  THUMBNAIL,
} from '../config/ladders.ts';
import type { ProbedSource } from '../probe/parse-probe.ts';
import type { FamilyPlan, JobPlan, ThumbnailPlan } from './job-plan.ts';
import { planRungs } from './ladder.ts';
import { planSourceFixes, toEven } from './source-fixes.ts';

/** Pure: probed source + options in, the complete job plan out. */
export function planJob(source: ProbedSource, options: JobOptions): JobPlan {
  const fixes = planSourceFixes(source, options.audioTrack);
  const families = options.codecs.map((family) => planFamily(family, fixes, options));
  return {
    assetId: options.assetId,
    source,
    fixes,
    durationSeconds: source.durationSeconds,
    keyframeSeconds: KEYFRAME_INTERVAL_SECONDS,
    segmentSeconds: SEGMENT_SECONDS,
    fragmentSeconds: FRAGMENT_SECONDS,
    families,
    audio: {
      file: 'encode/audio.mp4',
      bitrateKbps: AUDIO_BITRATE_KBPS,
      sampleRate: AUDIO_SAMPLE_RATE,
      language: options.audioLanguage,
    },
    captions: options.captions,
    thumbnails: planThumbnails(fixes.width, fixes.height),
    ...(options.encryption ? { encryption: options.encryption } : {}),
  };
}

function planFamily(family: CodecFamily, fixes: JobPlan['fixes'], options: JobOptions): FamilyPlan {
  const ladder = options.ladder?.[family] ?? DEFAULT_LADDER[family];
  const rungs = planRungs(family, ladder, fixes);
  return {
    family,
    crf: CRF_BY_PROFILE[options.contentProfile][family],
    preset: options.presets?.[family] ?? ENCODER_PRESETS[family],
    renditions: rungs.map((rung) => ({
      id: `${family}-${rung.height}p`,
      family,
      ...rung,
      bufsizeKbps: rung.maxrateKbps * 2,
      file: `encode/${family}-${rung.height}p.mp4`,
    })),
  };
}

function planThumbnails(width: number, height: number): ThumbnailPlan {
  return {
    intervalSeconds: THUMBNAIL.intervalSeconds,
    width: THUMBNAIL.width,
    height: toEven((THUMBNAIL.width * height) / width),
    columns: THUMBNAIL.columns,
    rows: THUMBNAIL.rows,
    spritePattern: 'encode/thumbnails/sprite-%03d.jpg',
  };
}
