import { getJson } from '../client.ts';
import type { SearchResult } from '../types.ts';
import { cached } from './cache.ts';

const SEARCH_LIMIT = 24;

export function searchCatalogue(query: string): Promise<SearchResult> {
  const q = query.trim();
  if (!q) return Promise.resolve({ query: '', subjects: [], lessons: [] });
  return cached(`search:${q}`, () => getJson<SearchResult>('/v1/search', { q, limit: SEARCH_LIMIT }));
}
