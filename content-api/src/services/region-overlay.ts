import { decidePlayability, type Lesson, type Textbook, type Unit, type VideoSource } from '@ketang/catalog';
import {
  hasCurationSettings,
  NATIONAL,
  type CurationRule,
  type CurationSnapshot,
  type CurationTargetKind,
  type LicensedSource,
  type RegionSettings,
} from '../stores/curation.store.ts';
import type { LessonRecord } from '../stores/lesson.store.ts';
import { toLessonSummaryRecord, type LessonSummaryRecord } from '../stores/lesson-summary.ts';
import { toLessonRecord, withOrders, type OrderLookup } from './lesson-keys.ts';

type RuleFields = Omit<CurationRule, 'region' | 'kind' | 'targetId'>;

/** The imported catalogue, as a region sees it once its operators' curation is applied. */
export type RegionCatalogue = {
  lessons: LessonSummaryRecord[];
  textbooks: Textbook[];
  /** The region's own lessons (and national ones), stored beside the imported records, in stored form. */
  localLessons: ReadonlyMap<string, LessonRecord>;
};

/** The regions with curation of their own (national among them); any other shares the national view. */
export function regionsWithOwnCuration(curation: CurationSnapshot): ReadonlySet<string> {
  return new Set([
    NATIONAL,
    ...curation.rules.map((rule) => rule.region),
    ...curation.settings.filter(hasCurationSettings).map((settings) => settings.region),
    ...curation.localLessons.map((lesson) => lesson.region),
  ]);
}

/**
 * Each target's effective decision in one region: its national rule, overridden field by field by the
 * region's own. The most specific target decides (a lesson over its units, a unit over its textbook).
 */
class RuleBook {
  private readonly rules = new Map<string, RuleFields>();

  constructor(rules: readonly CurationRule[], region: string) {
    const layers = [NATIONAL, region].map((layer) => rules.filter((rule) => rule.region === layer));
    for (const rule of layers.flat()) {
      const { region: _region, kind, targetId, ...fields } = rule;
      const key = `${kind}|${targetId}`;
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      this.rules.set(key, { ...this.rules.get(key), ...defined });
    }
  }

  of(kind: CurationTargetKind, id: string): RuleFields | undefined {
    return this.rules.get(`${kind}|${id}`);
  }

  /** The first defined value of a field along a chain of targets, most specific first. */
  decide<F extends keyof RuleFields>(
    chain: readonly [CurationTargetKind, string][],
    field: F,
  ): RuleFields[F] | undefined {
    for (const [kind, id] of chain) {
      const value = this.of(kind, id)?.[field];
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

type Chain = readonly [CurationTargetKind, string][];

/** Hidden or rejected: never shown, whatever the region's approval mode. */
const isRejected = (rules: RuleBook, chain: Chain) =>
  rules.decide(chain, 'hidden') === true || rules.decide(chain, 'approved') === false;

/** What decides whether a region shows a record: never when rejected; when unapproved, only without approval mode. */
function isShown(rules: RuleBook, settings: RegionSettings | undefined, chain: Chain) {
  if (isRejected(rules, chain)) return false;
  return rules.decide(chain, 'approved') === true || !settings?.approvalRequired;
}

function lessonChain(lesson: LessonSummaryRecord): [CurationTargetKind, string][] {
  const chain: [CurationTargetKind, string][] = [['lesson', lesson.id]];
  if (lesson.placement.kind === 'textbook') {
    for (const unitId of [...lesson.placement.unitIds].reverse()) chain.push(['unit', unitId]);
    chain.push(['textbook', lesson.placement.textbookId]);
  }
  return chain;
}

/** A record with a rule's rename and reorder applied. */
const renamedAndReordered = <R extends { title: Unit['title']; order: number }>(
  record: R,
  rule: RuleFields | undefined,
): R => ({ ...record, title: rule?.title ?? record.title, order: rule?.order ?? record.order });

function curateUnits(units: readonly Unit[], rules: RuleBook): Unit[] {
  return units
    .filter((unit) => rules.of('unit', unit.id)?.hidden !== true)
    .map((unit) => ({
      ...renamedAndReordered(unit, rules.of('unit', unit.id)),
      children: curateUnits(unit.children, rules),
    }))
    .sort((a, b) => a.order - b.order);
}

/** The curation settings that apply in a region: its own, else the national ones. */
function settingsFor(curation: CurationSnapshot, region: string): RegionSettings | undefined {
  const find = (code: string) =>
    curation.settings.find((settings) => settings.region === code && hasCurationSettings(settings));
  return find(region) ?? find(NATIONAL);
}

/**
 * Applies a region's curation to the imported catalogue, leaving the imported records untouched: hides what
 * is hidden, rejected, unapproved (in approval mode) or from a provider outside the allow-list; renames and
 * reorders; adds the region's own lessons; and makes lessons with a licensed source playable.
 */
export function applyRegionCuration(input: {
  region: string;
  lessons: readonly LessonSummaryRecord[];
  textbooks: readonly Textbook[];
  curation: CurationSnapshot;
  /** Licensed sources by lesson id. */
  sources: ReadonlyMap<string, LicensedSource>;
  assetIds: ReadonlySet<string>;
  /** Orders of facets, textbooks and sections: what a local lesson's sort key is made of. */
  orders: OrderLookup;
}): RegionCatalogue {
  const { region, curation, sources, assetIds } = input;
  const rules = new RuleBook(curation.rules, region);
  const settings = settingsFor(curation, region);
  const allowed = settings?.allowedProviders ? new Set(settings.allowedProviders) : undefined;
  const textbookOrder = (id: string) => rules.of('textbook', id)?.order;
  const localLessons = new Map(
    curation.localLessons
      .filter((lesson) => lesson.region === region || lesson.region === NATIONAL)
      .map((lesson) => [lesson.id, toLessonRecord(lesson, input.orders, (id) => assetIds.has(id))]),
  );

  /** The lesson as the region sees it: the same summary when its curation changes nothing of it. */
  const curate = (lesson: LessonSummaryRecord): LessonSummaryRecord => {
    const rule = rules.of('lesson', lesson.id);
    const source = sources.get(lesson.id);
    const textbookId = lesson.placement.kind === 'textbook' ? lesson.placement.textbookId : undefined;
    const reorder = { lesson: rule?.order, textbook: textbookId ? textbookOrder(textbookId) : undefined };
    const title = rule?.title ?? lesson.title;
    const sortKey = withOrders(lesson.sortKey, reorder);
    const playable =
      lesson.playable ||
      (source !== undefined &&
        decidePlayability({ videos: [licensedVideo(lesson.id, source)], status: 'active' }, (id) =>
          assetIds.has(id),
        ).playable);
    const isUnchanged = title === lesson.title && sortKey === lesson.sortKey && playable === lesson.playable;
    return isUnchanged ? lesson : { ...lesson, title, sortKey, playable };
  };

  const lessons: LessonSummaryRecord[] = [];
  for (const lesson of input.lessons) {
    if (!isShown(rules, settings, lessonChain(lesson))) continue;
    if (allowed && !(lesson.providerId && allowed.has(lesson.providerId))) continue;
    lessons.push(curate(lesson));
  }
  for (const lesson of localLessons.values()) {
    if (rules.of('lesson', lesson.id)?.hidden === true) continue;
    lessons.push(curate(toLessonSummaryRecord(lesson)));
  }

  const withLessons = new Set(
    lessons.flatMap((lesson) => (lesson.placement.kind === 'textbook' ? [lesson.placement.textbookId] : [])),
  );
  const textbooks = input.textbooks
    .filter((textbook) => {
      // An unapproved textbook still shows for the lessons approved in it.
      const chain: Chain = [['textbook', textbook.id]];
      return isShown(rules, settings, chain) || (withLessons.has(textbook.id) && !isRejected(rules, chain));
    })
    .map((textbook) => ({
      ...renamedAndReordered(textbook, rules.of('textbook', textbook.id)),
      units: curateUnits(textbook.units, rules),
    }));
  return { lessons, textbooks, localLessons };
}

/** The id of an operator's licensed source among a lesson's video sources. */
export const licensedSourceId = (lessonId: string) => `${lessonId}.licensed`;

/** An operator's licensed source as one of the lesson's video sources. */
function licensedVideo(lessonId: string, source: LicensedSource): VideoSource {
  const id = licensedSourceId(lessonId);
  return source.type === 'packaged'
    ? { type: 'packaged', id, assetId: source.assetId }
    : {
        type: 'external-hls',
        id,
        // A master playlist: its variants are the player's to choose; the label only orders sources.
        renditions: [{ label: '1080p', height: 1080, url: source.url }],
        encryption: source.keyServiceUrl ? 'aes-128' : 'none',
        licence: 'licensed',
        keyServiceUrl: source.keyServiceUrl,
      };
}

/** A lesson's sources with the operator's licensed one first (the one a box should play). */
export function withLicensedSource<L extends Lesson>(lesson: L, source: LicensedSource | undefined): L {
  return source ? { ...lesson, videos: [licensedVideo(lesson.id, source), ...lesson.videos] } : lesson;
}

/**
 * The full record of a lesson a region shows, as that region sees it: its title, sort key and playability
 * from the region's view, and its licensed source first. What a box plays is decided from this record by
 * decidePlayback (the lesson service), not here.
 */
export function curateLessonRecord(
  record: LessonRecord,
  shown: LessonSummaryRecord,
  source: LicensedSource | undefined,
): LessonRecord {
  const { unplayableReason, ...rest } = withLicensedSource(record, source);
  return {
    ...rest,
    title: shown.title,
    sortKey: shown.sortKey,
    playable: shown.playable,
    ...(shown.playable || !unplayableReason ? {} : { unplayableReason }),
  };
}
