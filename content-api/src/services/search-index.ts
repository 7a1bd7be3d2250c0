import { pinyin } from 'pinyin-pro';

/** What one searchable name is matched by: its text, its full pinyin and its pinyin initials. */
type SearchKeys = { text: string; full: string; initials: string; syllableStarts: Set<number> };

export type SearchEntry<T> = { item: T; name: string; alsoName?: string; group?: string; tieBreak: string };

/**
 * Match quality, best first. Chinese or English text beats pinyin; a prefix beats a substring; the name
 * of the entry's group (a lesson's subject) is the weakest match, so `sx` lists 数学 lessons after titles
 * that themselves read "sx…".
 */
const enum Rank {
  Exact = 0,
  TextPrefix = 1,
  TextSubstring = 2,
  PinyinPrefix = 3,
  PinyinSubstring = 4,
  GroupMatch = 5,
}

const LATIN_QUERY = /^[a-z]+$/;
const keyCache = new Map<string, SearchKeys>();
const KEY_CACHE_LIMIT = 500_000;

/** Pinyin conversion is the costly part (~20 µs a title), so keys are kept across index rebuilds. */
function keysOf(name: string): SearchKeys {
  let keys = keyCache.get(name);
  if (keys) return keys;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((syllable) =>
    syllable.toLowerCase().replace(/[^a-z0-9]/g, ''),
  );
  const syllableStarts = new Set<number>();
  let full = '';
  for (const syllable of syllables) {
    syllableStarts.add(full.length);
    full += syllable;
  }
  const initials = syllables.map((syllable) => syllable.charAt(0)).join('');
  keys = { text: normaliseQuery(name), full, initials, syllableStarts };
  if (keyCache.size < KEY_CACHE_LIMIT) keyCache.set(name, keys);
  return keys;
}

function rankPinyin(keys: SearchKeys, query: string): Rank | undefined {
  if (keys.initials.startsWith(query) || keys.full.startsWith(query)) return Rank.PinyinPrefix;
  if (keys.initials.includes(query)) return Rank.PinyinSubstring;
  // Full pinyin counts only from the start of a syllable: `xue` finds 数学, `hux` does not.
  let at = keys.full.indexOf(query);
  while (at !== -1) {
    if (keys.syllableStarts.has(at)) return Rank.PinyinSubstring;
    at = keys.full.indexOf(query, at + 1);
  }
  return undefined;
}

function rankName(keys: SearchKeys, query: string, isLatin: boolean): Rank | undefined {
  if (keys.text === query) return Rank.Exact;
  if (keys.text.startsWith(query)) return Rank.TextPrefix;
  if (keys.text.includes(query)) return Rank.TextSubstring;
  return isLatin ? rankPinyin(keys, query) : undefined;
}

type IndexedEntry<T> = {
  item: T;
  keys: SearchKeys[];
  groupKeys?: SearchKeys;
  nameLength: number;
  tieBreak: string;
};

/** An in-memory index over names: Chinese substrings, full pinyin and pinyin initials, ranked. */
export class SearchIndex<T> {
  private readonly entries: IndexedEntry<T>[];

  constructor(entries: Iterable<SearchEntry<T>>) {
    this.entries = [];
    for (const entry of entries) {
      const keys = [keysOf(entry.name)];
      if (entry.alsoName) keys.push(keysOf(entry.alsoName));
      this.entries.push({
        item: entry.item,
        keys,
        groupKeys: entry.group ? keysOf(entry.group) : undefined,
        nameLength: entry.name.length,
        tieBreak: entry.tieBreak,
      });
    }
  }

  get size(): number {
    return this.entries.length;
  }

  search(rawQuery: string, limit: number): T[] {
    const query = normaliseQuery(rawQuery);
    if (!query) return [];
    const isLatin = LATIN_QUERY.test(query);
    const hits: { entry: IndexedEntry<T>; rank: Rank }[] = [];
    for (const entry of this.entries) {
      const rank = this.rankEntry(entry, query, isLatin);
      if (rank !== undefined) hits.push({ entry, rank });
    }
    hits.sort(
      (a, b) =>
        a.rank - b.rank ||
        a.entry.nameLength - b.entry.nameLength ||
        (a.entry.tieBreak < b.entry.tieBreak ? -1 : a.entry.tieBreak > b.entry.tieBreak ? 1 : 0),
    );
    return hits.slice(0, limit).map((hit) => hit.entry.item);
  }

  private rankEntry(entry: IndexedEntry<T>, query: string, isLatin: boolean): Rank | undefined {
    let best: Rank | undefined;
    for (const keys of entry.keys) {
      const rank = rankName(keys, query, isLatin);
      if (rank !== undefined && (best === undefined || rank < best)) best = rank;
    }
    if (best === undefined && entry.groupKeys && rankName(entry.groupKeys, query, isLatin) !== undefined) {
      return Rank.GroupMatch;
    }
    return best;
  }
}

/** Lower-case, without spaces and apostrophes: remotes type `sx`, people type `Shu Xue` or `xi'an`. */
export function normaliseQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s']+/g, '');
}
