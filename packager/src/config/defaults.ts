import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where published assets go: KETANG_MEDIA_DIR, else <repo>/.data/media (served by the content API at /media/). */
export function defaultOutRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.KETANG_MEDIA_DIR ?? path.join(REPO_ROOT, '.data/media');
}

/** Where job directories live: KETANG_PACKAGER_JOBS_DIR, else <repo>/.data/packager-jobs. */
export function defaultJobsRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.KETANG_PACKAGER_JOBS_DIR ?? path.join(REPO_ROOT, '.data/packager-jobs');
}

/** URL path prefix under which the content API serves the out root. */
export const MEDIA_URL_PREFIX = '/media';
