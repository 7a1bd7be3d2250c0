import type { CodecFamily } from '@ketang/catalog';
import type { JobPlan } from '../plan/job-plan.ts';
import type { RenditionAnalysis } from '../validate/analyse-family.ts';

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a job directory's job.json records after every step, so a killed job resumes where it stopped. */
export interface JobState {
  assetId: string;
  input: string;
  /** Fingerprint of the options; a different one restarts the job from scratch. */
  optionsKey: string;
  status: JobStatus;
  stage: string;
  /** Steps finished for good (e.g. `encode:h264`); never redone on resume. */
  doneSteps: string[];
  plan?: JobPlan;
  analysis: Record<string, RenditionAnalysis>;
  publishedFamilies: CodecFamily[];
  progress: { fraction: number; etaSeconds?: number };
  error?: { code: string; message: string; details?: unknown };
  createdAt: string;
  updatedAt: string;
}

export function newJobState(assetId: string, input: string, optionsKey: string, now: string): JobState {
  return {
    assetId,
    input,
    optionsKey,
    status: 'pending',
    stage: 'pending',
    doneSteps: [],
    analysis: {},
    publishedFamilies: [],
    progress: { fraction: 0 },
    createdAt: now,
    updatedAt: now,
  };
}
