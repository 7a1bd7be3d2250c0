// A small in-memory cache for catalogue reads: one request per URL while fresh, shared by concurrent
// callers; failures are not cached so Retry really retries.
const DEFAULT_TTL_MS = 60_000;
const MAX_ENTRIES = 200;

type Entry = { expires: number; value: Promise<unknown> };
const entries = new Map<string, Entry>();

export function cached<T>(
  key: string,
  load: () => Promise<T>,
  ttlMs = DEFAULT_TTL_MS,
  now = Date.now(),
): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  const value = load().catch((error: unknown) => {
    entries.delete(key);
    throw error;
  });
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  entries.set(key, { expires: now + ttlMs, value });
  return value;
}

export function clearCache(): void {
  entries.clear();
}
