import type { NarrationLanguage } from './render-profile.ts';

/** Durations (seconds) of the spoken clips of one slide: Chinese, then English when present. */
export interface SlideNarrationDurations {
  zh: number;
  en?: number;
}

export interface SlideTiming {
  leadInSeconds: number;
  gapSeconds: number;
  tailSeconds: number;
}

export interface TimedSlide {
  startFrame: number;
  frameCount: number;
}

export interface TimedClip {
  slideIndex: number;
  language: NarrationLanguage;
  startSeconds: number;
  durationSeconds: number;
}

export interface LessonTimeline {
  fps: number;
  slides: TimedSlide[];
  clips: TimedClip[];
  totalFrames: number;
  durationSeconds: number;
}

/**
 * Times each slide to its narration: lead-in silence, the Chinese clip, a gap and the English clip when
 * present, then a tail; each slide lasts a whole number of frames so slides and captions stay in step.
 */
export function buildTimeline(
  narrations: readonly SlideNarrationDurations[],
  fps: number,
  timing: SlideTiming,
): LessonTimeline {
  const slides: TimedSlide[] = [];
  const clips: TimedClip[] = [];
  let frame = 0;
  narrations.forEach((narration, slideIndex) => {
    const slideStart = frame / fps;
    const zhStart = slideStart + timing.leadInSeconds;
    clips.push({ slideIndex, language: 'zh', startSeconds: zhStart, durationSeconds: narration.zh });
    let spokenEnd = zhStart + narration.zh;
    if (narration.en !== undefined) {
      const enStart = spokenEnd + timing.gapSeconds;
      clips.push({ slideIndex, language: 'en', startSeconds: enStart, durationSeconds: narration.en });
      spokenEnd = enStart + narration.en;
    }
    const frameCount = Math.ceil((spokenEnd + timing.tailSeconds - slideStart) * fps - 1e-9);
    slides.push({ startFrame: frame, frameCount });
    frame += frameCount;
  });
  return { fps, slides, clips, totalFrames: frame, durationSeconds: frame / fps };
}
