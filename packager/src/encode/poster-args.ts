import type { JobPlan } from '../plan/job-plan.ts';

/** How far into the lesson the poster frame is taken: past a title card, before anything ends. */
export const POSTER_POSITION = 0.1;
/** The poster's width at most; the API's image endpoint makes the small sizes boxes draw from it. */
export const POSTER_MAX_WIDTH = 1920;

/**
 * Pure: one JPEG frame at ~10% of the duration, with the same source fixes as the encode (deinterlace,
 * square pixels), so the poster looks like the video; seeking before `-i` decodes only from the nearest keyframe.
 */
export function buildPosterArgs(plan: JobPlan, output: string): string[] {
  const seconds = (plan.durationSeconds * POSTER_POSITION).toFixed(3);
  const filters = [...plan.fixes.videoFilters, `scale='min(${POSTER_MAX_WIDTH},iw)':-2`];
  return [
    '-hide_banner',
    '-nostdin',
    '-y',
    '-loglevel',
    'error',
    '-ss',
    seconds,
    '-i',
    plan.source.file,
    '-map',
    `0:${plan.source.video.index}`,
    '-frames:v',
    '1',
    '-vf',
    filters.join(','),
    '-q:v',
    '3',
    output,
  ];
}
