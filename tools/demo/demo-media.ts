import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CodecFamily } from '@ketang/catalog';
import { packageTitle, type PackageTitleOptions, type ProgressEvent } from '@ketang/packager';
import { generateDemoLessons, type LessonRecord } from '../demo-video/generate-demo-video.ts';

export type DemoMediaOptions = {
  demoVideoDir: string;
  mediaDir: string;
  jobsRoot: string;
  /** Demo lesson ids to prepare; all when absent. */
  only?: readonly string[];
  codecs: CodecFamily[];
  /** Where to register packaged assets (the running content API). */
  registration?: { apiBase: string; token: string };
  onLessonsReady?: (lessons: LessonRecord[]) => Promise<void> | void;
  onPackaged?: (lesson: LessonRecord, codecs: CodecFamily[]) => void;
  onProgress?: (event: ProgressEvent) => void;
};

/** Generates the synthetic demo lessons (cached) and the videos' lesson records. */
export async function generateDemoVideo(
  options: Pick<DemoMediaOptions, 'demoVideoDir' | 'only'>,
): Promise<LessonRecord[]> {
  const { manifest } = await generateDemoLessons({ outDir: options.demoVideoDir, only: options.only });
  const wanted = options.only ? new Set(options.only) : undefined;
  return manifest.lessons.filter((lesson) => !wanted || wanted.has(lesson.id));
}

/** Job options a caller may add, e.g. a short ladder for tests (`ladder`) or faster presets. */
export type DemoPackagingExtras = Pick<PackageTitleOptions, 'ladder' | 'presets'>;

/** Packages one demo lesson with the real packager: the same path an operator's title takes. */
export async function packageDemoLesson(
  lesson: LessonRecord,
  options: DemoMediaOptions,
  codecs = options.codecs,
  extras: DemoPackagingExtras = {},
) {
  return packageTitle({
    ...extras,
    input: path.join(options.demoVideoDir, lesson.file),
    assetId: lesson.id,
    title: lesson.title,
    codecs,
    // prepareDemoMedia's quick pass publishes every lesson's H.264 first; the full ladder then takes the least CPU.
    h264First: false,
    captions: lesson.captions.map((caption) => ({
      file: path.join(options.demoVideoDir, caption.file),
      language: caption.language,
    })),
    outRoot: options.mediaDir,
    jobsRoot: options.jobsRoot,
    registration: options.registration,
    onProgress: options.onProgress,
  });
}

export function isPackaged(mediaDir: string, lessonId: string): boolean {
  return existsSync(path.join(mediaDir, lessonId, 'asset.json'));
}

/**
 * Prepares every demo lesson's video: generates the slides-and-narration lessons, then packages them in two
 * passes — H.264 for every lesson first (so each becomes playable within seconds), then the full ladder
 * with HEVC and AV1.
 */
export async function prepareDemoMedia(options: DemoMediaOptions): Promise<void> {
  const lessons = await generateDemoVideo(options);
  await options.onLessonsReady?.(lessons);
  const quickPass = lessons.filter((lesson) => !isPackaged(options.mediaDir, lesson.id));
  for (const lesson of quickPass) {
    await packageDemoLesson(lesson, options, ['h264']);
    options.onPackaged?.(lesson, ['h264']);
  }
  if (options.codecs.length <= 1) return;
  for (const lesson of lessons) {
    await packageDemoLesson(lesson, options);
    options.onPackaged?.(lesson, options.codecs);
  }
}
