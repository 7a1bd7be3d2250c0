import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  buildAudioEncodeArgs,
  buildEncodeArgs,
  packageAsset,
  runProcess,
  type JobPlan,
  type ToolPaths,
} from '../../../packager/src/index.ts';

/**
 * The naive baseline: one ffmpeg process per rendition (each decodes and scales the source itself) with
 * exactly the settings of our pipeline, one after the other, then the same Shaka Packager run.
 */
export async function runNaiveBaseline(
  tools: ToolPaths,
  plan: JobPlan,
  jobDir: string,
): Promise<{ encodeSeconds: number; packageSeconds: number }> {
  mkdirSync(path.join(jobDir, 'encode'), { recursive: true });
  const started = performance.now();
  await runProcess(tools.ffmpeg, buildAudioEncodeArgs(plan, path.join(jobDir, plan.audio.file)), {
    stage: 'naive:audio',
  });
  for (const family of plan.families) {
    for (const rendition of family.renditions) {
      const single = { ...family, renditions: [rendition] };
      const args = buildEncodeArgs(plan, [single], { renditionPath: (r) => path.join(jobDir, r.file) });
      await runProcess(tools.ffmpeg, args, { stage: `naive:${rendition.id}` });
    }
  }
  // The sprite sheets our H.264 process renders on the side need their own decode here.
  const thumbnailsOnly = { ...plan.families[0]!, renditions: [] };
  const thumbnailDir = path.join(jobDir, path.dirname(plan.thumbnails.spritePattern));
  mkdirSync(thumbnailDir, { recursive: true });
  await runProcess(
    tools.ffmpeg,
    buildEncodeArgs(plan, [thumbnailsOnly], {
      renditionPath: () => '',
      thumbnailPattern: path.join(jobDir, plan.thumbnails.spritePattern),
    }),
    { stage: 'naive:thumbnails' },
  );
  const encoded = performance.now();
  await packageAsset(
    tools,
    plan,
    plan.families.map((f) => f.family),
    jobDir,
    path.join(jobDir, 'staging'),
  );
  return { encodeSeconds: (encoded - started) / 1000, packageSeconds: (performance.now() - encoded) / 1000 };
}
