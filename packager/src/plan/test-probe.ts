import type { ProbedSource } from '../probe/parse-probe.ts';

/** Test helper: a probed source with sensible defaults (1080p25 progressive, square pixels, stereo AAC). */
export function makeProbedSource(
  overrides: Partial<ProbedSource['video']> = {},
  audioTracks = 1,
): ProbedSource {
  return {
    file: '/in/lesson.mp4',
    durationSeconds: 30,
    video: {
      index: 0,
      codec: 'h264',
      width: 1920,
      height: 1080,
      sampleAspectRatio: [1, 1],
      frameRate: 25,
      isVariableFrameRate: false,
      isInterlaced: false,
      fieldOrder: 'progressive',
      pixelFormat: 'yuv420p',
      ...overrides,
    },
    audio: Array.from({ length: audioTracks }, (_, i) => ({
      index: i + 1,
      codec: 'aac',
      channels: 2,
      sampleRate: 48000,
    })),
  };
}
