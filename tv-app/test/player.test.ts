import { describe, expect, it } from 'vitest';
import {
  detectCapability,
  detectCodecFamilies,
  PROBE_CODECS,
  type DecodeProbe,
} from '../src/player/capabilities.ts';
import { createQualityControl } from '../src/player/quality.ts';
import { clampTime, scrubStep } from '../src/player/scrub.ts';
import { statsSince, toPlaybackStats } from '../src/player/stats.ts';
import { parseThumbnailsVtt, thumbnailAt } from '../src/player/thumbnails.ts';

// What Chromium on this machine answers: H.264 and AV1 decode (AV1 up to 8K), HEVC does not.
const chromiumHere: DecodeProbe = async (codec) => codec !== PROBE_CODECS.hevc;
const hevcBox: DecodeProbe = async (codec, height) => codec !== PROBE_CODECS.av1 && height <= 2160;

describe('capability detection', () => {
  it('pins AV1 where it decodes, and skips HEVC where it does not', async () => {
    expect(await detectCapability(chromiumHere, {})).toEqual({ codecFamily: 'av1', maxHeight: 4320 });
    expect(await detectCapability(chromiumHere, {}, ['hevc', 'h264'])).toEqual({
      codecFamily: 'h264',
      maxHeight: 4320,
    });
  });

  it('finds HEVC and the 4K cap on a box without AV1', async () => {
    expect(await detectCapability(hevcBox, {})).toEqual({ codecFamily: 'hevc', maxHeight: 2160 });
  });

  it("follows the carrier's device profile over detection", async () => {
    expect(await detectCapability(chromiumHere, { codecFamily: 'h264', maxHeight: 1080 })).toEqual({
      codecFamily: 'h264',
      maxHeight: 1080,
    });
    expect(await detectCapability(chromiumHere, { codecFamily: 'hevc' }, ['av1', 'h264'])).toBeUndefined();
  });

  it("tells the API the box's profile: every family it decodes, best first; a carrier's pin with H.264", async () => {
    expect(await detectCodecFamilies(chromiumHere, {})).toEqual(['av1', 'h264']);
    expect(await detectCodecFamilies(hevcBox, {})).toEqual(['hevc', 'h264']);
    expect(await detectCodecFamilies(chromiumHere, { codecFamily: 'hevc' })).toEqual(['hevc', 'h264']);
    expect(await detectCodecFamilies(chromiumHere, { codecFamily: 'h264' })).toEqual(['h264']);
  });
});

describe('scrubbing', () => {
  it('steps 10 s per press and speeds up while a key is held', () => {
    expect([0, 1, 2].map(scrubStep)).toEqual([10, 10, 10]);
    expect(scrubStep(3)).toBe(20);
    expect(scrubStep(30)).toBe(60);
  });

  it('stays inside the lesson', () => {
    expect(clampTime(-5, 100)).toBe(0);
    expect(clampTime(500, 100)).toBe(99.5);
    expect(clampTime(42, Number.NaN)).toBe(42);
  });
});

describe('thumbnails track', () => {
  const vtt =
    'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nthumbs.jpg#xywh=0,0,320,180\n\n00:00:02.000 --> 00:00:04.000\nthumbs.jpg#xywh=320,0,320,180\n';

  it('parses sprite cues and finds the one for a time', () => {
    const cues = parseThumbnailsVtt(vtt, 'http://box/media/demo-1/thumbnails.vtt');
    expect(cues).toHaveLength(2);
    expect(cues[1]).toEqual({
      start: 2,
      end: 4,
      url: 'http://box/media/demo-1/thumbs.jpg',
      x: 320,
      y: 0,
      width: 320,
      height: 180,
    });
    expect(thumbnailAt(cues, 3)?.x).toBe(320);
    expect(thumbnailAt(cues, 99)?.x).toBe(320);
  });
});

describe('playback stats', () => {
  it("shapes Shaka's stats into the API's playback event", () => {
    const stats = toPlaybackStats(
      {
        loadLatency: 0.42,
        stallsDetected: 1,
        droppedFrames: 3,
        decodedFrames: 240,
        estimatedBandwidth: 12_345_678.9,
        height: 1080,
        switchHistory: [{ type: 'variant' }, { type: 'text' }, { type: 'variant' }],
        bufferingTime: Number.NaN,
        playTime: 12.345,
        streamBandwidth: 1_200_000,
      },
      'av1',
      undefined,
    );
    expect(stats).toEqual({
      stalls: 1,
      droppedFrames: 3,
      decodedFrames: 240,
      estimatedBandwidth: 12_345_679,
      switches: 2,
      height: 1080,
      timeToFirstFrameMs: 420,
      codecFamily: 'av1',
      playSeconds: 12.3,
      bitrate: 1_200_000,
    });
  });

  it('reports each period once: counters since the last report, gauges as they are now', () => {
    const first = {
      timeToFirstFrameMs: 420,
      stalls: 1,
      playSeconds: 30,
      bitrate: 800_000,
      decodedFrames: 750,
      height: 720,
      codecFamily: 'av1' as const,
    };
    const later = {
      timeToFirstFrameMs: 420,
      stalls: 3,
      playSeconds: 58.5,
      bitrate: 1_200_000,
      decodedFrames: 1500,
      height: 1080,
      codecFamily: 'av1' as const,
    };
    expect(statsSince(first, undefined)).toEqual(first);
    expect(statsSince(later, first)).toEqual({
      stalls: 2,
      playSeconds: 28.5,
      bitrate: 1_200_000,
      decodedFrames: 750,
      height: 1080,
      codecFamily: 'av1',
    });
  });
});

describe('quality button and stalls', () => {
  /** A ladder that plays the pinned rung, or (automatic) the top one, as Shaka's ABR would on a fast link. */
  function ladder(heights: number[]) {
    let pinned = 0;
    return {
      heights: () => heights,
      activeHeight: () => pinned || heights.at(-1)!,
      selectHeight: (height: number) => (pinned = height),
      pinned: () => pinned,
    };
  }
  function control(heights: number[]) {
    const player = ladder(heights);
    let shown = 0;
    const quality = createQualityControl(() => player, { get: () => shown, set: (h) => (shown = h) });
    return { player, quality, shown: () => shown };
  }

  it('a stall that steps down shows the pinned rung on the button, not 自动', () => {
    const { player, quality, shown } = control([360, 720, 1080]);
    expect(quality.stepDown()).toBe(true);
    expect(player.pinned()).toBe(720);
    expect(shown()).toBe(720);
    expect(quality.stepDown()).toBe(true);
    expect([player.pinned(), shown()]).toEqual([360, 360]);
    expect(quality.stepDown()).toBe(false); // the bottom: nothing changes
    expect([player.pinned(), shown()]).toEqual([360, 360]);
    quality.cycle(); // the button continues from what it shows
    expect([player.pinned(), shown()]).toEqual([720, 720]);
  });

  it('the button cycles automatic, each rung, automatic', () => {
    const { player, quality, shown } = control([360, 720]);
    const seen = [0, 1, 2].map(() => (quality.cycle(), [player.pinned(), shown()]));
    expect(seen).toEqual([
      [360, 360],
      [720, 720],
      [0, 0],
    ]);
  });
});
