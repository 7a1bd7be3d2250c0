import { describe, expect, it } from 'vitest';
import { buildThumbnailsVtt, spriteFileName } from '../package/thumbnails-vtt.ts';
import { parseProbeOutput } from '../probe/parse-probe.ts';
import { parseProgressSeconds, ProgressTracker } from '../process/progress.ts';
import { runChecks } from './checks.ts';
import { findMissingGridKeyframes, parseKeyframeCsv } from './keyframes.ts';
import { averagePsnr, averageSsim } from './quality.ts';
import type { RenditionReport } from './quality-report.ts';
import { parseIsoDuration } from './read-mpd.ts';
import { summariseSegments } from './segments.ts';

describe('keyframes', () => {
  it('finds grid points without a keyframe', () => {
    const keys = parseKeyframeCsv('0.000000,K__\n0.040000,___\n2.000000,K__\n3.100000,K__\n');
    expect(keys).toEqual([0, 2, 3.1]);
    expect(findMissingGridKeyframes(keys, 2, 6, 25)).toEqual([4]);
    expect(findMissingGridKeyframes([0, 2, 4], 2, 6, 25)).toEqual([]);
  });
});

describe('segments and checks', () => {
  it('rates segments over their real length and flags peaks above the declared bandwidth', () => {
    const stats = summariseSegments([100_000, 200_000, 50_000], 4, 10);
    expect(stats).toMatchObject({
      count: 3,
      maxBytes: 200_000,
      measuredPeakBps: 400_000,
      measuredAverageBps: 280_000,
    });
    // A 0.5 s tail (its keyframe) is left out of the peak; alone, it is the peak.
    expect(summariseSegments([100_000, 100_000, 60_000], 2, 4.5).measuredPeakBps).toBe(400_000);
    expect(summariseSegments([60_000], 2, 0.5).measuredPeakBps).toBe(960_000);
    const rendition: RenditionReport = {
      id: 'h264-360p',
      family: 'h264',
      codecs: 'avc1',
      width: 640,
      height: 360,
      maxrateKbps: 800,
      declaredBandwidth: 300_000,
      segments: stats,
      missingKeyframes: [],
    };
    const checks = runChecks([rendition], 3, ['h264-360p', 'h264-720p'], false, []);
    expect(checks.filter((c) => !c.ok).map((c) => c.name)).toEqual([
      'renditions-present',
      'bandwidth-declared',
    ]);
  });
});

describe('parsers', () => {
  it('averages PSNR (inf capped) and SSIM stats', () => {
    expect(averagePsnr('n:1 psnr_avg:40.00\nn:2 psnr_avg:inf\n')).toBe(70);
    expect(averageSsim('n:1 Y:0.9 U:1 V:1 All:0.98 (1)\nn:2 All:0.96 (1)\n')).toBe(0.97);
  });

  it('reads ffprobe JSON: VFR, interlacing, SAR, cover art ignored; rejects no video', () => {
    const probe = parseProbeOutput(
      {
        format: { duration: '12.5' },
        streams: [
          {
            index: 0,
            codec_type: 'video',
            codec_name: 'mjpeg',
            width: 300,
            height: 300,
            disposition: { attached_pic: 1 },
          },
          {
            index: 1,
            codec_type: 'video',
            codec_name: 'h264',
            width: 720,
            height: 576,
            sample_aspect_ratio: '16:15',
            r_frame_rate: '50/1',
            avg_frame_rate: '25/1',
            field_order: 'tt',
            pix_fmt: 'yuv420p',
          },
          {
            index: 2,
            codec_type: 'audio',
            codec_name: 'aac',
            channels: 6,
            sample_rate: '44100',
            tags: { language: 'chi' },
          },
        ],
      },
      '/in/a.ts',
    );
    expect(probe.video).toMatchObject({
      index: 1,
      isInterlaced: true,
      isVariableFrameRate: true,
      sampleAspectRatio: [16, 15],
    });
    expect(probe.audio).toEqual([
      { index: 2, codec: 'aac', channels: 6, sampleRate: 44100, language: 'chi' },
    ]);
    expect(() => parseProbeOutput({ streams: [], format: { duration: '3' } }, '/in/b.mp3')).toThrow(
      '/in/b.mp3',
    );
  });

  it('reads ISO durations and ffmpeg progress lines', () => {
    expect(parseIsoDuration('PT1H2M3.5S')).toBe(3723.5);
    expect(parseProgressSeconds('out_time_us=2500000')).toBe(2.5);
    expect(parseProgressSeconds('frame=10')).toBeUndefined();
  });
});

describe('thumbnails and progress', () => {
  it('points each cue at its tile, moving to the next sheet when one is full', () => {
    const plan = { intervalSeconds: 2, width: 160, height: 90, columns: 2, rows: 2, spritePattern: '' };
    const vtt = buildThumbnailsVtt(plan, 9, spriteFileName);
    expect(vtt).toContain('00:00:02.000 --> 00:00:04.000\nsprite-001.jpg#xywh=160,0,160,90');
    expect(vtt).toContain('00:00:08.000 --> 00:00:09.000\nsprite-002.jpg#xywh=0,0,160,90');
  });

  it('weights steps and estimates the time left', () => {
    let now = 0;
    const tracker = new ProgressTracker({ a: 1, b: 3 }, () => now);
    now = 10_000;
    expect(tracker.update('a', 1)).toEqual({ fraction: 0.25, etaSeconds: 30 });
  });
});
