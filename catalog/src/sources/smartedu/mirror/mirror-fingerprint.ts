import { createHash } from 'node:crypto';
import type { SmarteduMirrorOptions } from './generate-mirror.ts';
import { GRADE_TITLES, SENIOR_TITLES, SINGING_TITLES } from './mirror-lesson-titles.ts';
import * as vocabulary from './mirror-vocabulary.ts';

/** Raise when the generator writes something else from the same data (records, plan, order). */
const GENERATOR_VERSION = 2;

/**
 * What a generated mirror was made from: the generator's version, its data and the options. A kept mirror
 * whose fingerprint differs is stale (its titles or tree are not what the generator now writes).
 */
export function smarteduMirrorFingerprint(options: Omit<SmarteduMirrorOptions, 'dir'>): string {
  const data = { GENERATOR_VERSION, GRADE_TITLES, SENIOR_TITLES, SINGING_TITLES, vocabulary, options };
  return createHash('sha1').update(JSON.stringify(data)).digest('hex');
}
