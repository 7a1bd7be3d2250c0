import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FamilyPlan, JobPlan } from '../plan/job-plan.ts';
import { parseProgressSeconds } from '../process/progress.ts';
import { runProcess } from '../process/spawn.ts';
import type { ToolPaths } from '../process/tools.ts';
import { buildAudioEncodeArgs, buildEncodeArgs } from './ffmpeg-args.ts';

const SCRATCH_PREFIX = '.partial-';

export type ProgressCallback = (encodedSeconds: number) => void;

/** The step name of one family's encode, also the stage its process reports. */
export function encodeStep(family: FamilyPlan): string {
  return `encode:${family.family}`;
}

/**
 * Encodes the given families in one ffmpeg process (one decode), into a scratch folder; the finished files
 * move into place only when ffmpeg succeeds, so a killed encode never leaves a file that looks finished.
 */
export async function encodeFamilies(
  tools: ToolPaths,
  plan: JobPlan,
  families: readonly FamilyPlan[],
  jobDir: string,
  onProgress: ProgressCallback,
): Promise<void> {
  const encodeDir = path.join(jobDir, 'encode');
  await removeScratchFolders(encodeDir);
  const scratch = path.join(encodeDir, `${SCRATCH_PREFIX}${families.map((f) => f.family).join('+')}`);
  const withThumbnails = families.some((f) => f.family === 'h264');
  await mkdir(path.join(scratch, 'thumbnails'), { recursive: true });
  const args = buildEncodeArgs(plan, families, {
    renditionPath: (rendition) => path.join(scratch, path.basename(rendition.file)),
    ...(withThumbnails ? { thumbnailPattern: path.join(scratch, 'thumbnails', 'sprite-%03d.jpg') } : {}),
  });
  await runProcess(tools.ffmpeg, args, {
    stage: families.map(encodeStep).join(' + '),
    onStdoutLine: progressReader(onProgress),
  });
  for (const rendition of families.flatMap((f) => f.renditions)) {
    await rename(path.join(scratch, path.basename(rendition.file)), path.join(jobDir, rendition.file));
  }
  if (withThumbnails) {
    const thumbnailsDir = path.join(jobDir, path.dirname(plan.thumbnails.spritePattern));
    await rm(thumbnailsDir, { recursive: true, force: true });
    await rename(path.join(scratch, 'thumbnails'), thumbnailsDir);
  }
  await rm(scratch, { recursive: true, force: true });
}

/** A job encodes one process at a time, so any scratch folder found is left by a killed run. */
async function removeScratchFolders(encodeDir: string): Promise<void> {
  const entries = await readdir(encodeDir).catch(() => [] as string[]);
  for (const entry of entries.filter((name) => name.startsWith(SCRATCH_PREFIX))) {
    await rm(path.join(encodeDir, entry), { recursive: true, force: true });
  }
}

export async function encodeAudio(
  tools: ToolPaths,
  plan: JobPlan,
  jobDir: string,
  onProgress: ProgressCallback,
): Promise<void> {
  const finalPath = path.join(jobDir, plan.audio.file);
  const partialPath = `${finalPath}.partial.mp4`;
  await mkdir(path.dirname(finalPath), { recursive: true });
  const args = buildAudioEncodeArgs(plan, partialPath);
  await runProcess(tools.ffmpeg, args, { stage: 'encode:audio', onStdoutLine: progressReader(onProgress) });
  await rename(partialPath, finalPath);
}

function progressReader(onProgress: ProgressCallback): (line: string) => void {
  return (line) => {
    const seconds = parseProgressSeconds(line);
    if (seconds !== undefined) onProgress(seconds);
  };
}
