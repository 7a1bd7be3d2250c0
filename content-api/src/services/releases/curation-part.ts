import { createHash } from 'node:crypto';
import {
  NATIONAL,
  ruleKey,
  type CurationRule,
  type CurationSnapshot,
  type LicensedSource,
  type LocalLesson,
  type RegionSettings,
} from '../../stores/curation.store.ts';

/**
 * One region's curation as a release holds it: the region's own rules, its approval and provider settings and
 * its own lessons, and the licensed sources (which belong to lessons, not regions, so every region's part
 * carries them as they were when it was published). The national part is the layer under every region.
 */
export type CurationPart = {
  region: string;
  rules: CurationRule[];
  /** Only what decides what devices see (approval, provider allow-list); family settings apply at once. */
  settings?: Pick<RegionSettings, 'region' | 'approvalRequired' | 'allowedProviders'>;
  localLessons: LocalLesson[];
  sources: LicensedSource[];
};

/** A release's reference to its curation: the part's content hash (parts are stored once, shared). */
export type CurationPartRef = {
  chunk: string;
  counts: { rules: number; localLessons: number; sources: number };
  /**
   * Order of publishing among all releases of the region, whatever their carrier (versions are per carrier):
   * of two releases taking effect at the same time, the later published decides the region's curation.
   */
  seq?: number;
};

/** JSON with object keys in order: a stored record may come back with its fields in another order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

const byKey = <T>(items: readonly T[], key: (item: T) => string) =>
  [...items].sort((a, b) => key(a).localeCompare(key(b)));

/** A region's part of a curation snapshot, in a stable order (so equal content hashes alike). */
export function curationPartOf(snapshot: CurationSnapshot, region: string): CurationPart {
  const settings = snapshot.settings.find((candidate) => candidate.region === region);
  const deciding = settings && {
    region,
    ...(settings.approvalRequired !== undefined ? { approvalRequired: settings.approvalRequired } : {}),
    ...(settings.allowedProviders !== undefined ? { allowedProviders: settings.allowedProviders } : {}),
  };
  return {
    region,
    rules: byKey(
      snapshot.rules.filter((rule) => rule.region === region),
      ruleKey,
    ),
    ...(deciding && Object.keys(deciding).length > 1 ? { settings: deciding } : {}),
    localLessons: byKey(
      snapshot.localLessons.filter((lesson) => lesson.region === region),
      (lesson) => lesson.id,
    ),
    sources: byKey(snapshot.sources, (source) => source.lessonId),
  };
}

export const EMPTY_PART = (region: string): CurationPart => ({
  region,
  rules: [],
  localLessons: [],
  sources: [],
});

export const curationPartId = (part: CurationPart): string =>
  createHash('sha256').update(stableJson(part)).digest('base64url').slice(0, 32);

export function curationPartRef(part: CurationPart, seq?: number): CurationPartRef {
  return {
    chunk: curationPartId(part),
    counts: {
      rules: part.rules.length,
      localLessons: part.localLessons.length,
      sources: part.sources.length,
    },
    ...(seq !== undefined ? { seq } : {}),
  };
}

/**
 * Whether a region's part makes a view of its own: a rule, a deciding setting or a lesson of its own, or licensed
 * sources other than the national part's. Otherwise the region reads the national view (one view for them all).
 */
export function hasOwnCuration(part: CurationPart, national: CurationPart): boolean {
  if (part.rules.length + part.localLessons.length > 0 || part.settings !== undefined) return true;
  return stableJson(part.sources) !== stableJson(national.sources);
}

/**
 * What a region's view applies: the national layer under the region's own, with the region's licensed sources
 * (the national part's when the region has no part of its own).
 */
export function layeredCuration(national: CurationPart, own: CurationPart | undefined): CurationSnapshot {
  const layers = own && own.region !== NATIONAL ? [national, own] : [national];
  return {
    rules: layers.flatMap((part) => part.rules),
    settings: layers.flatMap((part) => (part.settings ? [part.settings] : [])),
    localLessons: layers.flatMap((part) => part.localLessons),
    sources: (own ?? national).sources,
  };
}

type IdChanges = { added: string[]; changed: string[]; removed: string[] };

function compareById<T>(before: readonly T[], after: readonly T[], idOf: (item: T) => string): IdChanges {
  const old = new Map(before.map((item) => [idOf(item), stableJson(item)]));
  const now = new Map(after.map((item) => [idOf(item), stableJson(item)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    changed: [...now].filter(([id, print]) => old.has(id) && old.get(id) !== print).map(([id]) => id),
    removed: [...old.keys()].filter((id) => !now.has(id)),
  };
}

/**
 * What a region's draft curation changes against its published part: rules by `kind:targetId`, local lessons
 * and licensed sources by lesson id, and whether the approval or provider settings changed.
 */
export function compareCuration(before: CurationPart, after: CurationPart) {
  const rules = compareById(before.rules, after.rules, (rule) => `${rule.kind}:${rule.targetId}`);
  const localLessons = compareById(before.localLessons, after.localLessons, (lesson) => lesson.id);
  const sources = compareById(before.sources, after.sources, (source) => source.lessonId);
  const settings = stableJson(before.settings ?? null) !== stableJson(after.settings ?? null);
  const hasChanges =
    settings ||
    [rules, localLessons, sources].some(
      (changes) => changes.added.length + changes.changed.length + changes.removed.length > 0,
    );
  return { rules, localLessons, sources, settings, hasChanges };
}
