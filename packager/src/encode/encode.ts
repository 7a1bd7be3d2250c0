import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FamilyPlan, JobPlan } from '../plan/job-plan.ts';
import { parseProgressSeconds } from '../process/progress.ts';
import { runProcess } from '../process/spawn.ts';
import type { ToolPaths } from '../process/tools.ts';
import { buildAudioEncodeArgs, buildFamilyEncodeArgs } from './ffmpeg-args.ts';

export type ProgressCallback = (encodedSeconds: number) => void;

/**
 * Encodes one family into a scratch folder and moves the finished files into place only when ffmpeg succeeds,
 * so a killed encode never leaves a file that looks finished.
 */
export async function encodeFamily(
  tools: ToolPaths,
  plan: JobPlan,
  family: FamilyPlan,
  jobDir: string,
  onProgress: ProgressCallback,
): Promise<void> {
  const scratch = path.join(jobDir, 'encode', `.partial-${family.family}`);
  await rm(scratch, { recursive: true, force: true });
  const withThumbnails = family.family === 'h264';
  await mkdir(path.join(scratch, 'thumbnails'), { recursive: true });
  const args = buildFamilyEncodeArgs(plan, family, {
    renditionPath: (rendition) => path.join(scratch, path.basename(rendition.file)),
    ...(withThumbnails ? { thumbnailPattern: path.join(scratch, 'thumbnails', 'sprite-%03d.jpg') } : {}),
  });
  await runProcess(tools.ffmpeg, args, {
    stage: `encode:${family.family}`,
    onStdoutLine: progressReader(onProgress),
  });
  for (const rendition of family.renditions) {
    await rename(path.join(scratch, path.basename(rendition.file)), path.join(jobDir, rendition.file));
  }
  if (withThumbnails) {
    const thumbnailsDir = path.join(jobDir, path.dirname(plan.thumbnails.spritePattern));
    await rm(thumbnailsDir, { recursive: true, force: true });
    await rename(path.join(scratch, 'thumbnails'), thumbnailsDir);
  }
  await rm(scratch, { recursive: true, force: true });
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
