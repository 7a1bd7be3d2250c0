// Preloads the likely next lesson when its Play button gets focus: the player code, then the
// manifest and first segments through Shaka's preload, so OK starts playback at once.
import { getConfig } from '../../config.ts';
import type { LessonDetail } from '../types.ts';

export function preloadLesson(lesson: LessonDetail): void {
  if (lesson.playback?.type !== 'packaged') return;
  const playback = lesson.playback;
  void import('../../player/preload-manager.ts').then(({ preloadManifest }) =>
    preloadManifest(playback, getConfig().deviceProfile),
  );
}
