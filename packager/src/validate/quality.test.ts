import { describe, expect, it } from 'vitest';
import { parseJobOptions } from '../config/job-options.schema.ts';
import { planJob } from '../plan/plan.ts';
import { makeProbedSource } from '../plan/test-probe.ts';
import { buildQualityArgs, QUALITY_SAMPLE_EVERY } from './quality.ts';

const options = parseJobOptions({
  input: '/in/lesson.mp4',
  assetId: 'lesson-1',
  outRoot: '/o',
  jobsRoot: '/j',
});
const graphOf = (args: string[]) => args[args.indexOf('-filter_complex') + 1] ?? '';
const SELECT = `select='not(mod(n,${QUALITY_SAMPLE_EVERY}))'`;

describe('PSNR/SSIM on sampled frames', () => {
  it('selects the same frame numbers in the source and in every rung, before scaling or comparing', () => {
    const plan = planJob(makeProbedSource({ width: 1280, height: 720 }), options);
    const h264 = plan.families.find((f) => f.family === 'h264')!;
    const graph = graphOf(buildQualityArgs(plan, h264, '/job', 'sampled'));
    const chains = graph.split(';');
    expect(chains[0]).toMatch(new RegExp(`^\\[0:0\\]${escape(SELECT)},`));
    for (let i = 0; i < h264.renditions.length; i++) {
      expect(chains.find((c) => c.startsWith(`[${i + 1}:v]`))).toMatch(
        new RegExp(`^\\[${i + 1}:v\\]${escape(SELECT)},scale=1280:720`),
      );
    }
    // A stride dividing the 2 s keyframe interval would sample every keyframe (biased high).
    for (const gopFrames of [48, 50, 60, 100, 120]) expect(gopFrames % QUALITY_SAMPLE_EVERY).not.toBe(0);
  });

  it('counts frames after a frame-rate fix, and keeps every frame when asked', () => {
    const vfr = planJob(makeProbedSource({ isVariableFrameRate: true, frameRate: 29.5 }), options);
    const family = vfr.families[0]!;
    const sourceChain = graphOf(buildQualityArgs(vfr, family, '/job', 'sampled')).split(';')[0] ?? '';
    expect(sourceChain.indexOf('fps=')).toBeGreaterThan(-1);
    expect(sourceChain.indexOf(SELECT)).toBeGreaterThan(sourceChain.indexOf('fps='));
    expect(graphOf(buildQualityArgs(vfr, family, '/job', 'every'))).not.toContain('select=');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
