import { describe, expect, it } from 'vitest';
import { parseJobOptions } from '../config/job-options.schema.ts';
import { planJob } from './plan.ts';
import { planSourceFixes } from './source-fixes.ts';
import { makeProbedSource } from './test-probe.ts';

const options = (extra: Record<string, unknown> = {}) =>
  parseJobOptions({
    input: '/in/lesson.mp4',
    assetId: 'lesson-1',
    outRoot: '/out',
    jobsRoot: '/jobs',
    ...extra,
  });
const heights = (plan: ReturnType<typeof planJob>, family: string) =>
  plan.families.find((f) => f.family === family)?.renditions.map((r) => r.height);

describe('planJob', () => {
  it('plans a complete ladder per family for a 1080p source, H.264 first', () => {
    const plan = planJob(makeProbedSource(), options({ codecs: ['av1', 'hevc'] }));
    expect(plan.families.map((f) => f.family)).toEqual(['h264', 'av1', 'hevc']);
    expect(heights(plan, 'h264')).toEqual([360, 540, 720, 1080]);
    expect(heights(plan, 'hevc')).toEqual([360, 540, 720, 1080]);
  });

  it('never goes taller than the source, and caps H.264 at 1080p and HEVC/AV1 at 2160p', () => {
    const uhd = planJob(makeProbedSource({ width: 3840, height: 2160 }), options());
    expect(heights(uhd, 'h264')).toEqual([360, 540, 720, 1080]);
    expect(heights(uhd, 'av1')).toEqual([360, 540, 720, 1080, 1440, 2160]);
    const odd = planJob(makeProbedSource({ width: 1280, height: 800 }), options());
    expect(heights(odd, 'hevc')).toEqual([360, 540, 720]);
  });

  it('adds 4320p for HEVC and AV1 only when the source is 8K', () => {
    const eightK = planJob(makeProbedSource({ width: 7680, height: 4320 }), options());
    expect(heights(eightK, 'hevc')?.at(-1)).toBe(4320);
    expect(heights(eightK, 'av1')?.at(-1)).toBe(4320);
    expect(heights(eightK, 'h264')?.at(-1)).toBe(1080);
  });

  it('keeps one rung at the source height when the source is below the lowest rung', () => {
    const tiny = planJob(makeProbedSource({ width: 426, height: 240 }), options());
    expect(tiny.families[0]?.renditions).toMatchObject([{ height: 240, width: 426, maxrateKbps: 800 }]);
  });

  it('tunes CRF to the content profile and raises caps for 50/60 fps', () => {
    const lesson = planJob(makeProbedSource(), options());
    const sport = planJob(makeProbedSource({ frameRate: 50 }), options({ contentProfile: 'sport' }));
    expect(lesson.families[0]?.crf).toBeLessThan(sport.families[0]?.crf ?? 0);
    expect(sport.families[0]?.renditions[0]?.maxrateKbps).toBe(1200);
    expect(sport.families[0]?.renditions[0]?.bufsizeKbps).toBe(2400);
  });
});

describe('planSourceFixes', () => {
  it('deinterlaces, makes VFR constant and picks a standard rate, with notes', () => {
    const fixes = planSourceFixes(
      makeProbedSource({ isInterlaced: true, fieldOrder: 'tt', isVariableFrameRate: true, frameRate: 29.5 }),
    );
    expect(fixes.videoFilters).toEqual(['bwdif=mode=send_frame', 'fps=30000/1001', 'format=yuv420p']);
    expect(fixes.notes.map((n) => n.key)).toEqual(['fix.deinterlace', 'fix.constantFrameRate']);
  });

  it('scales anamorphic video to square pixels and even sizes', () => {
    const fixes = planSourceFixes(makeProbedSource({ width: 720, height: 576, sampleAspectRatio: [16, 11] }));
    expect(fixes).toMatchObject({ width: 1048, height: 576 });
    expect(fixes.videoFilters).toContain('scale=1048:576:flags=lanczos');
    expect(fixes.notes[0]?.key).toBe('fix.squarePixels');
  });

  it('adds silence when there is no audio and names the track it uses when there are several', () => {
    expect(planSourceFixes(makeProbedSource({}, 0)).audio).toEqual({ kind: 'silent' });
    const several = planSourceFixes(makeProbedSource({}, 3), 2);
    expect(several.audio).toEqual({ kind: 'track', streamIndex: 3, channels: 2 });
    expect(several.notes.map((n) => n.key)).toEqual(['fix.chooseAudio']);
    expect(() => planSourceFixes(makeProbedSource({}, 1), 4)).toThrow(/4/);
  });
});

describe('parseJobOptions', () => {
  it('names every bad field and what was expected', () => {
    expect(() =>
      parseJobOptions({
        input: '',
        assetId: 'a b',
        outRoot: '/o',
        jobsRoot: '/j',
        encryption: { keyId: 'x', key: 'y' },
      }),
    ).toThrow(/input: .*assetId: .*encryption\.keyId: 32 hex digits/s);
  });
});
