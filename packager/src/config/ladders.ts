import type { CodecFamily } from '@ketang/catalog';

/** One rung of a bitrate ladder: output height and the peak bitrate cap (kbps at 30 fps). */
export interface Rung {
  height: number;
  maxrateKbps: number;
}

export type Ladder = Readonly<Record<CodecFamily, readonly Rung[]>>;

// Caps from shared/guides/video.md; the CRF target usually lands far below them on lesson content.
export const DEFAULT_LADDER: Ladder = {
  h264: [
    { height: 360, maxrateKbps: 800 },
    { height: 540, maxrateKbps: 1500 },
    { height: 720, maxrateKbps: 3000 },
    { height: 1080, maxrateKbps: 5000 },
  ],
  hevc: [
    { height: 360, maxrateKbps: 500 },
    { height: 540, maxrateKbps: 900 },
    { height: 720, maxrateKbps: 1800 },
    { height: 1080, maxrateKbps: 3000 },
    { height: 1440, maxrateKbps: 6000 },
    { height: 2160, maxrateKbps: 12000 },
    { height: 4320, maxrateKbps: 30000 },
  ],
  av1: [
    { height: 360, maxrateKbps: 400 },
    { height: 540, maxrateKbps: 700 },
    { height: 720, maxrateKbps: 1400 },
    { height: 1080, maxrateKbps: 2200 },
    { height: 1440, maxrateKbps: 4500 },
    { height: 2160, maxrateKbps: 8000 },
    { height: 4320, maxrateKbps: 20000 },
  ],
};

/** The tallest rung each family may have; 4320p only when the source itself is 8K. */
export const MAX_HEIGHT: Readonly<Record<CodecFamily, number>> = { h264: 1080, hevc: 2160, av1: 2160 };
export const EIGHT_K_HEIGHT = 4320;

/** Content profiles: the CRF quality target per family. Slides need far fewer bits than sport at one CRF. */
export const CONTENT_PROFILES = ['lesson', 'general', 'sport'] as const;
export type ContentProfile = (typeof CONTENT_PROFILES)[number];

export const CRF_BY_PROFILE: Readonly<Record<ContentProfile, Readonly<Record<CodecFamily, number>>>> = {
  // Lessons: static slides cost few bits at any CRF, so aim a notch higher in quality to keep text crisp.
  lesson: { h264: 22, hevc: 24, av1: 34 },
  general: { h264: 23, hevc: 26, av1: 36 },
  // Sport: motion runs into the cap anyway; a looser target avoids pumping against it.
  sport: { h264: 24, hevc: 27, av1: 38 },
};

/** Encoder speed presets per family (tuned for 2 cores; see the guide's speed table). */
export const ENCODER_PRESETS: Readonly<Record<CodecFamily, string>> = {
  h264: 'medium',
  hevc: 'medium',
  av1: '10',
};

export const KEYFRAME_INTERVAL_SECONDS = 2;
export const SEGMENT_SECONDS = 4;
export const FRAGMENT_SECONDS = 2;
export const AUDIO_BITRATE_KBPS = 128;
export const AUDIO_SAMPLE_RATE = 48000;
export const THUMBNAIL = { intervalSeconds: 2, width: 160, columns: 5, rows: 5 } as const;
/** Keep 8K segments well under the MSE quotas of boxes. */
export const MAX_SEGMENT_BYTES = 15 * 1024 * 1024;
