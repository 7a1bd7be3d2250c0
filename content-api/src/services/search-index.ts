import { pinyin } from 'pinyin-pro';

/** What one searchable name is matched by: its text, its full pinyin and its pinyin initials. */
type SearchKeys = { text: string; full: string; initials: string; syllableStarts: Set<number> };

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

/** One kind of key of every entry, joined into one string: a query is one indexOf scan, not one per entry. */
class Haystack {
  private text = '';
  private readonly starts: number[] = [];
  private readonly owners: number[] = [];
  private readonly keys: SearchKeys[] = [];

  add(owner: number, value: string, keys: SearchKeys): void {
    this.starts.push(this.text.length);
    this.owners.push(owner);
    this.keys.push(keys);
    this.text += `${value}\u0001`;
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
        visit(this.owners[segment]!, at - start, this.keys[segment]!, length);
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
  private readonly text = new Haystack();
  private readonly initials = new Haystack();
  private readonly full = new Haystack();
  private readonly groups = new Map<SearchKeys, number[]>();

  constructor(entries: Iterable<SearchEntry<T>>) {
    const sorted = [...entries].sort(
      (a, b) =>
        Number(b.isPreferred ?? false) - Number(a.isPreferred ?? false) ||
        a.name.length - b.name.length ||
        (a.tieBreak < b.tieBreak ? -1 : a.tieBreak > b.tieBreak ? 1 : 0),
    );
    sorted.forEach((entry, index) => {
      this.items.push(entry.item);
      for (const name of entry.alsoName ? [entry.name, entry.alsoName] : [entry.name]) {
        const keys = keysOf(name);
        this.text.add(index, keys.text, keys);
        this.initials.add(index, keys.initials, keys);
        this.full.add(index, keys.full, keys);
      }
      if (entry.group) {
        const keys = keysOf(entry.group);
        const members = this.groups.get(keys) ?? [];
        members.push(index);
        this.groups.set(keys, members);
      }
    });
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
        else if (keys.syllableStarts.has(offset)) note(owner, Rank.PinyinSubstring);
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
