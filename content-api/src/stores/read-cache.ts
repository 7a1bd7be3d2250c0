import { LRUCache } from 'lru-cache';

export type ReadCacheOptions = { max: number; ttlMs: number };

/**
 * The family records read on every request (credentials, households, profiles): about 1 KB each, so 20,000
 * entries hold the active households of a busy hour in a few tens of MB; 30 s bounds how long a change made by
 * another process (an operator's CLI) takes to be seen.
 */
export const FAMILY_RECORD_CACHE: ReadCacheOptions = { max: 20_000, ttlMs: 60_000 };

/**
 * The watching state of active profiles (today's usage, the progress of the lessons being watched), read and
 * written on every heartbeat: a box sends one every 30 s, so entries live 5 minutes; 50,000 progress records
 * are about 25 MB. Only the API process writes them.
 */
export const WATCHING_CACHE: ReadCacheOptions = { max: 50_000, ttlMs: 300_000 };

/**
 * A bounded, short-lived cache of one store's records by key, kept in step with that store's own writes: a
 * write drops the key's entry before it starts and puts the new record (or nothing) once durable, and a read
 * that overlapped a write of its key is not kept (it may hold the older record). Records are frozen, so a
 * caller copies to change one. Writes by another process are seen within `ttlMs`.
 */
export class ReadCache<T extends object> {
  private readonly cache: LRUCache<string, T>;
  /** Reads under way, by key: a write of the key makes them stale (not kept). */
  private readonly reading = new Map<string, symbol>();
  /** Writes under way, by key, and changes of many keys under way. */
  private readonly writing = new Map<string, number>();
  private changing = 0;

  constructor(options: ReadCacheOptions) {
    this.cache = new LRUCache<string, T>({ max: options.max, ttl: options.ttlMs });
  }

  /** The cached record, else `load()`'s (kept when found and no write of the key ran meanwhile). */
  async get(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const token = Symbol(key);
    this.reading.set(key, token);
    let isCurrent = false;
    let record: T | undefined;
    try {
      record = await load();
    } finally {
      isCurrent = this.reading.get(key) === token;
      if (isCurrent) this.reading.delete(key);
    }
    if (!record) return undefined;
    const frozen = deepFreeze(record);
    if (isCurrent && !this.writing.has(key) && this.changing === 0) this.cache.set(key, frozen);
    return frozen;
  }

  /**
   * The cached records of `keys`, the others from one `loadMissing` (which answers the ones it found, by key);
   * each kept as in `get`.
   */
  async getMany(
    keys: readonly string[],
    loadMissing: (keys: readonly string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const key of new Set(keys)) {
      const hit = this.cache.get(key);
      if (hit) found.set(key, hit);
      else missing.push(key);
    }
    if (missing.length === 0) return found;
    const tokens = missing.map((key) => {
      const token = Symbol(key);
      this.reading.set(key, token);
      return token;
    });
    let loaded = new Map<string, T>();
    const current = new Set<string>();
    try {
      loaded = await loadMissing(missing);
    } finally {
      missing.forEach((key, index) => {
        if (this.reading.get(key) !== tokens[index]) return;
        this.reading.delete(key);
        current.add(key);
      });
    }
    for (const [key, record] of loaded) {
      const frozen = deepFreeze(record);
      if (current.has(key) && !this.writing.has(key) && this.changing === 0) this.cache.set(key, frozen);
      found.set(key, frozen);
    }
    return found;
  }

  /** Runs the store's write of `key`; afterwards the cache holds `record` (undefined: nothing). */
  async write(key: string, work: () => Promise<unknown>, record: T | undefined): Promise<void> {
    await this.writeMany([[key, record]], work);
  }

  /** Runs the store's write of several keys; afterwards the cache holds each one's record (or nothing). */
  async writeMany(entries: readonly (readonly [string, T | undefined])[], work: () => Promise<unknown>) {
    for (const [key] of entries) {
      this.writing.set(key, (this.writing.get(key) ?? 0) + 1);
      this.reading.delete(key);
      this.cache.delete(key);
    }
    try {
      await work();
    } finally {
      for (const [key] of entries) {
        const left = this.writing.get(key)! - 1;
        if (left > 0) this.writing.set(key, left);
        else this.writing.delete(key);
        this.reading.delete(key);
      }
    }
    for (const [key, record] of entries) {
      if (record && !this.writing.has(key) && this.changing === 0) {
        this.cache.set(key, deepFreeze(structuredClone(record)));
      }
    }
  }

  /** Runs a store write of every record matching `matches` (a filter's update or delete); drops them all. */
  async change(matches: (key: string, record: T) => boolean, work: () => Promise<unknown>): Promise<void> {
    this.changing += 1;
    this.dropMatching(matches);
    try {
      await work();
    } finally {
      this.changing -= 1;
      this.dropMatching(matches);
    }
  }

  private dropMatching(matches: (key: string, record: T) => boolean): void {
    this.reading.clear();
    const dropped = [...this.cache.entries()].filter(([key, record]) => matches(key, record));
    for (const [key] of dropped) this.cache.delete(key);
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
