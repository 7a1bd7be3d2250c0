import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { packageAsset, runProcess, type JobPlan, type ToolPaths } from '../../../packager/src/index.ts';

/**
 * Packaging speed on a lesson-length title: the encoded ladder is looped by stream copy (no re-encode) to
 * `seconds`, then packaged once. Short clips only measure Shaka Packager's fixed start-up cost.
 */
export async function measureLongPackaging(
  tools: ToolPaths,
  plan: JobPlan,
  jobDir: string,
  workDir: string,
  seconds: number,
): Promise<number> {
  const longDir = path.join(workDir, 'long');
  mkdirSync(path.join(longDir, 'encode'), { recursive: true });
  const loops = String(Math.ceil(seconds / plan.durationSeconds));
  const files = [plan.audio.file, ...plan.families.flatMap((f) => f.renditions.map((r) => r.file))];
  for (const file of files) {
    const args = ['-v', 'error', '-y', '-stream_loop', loops, '-i', path.join(jobDir, file), '-c', 'copy'];
    await runProcess(tools.ffmpeg, [...args, '-t', String(seconds), path.join(longDir, file)], {
      stage: 'bench:loop',
    });
  }
  const thumbnails = path.dirname(plan.thumbnails.spritePattern);
  cpSync(path.join(jobDir, thumbnails), path.join(longDir, thumbnails), { recursive: true });
  const longPlan: JobPlan = { ...plan, durationSeconds: seconds, captions: [] };
  const started = performance.now();
  await packageAsset(
    tools,
    longPlan,
    plan.families.map((f) => f.family),
    longDir,
    path.join(longDir, 'staging'),
  );
  return (performance.now() - started) / 1000;
}
