import type { CodecFamily } from '@ketang/catalog';
import type { CaptionInput, Encryption } from '../config/job-options.schema.ts';
import type { ProbedSource } from '../probe/parse-probe.ts';
import type { SourceFixes } from './source-fixes.ts';

export interface PlannedRendition {
  id: string;
  family: CodecFamily;
  width: number;
  height: number;
  maxrateKbps: number;
  bufsizeKbps: number;
  /** Encoded file, relative to the job directory. */
  file: string;
}

export interface FamilyPlan {
  family: CodecFamily;
  crf: number;
  preset: string;
  renditions: PlannedRendition[];
}

export interface ThumbnailPlan {
  intervalSeconds: number;
  width: number;
  height: number;
  columns: number;
  rows: number;
  /** Sprite sheet pattern, relative to the job directory (ffmpeg image2 %03d numbering from 1). */
  spritePattern: string;
}

/** Everything a job will do, decided up front from the probed source and the options. */
export interface JobPlan {
  assetId: string;
  source: ProbedSource;
  fixes: SourceFixes;
  durationSeconds: number;
  keyframeSeconds: number;
  segmentSeconds: number;
  fragmentSeconds: number;
  families: FamilyPlan[];
  audio: { file: string; bitrateKbps: number; sampleRate: number; language: string };
  captions: CaptionInput[];
  thumbnails: ThumbnailPlan;
  encryption?: Encryption;
}
