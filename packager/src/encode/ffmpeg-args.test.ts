import { describe, expect, it } from 'vitest';
import { parseJobOptions } from '../config/job-options.schema.ts';
import { buildPackagerArgs } from '../package/packager-args.ts';
import { planJob } from '../plan/plan.ts';
import { makeProbedSource } from '../plan/test-probe.ts';
import { buildAudioEncodeArgs, buildEncodeArgs, encoderThreadArgs } from './ffmpeg-args.ts';
import { buildPosterArgs } from './poster-args.ts';

const plan = planJob(
  makeProbedSource({ width: 1280, height: 720 }),
  parseJobOptions({
    input: '/in/lesson.mp4',
    assetId: 'lesson-1',
    outRoot: '/out',
    jobsRoot: '/jobs',
    captions: [{ file: '/in/zh.vtt', language: 'zh-CN' }],
  }),
);
const family = (name: string) => plan.families.find((f) => f.family === name)!;
const outputs = { renditionPath: (r: { file: string }) => `/job/${r.file}` };
const CORES = 2;

describe('argument builders (snapshots)', () => {
  it('takes the poster frame at 10% of the duration, at most 1920 wide, with the source fixes', () => {
    const args = buildPosterArgs(plan, '/stage/poster.jpg');
    expect(args[args.indexOf('-ss') + 1]).toBe((plan.durationSeconds * 0.1).toFixed(3));
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i')); // input seeking: decode from one keyframe
    expect(args.at(-1)).toBe('/stage/poster.jpg');
    expect(args).toMatchSnapshot();
  });

  it('encodes every H.264 rung and the thumbnails from one decode', () => {
    const args = buildEncodeArgs(
      plan,
      [family('h264')],
      {
        ...outputs,
        thumbnailPattern: '/job/t/sprite-%03d.jpg',
      },
      CORES,
    );
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    expect(args).toMatchSnapshot();
  });

  it('tags HEVC hvc1 with closed GOPs', () => {
    const args = buildEncodeArgs(plan, [family('hevc')], outputs, CORES);
    expect(args.join(' ')).toContain('-tag:v hvc1 -flags +cgop');
    expect(args).toMatchSnapshot();
  });

  it('encodes AV1 with SVT-AV1 and a 2 s GOP', () => {
    const args = buildEncodeArgs(plan, [family('av1')], outputs, CORES);
    expect(args.join(' ')).toContain('-c:v libsvtav1 -preset 10');
    expect(args.join(' ')).toContain('-g 50');
    expect(args).toMatchSnapshot();
  });

  it('decodes once for several families and scales each size once for all of them', () => {
    const families = [family('h264'), family('hevc'), family('av1')];
    const args = buildEncodeArgs(plan, families, outputs, CORES);
    const graph = args[args.indexOf('-filter_complex') + 1]!;
    expect(args.filter((a) => a === '-i')).toHaveLength(1);
    // 720p, 540p and 360p for every family (the source is 720p): one scale per size feeds three encoders.
    expect(graph).toBe(
      '[0:0]format=yuv420p,split=1[cascade0];' +
        '[cascade0]scale=1280:720:flags=bicubic,split=4[out2][out5][out8][cascade1];' +
        '[cascade1]scale=960:540:flags=bicubic,split=4[out1][out4][out7][cascade2];' +
        '[cascade2]scale=640:360:flags=bicubic,split=3[out0][out3][out6]',
    );
    const outputsInOrder = families.flatMap((f) => f.renditions).map((r) => `/job/${r.file}`);
    expect(args.filter((a) => a.startsWith('/job/'))).toEqual(outputsInOrder);
    expect(args.filter((a) => a === '-c:v')).toHaveLength(9);
  });

  it('gives encoders sharing a process their share of the cores, and a lone encoder its defaults', () => {
    expect(encoderThreadArgs('h264', 4, 2)).toEqual(['-threads', '2']);
    expect(encoderThreadArgs('h264', 4, 8)).toEqual(['-threads', '3']);
    expect(encoderThreadArgs('av1', 4, 2)).toEqual(['-svtav1-params', 'lp=1']);
    expect(encoderThreadArgs('av1', 2, 8)).toEqual(['-svtav1-params', 'lp=4']);
    expect(encoderThreadArgs('hevc', 4, 2)).toEqual([]);
    expect(encoderThreadArgs('h264', 1, 2)).toEqual([]);
    const single = { ...family('h264'), renditions: family('h264').renditions.slice(0, 1) };
    expect(buildEncodeArgs(plan, [single], outputs, CORES)).not.toContain('-threads');
  });

  it('encodes AAC once', () => {
    expect(buildAudioEncodeArgs(plan, '/job/encode/audio.mp4')).toMatchSnapshot();
  });

  it('packages everything in one Shaka Packager run with trick play, captions and encryption', () => {
    const inputs = {
      renditionPath: outputs.renditionPath,
      audioPath: '/job/audio.mp4',
      captionPath: () => '/in/zh.vtt',
    };
    expect(buildPackagerArgs(plan, ['h264', 'hevc', 'av1'], inputs)).toMatchSnapshot();
    const encrypted = { ...plan, encryption: { keyId: 'AA'.repeat(16), key: 'bb'.repeat(16) } };
    const args = buildPackagerArgs(encrypted, ['h264'], inputs);
    expect(args.join(' ')).toContain(`--keys label=:key_id=${'aa'.repeat(16)}:key=${'bb'.repeat(16)}`);
    expect(args.join(' ')).toContain('--protection_scheme cenc');
  });
});
