import { pinyin } from 'pinyin-pro';

/**
 * What one searchable name is matched by: its text, its full pinyin and its pinyin initials. Where each
 * syllable starts in the full pinyin is kept as a string of char codes (a dozen bytes where a Set took
 * hundreds; a catalogue has a hundred thousand titles).
 */
type SearchKeys = { text: string; full: string; initials: string; syllableStarts: string };

const isSyllableStart = (keys: SearchKeys, offset: number) =>
  keys.syllableStarts.includes(String.fromCharCode(offset));

export type SearchEntry<T> = {
  item: T;
  name: string;
  alsoName?: string;
  group?: string;
  /** Listed before the others among equal matches (a lesson that plays before one that cannot). */
  isPreferred?: boolean;
  tieBreak: string;
};

/**
 * Match quality, best first. Chinese or English text beats pinyin; a prefix beats a substring. A group (a
 * lesson's subject) whose name the query spells from its start comes after titles that themselves begin
 * with the query but before titles that only contain it: `sx` lists 数学广角 (shu xue…), then every 数学
 * lesson, then 大青树下的小学 (…shu xia…). Weaker group matches come last.
 */
const enum Rank {
  Exact = 0,
  TextPrefix = 1,
  TextSubstring = 2,
  PinyinPrefix = 3,
  GroupPrefix = 4,
  PinyinSubstring = 5,
  GroupMatch = 6,
}
const RANKS = Rank.GroupMatch + 1;

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
  const starts: number[] = [];
  let length = 0;
  for (const syllable of syllables) {
    starts.push(length);
    length += syllable.length;
  }
  // Joined rather than appended: flat strings, not a chain of pieces kept in the cache.
  const full = syllables.join('');
  const syllableStarts = String.fromCharCode(...starts);
  const initials = syllables.map((syllable) => syllable.charAt(0)).join('');
  keys = { text: normaliseQuery(name), full, initials, syllableStarts };
  if (keyCache.size < KEY_CACHE_LIMIT) keyCache.set(name, keys);
  return keys;
}

/** The names of every entry, in entry order: whose each name is, and its keys. */
type Names = { owners: Int32Array; keys: readonly SearchKeys[] };

/**
 * One kind of key of every name, joined into one flat string: a query is one indexOf scan, not one per
 * entry. The three kinds share one list of owners and keys; each keeps only its text and where each name
 * starts in it.
 */
class Haystack {
  private readonly text: string;
  private readonly starts: Int32Array;

  constructor(
    private readonly names: Names,
    valueOf: (keys: SearchKeys) => string,
  ) {
    const values = names.keys.map(valueOf);
    this.starts = new Int32Array(values.length);
    let at = 0;
    values.forEach((value, index) => {
      this.starts[index] = at;
      at += value.length + 1;
    });
    this.text = values.length > 0 ? `${values.join('\u0001')}\u0001` : '';
  }

  /** Calls back with the owner, the key and where in the key each occurrence of the query starts. */
  forEachMatch(
    query: string,
    visit: (owner: number, offset: number, keys: SearchKeys, length: number) => void,
  ) {
    for (let at = this.text.indexOf(query); at !== -1; at = this.text.indexOf(query, at + 1)) {
      const segment = this.segmentAt(at);
      const start = this.starts[segment]!;
      const length = (this.starts[segment + 1] ?? this.text.length) - start - 1;
      if (at - start + query.length <= length)
        visit(this.names.owners[segment]!, at - start, this.names.keys[segment]!, length);
    }
  }

  private segmentAt(position: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

const NO_MATCH = 127;

/**
 * An in-memory index over names: Chinese substrings, full pinyin and pinyin initials, ranked. Entries are
 * kept in tie-break order (preferred entries first, then shorter names, then the given key), so an entry's
 * position is its tie-break among equal matches.
 * A query scans each joined haystack once; a lesson whose group (subject) matches ranks by how well it does.
 */
export class SearchIndex<T> {
  private readonly items: T[] = [];
  private readonly text: Haystack;
  private readonly initials: Haystack;
  private readonly full: Haystack;
  private readonly groups = new Map<SearchKeys, number[]>();

  constructor(entries: Iterable<SearchEntry<T>>) {
    const sorted = [...entries].sort(
      (a, b) =>
        Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false) ||
        a.name.length - b.name.length ||
        (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0),
    );
    const owners: number[] = [];
    const keys: SearchKeys[] = [];
    sorted.forEach((entry, index) => {
      this.items.push(entry.item);
      for (const name of entry.alsoName ? [entry.name, entry.alsoName] : [entry.name]) {
        owners.push(index);
        keys.push(keysOf(name));
      }
      if (entry.group) {
        const groupKeys = keysOf(entry.group);
        const members = this.groups.get(groupKeys) ?? [];
        members.push(index);
        this.groups.set(groupKeys, members);
      }
    });
    const names = { owners: Int32Array.from(owners), keys };
    this.text = new Haystack(names, (name) => name.text);
    this.initials = new Haystack(names, (name) => name.initials);
    this.full = new Haystack(names, (name) => name.full);
  }

  get size(): number {
    return this.items.length;
  }

  search(rawQuery: string, limit: number): T[] {
    const query = normaliseQuery(rawQuery);
    if (!query || limit <= 0) return [];
    const ranks = new Uint8Array(this.items.length).fill(NO_MATCH);
    const note = (owner: number, rank: Rank) => {
      if (rank < ranks[owner]!) ranks[owner] = rank;
    };
    this.text.forEachMatch(query, (owner, offset, _keys, length) =>
      note(owner, offset > 0 ? Rank.TextSubstring : length === query.length ? Rank.Exact : Rank.TextPrefix),
    );
    if (LATIN_QUERY.test(query)) {
      this.initials.forEachMatch(query, (owner, offset) =>
        note(owner, offset === 0 ? Rank.PinyinPrefix : Rank.PinyinSubstring),
      );
      // Full pinyin counts only from the start of a syllable: `xue` finds 数学, `hux` does not.
      this.full.forEachMatch(query, (owner, offset, keys) => {
        if (offset === 0) note(owner, Rank.PinyinPrefix);
        else if (isSyllableStart(keys, offset)) note(owner, Rank.PinyinSubstring);
      });
    }
    const isLatin = LATIN_QUERY.test(query);
    for (const [keys, members] of this.groups) {
      const rank = rankName(keys, query, isLatin);
      if (rank === undefined) continue;
      const groupRank = rank <= Rank.PinyinPrefix ? Rank.GroupPrefix : Rank.GroupMatch;
      for (const member of members) note(member, groupRank);
    }
    return this.collect(ranks, limit);
  }

  /** The best `limit` hits by rank, then position. */
  private collect(ranks: Uint8Array, limit: number): T[] {
    const byRank: number[][] = Array.from({ length: RANKS }, () => []);
    ranks.forEach((rank, index) => {
      if (rank !== NO_MATCH && byRank[rank]!.length < limit) byRank[rank]!.push(index);
    });
    return byRank
      .flat()
      .slice(0, limit)
      .map((index) => this.items[index]!);
  }
}

/** Rank of one name for a query (used for group names, which are few). */
function rankName(keys: SearchKeys, query: string, isLatin: boolean): Rank | undefined {
  if (keys.text === query) return Rank.Exact;
  if (keys.text.startsWith(query)) return Rank.TextPrefix;
  if (keys.text.includes(query)) return Rank.TextSubstring;
  if (!isLatin) return undefined;
  if (keys.initials.startsWith(query) || keys.full.startsWith(query)) return Rank.PinyinPrefix;
  if (keys.initials.includes(query)) return Rank.PinyinSubstring;
  return undefined;
}

/** Lower-case, without spaces and apostrophes: remotes type `sx`, people type `Shu Xue` or `xi'an`. */
export function normaliseQuery(query: string): string {
  return query
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s']+/g, '');
}
