import { getCarrierJson } from '../client.ts';
import type { HomeDocument } from '../types.ts';
import { cached } from './cache.ts';

const HOME_TTL_MS = 30_000;

/** The catalogue's home (for a grade when given): rails of lessons, sections and channels. */
export function fetchCatalogueHome(gradeId?: string): Promise<HomeDocument> {
  return cached(
    `home:${gradeId ?? ''}`,
    () => getCarrierJson<HomeDocument>('/v1/home', { grade: gradeId }),
    HOME_TTL_MS,
  );
}
