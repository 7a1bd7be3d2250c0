import type { ResolutionLabel } from './lesson-script.schema.ts';

/** Constant frame rate of every lesson; 25 fps keeps the frame count (and encode time) down. */
export const FPS = 25;

export interface VideoProfile {
  label: ResolutionLabel;
  width: number;
  height: number;
  /** x264 preset: speed matters more than size for a mezzanine the packager re-encodes. */
  preset: 'veryfast' | 'ultrafast';
  crf: number;
}

export const VIDEO_PROFILES: Readonly<Record<ResolutionLabel, VideoProfile>> = {
  '1080p': { label: '1080p', width: 1920, height: 1080, preset: 'veryfast', crf: 20 },
  '2160p': { label: '2160p', width: 3840, height: 2160, preset: 'veryfast', crf: 22 },
  '4320p': { label: '4320p', width: 7680, height: 4320, preset: 'ultrafast', crf: 24 },
};

export const AUDIO = { sampleRate: 48_000, channels: 2, bitrate: '128k' } as const;

/** Keyframes on a fixed 2-second grid keep packaged renditions aligned (see shared/guides/video.md). */
export const KEYFRAME_INTERVAL_SECONDS = 2;

export type NarrationLanguage = 'zh' | 'en';

/** espeak-ng voices; a slower English rate suits young learners. */
export const VOICES: Readonly<Record<NarrationLanguage, { voice: string; wordsPerMinute: number }>> = {
  zh: { voice: 'cmn', wordsPerMinute: 175 },
  en: { voice: 'en', wordsPerMinute: 150 },
};

/** Silence around the narration of each slide, so a slide is on screen before and after it is spoken. */
export const SLIDE_TIMING = { leadInSeconds: 0.6, gapSeconds: 0.4, tailSeconds: 0.9 } as const;

/** WebVTT language tags per narration language. */
export const CAPTION_LANGUAGES = { zh: 'zh-CN', en: 'en' } as const satisfies Record<
  NarrationLanguage,
  string
>;
