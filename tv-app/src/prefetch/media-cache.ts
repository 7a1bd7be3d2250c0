// The box's kept lessons in Cache Storage (`ketang-media-v1`), shared with the service worker (public/sw.js)
// that answers /media requests from it when the network fails. The index of what is kept lives in the same
// cache under INDEX_PATH, so one store holds both and neither can outlive the other.
import type { StoredLesson } from './eviction.ts';

export const MEDIA_CACHE = 'ketang-media-v1';
const INDEX_PATH = './__prefetch/index.json';

const absolute = (url: string) => new URL(url, globalThis.location.href).href;

export async function readIndex(): Promise<StoredLesson[]> {
  const cache = await caches.open(MEDIA_CACHE);
  const response = await cache.match(absolute(INDEX_PATH));
  return response ? ((await response.json()) as StoredLesson[]) : [];
}

async function writeIndex(cache: Cache, index: StoredLesson[]): Promise<void> {
  await cache.put(
    absolute(INDEX_PATH),
    new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } }),
  );
}

export async function removeLessons(entries: readonly StoredLesson[]): Promise<void> {
  if (entries.length === 0) return;
  const cache = await caches.open(MEDIA_CACHE);
  for (const entry of entries) {
    await Promise.all([entry.manifestUrl, ...entry.urls].map((url) => cache.delete(url)));
  }
  const gone = new Set(entries.map((entry) => entry.lessonId));
  await writeIndex(
    cache,
    (await readIndex()).filter((entry) => !gone.has(entry.lessonId)),
  );
}

/** Puts a lesson's responses, then its index entry: a half-stored lesson is never listed as kept. */
export async function storeLesson(entry: StoredLesson, responses: Map<string, Response>): Promise<void> {
  const cache = await caches.open(MEDIA_CACHE);
  for (const [url, response] of responses) await cache.put(url, response);
  await writeIndex(cache, [...(await readIndex()).filter((e) => e.lessonId !== entry.lessonId), entry]);
}
