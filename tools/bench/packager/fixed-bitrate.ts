import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildEncodeArgs,
  measureFamilyQuality,
  runProcess,
  type JobPlan,
  type ToolPaths,
} from '../../../packager/src/index.ts';

export interface RungResult {
  id: string;
  kbps: number;
  ssim: number;
  psnr: number;
}

/** The H.264 ladder again at a fixed bitrate equal to each rung's cap (same everything else), for comparison. */
export async function runFixedBitrateLadder(
  tools: ToolPaths,
  plan: JobPlan,
  jobDir: string,
): Promise<RungResult[]> {
  const h264 = plan.families.find((f) => f.family === 'h264')!;
  const fixed = { ...h264, renditions: h264.renditions.map((r) => ({ ...r, file: `fixed/${r.id}.mp4` })) };
  mkdirSync(path.join(jobDir, 'fixed'), { recursive: true });
  for (const rendition of fixed.renditions) {
    const single = { ...fixed, renditions: [rendition] };
    const args = buildEncodeArgs(plan, [single], { renditionPath: (r) => path.join(jobDir, r.file) });
    const crfAt = args.indexOf('-crf');
    args.splice(crfAt, 2, '-b:v', `${rendition.maxrateKbps}k`);
    await runProcess(tools.ffmpeg, args, { stage: `fixed:${rendition.id}` });
  }
  const quality = await measureFamilyQuality(tools.ffmpeg, plan, fixed, jobDir, () => {});
  return fixed.renditions.map((r) => ({
    id: r.id,
    kbps: fileKbps(path.join(jobDir, r.file), plan.durationSeconds),
    ssim: quality[r.id]?.ssim ?? 0,
    psnr: quality[r.id]?.psnr ?? 0,
  }));
}

export function fileKbps(file: string, seconds: number): number {
  return Math.round((statSync(file).size * 8) / seconds / 1000);
}
