import type { Lesson, LocalizedText } from '@ketang/catalog';
import type { DocumentCollection, Filter } from '../db/document-store.ts';
import type { SchoolCalendar, UsualEditions } from '@ketang/contract';

/** The national view's region code; every other region is a province code such as `jx`. */
export const NATIONAL = 'national';

export type CurationTargetKind = 'textbook' | 'unit' | 'lesson';

/** An operator's decision about one imported record, in one region (or nationally). */
export type CurationRule = {
  region: string;
  kind: CurationTargetKind;
  targetId: string;
  hidden?: boolean;
  approved?: boolean;
  title?: LocalizedText;
  order?: number;
};

export type RegionSettings = {
  region: string;
  /**
   * When true, imported content is shown only once approved (its lesson, unit or textbook). Absent when the
   * region never set it (a region with family settings only): the national settings then decide.
   */
  approvalRequired?: boolean;
  /** The provider allow-list; when set, only these providers' imported lessons are shown. */
  allowedProviders?: string[];
  /** What families read: the usual textbook edition per stage and subject (a profile's own edition wins). */
  usualEditions?: UsualEditions;
  /** What families read: the terms and holidays that decide the teaching week. */
  schoolCalendar?: SchoolCalendar;
};

/** Whether a region's settings decide what devices see (approval, providers), not only what families read. */
export const hasCurationSettings = (settings: RegionSettings) =>
  settings.approvalRequired !== undefined || settings.allowedProviders !== undefined;

export type LicensedSource =
  | { lessonId: string; type: 'packaged'; assetId: string }
  | {
      lessonId: string;
      type: 'external-hls';
      url: string;
      keyServiceUrl?: string;
      /** The licensee's token for its key service: used by the API's key endpoint, never sent to anyone else. */
      keyToken?: string;
    };

/** A licensed source as operators and the audit log see it: whether a key token is set, never the token. */
export type LicensedSourceView =
  | Extract<LicensedSource, { type: 'packaged' }>
  | (Omit<Extract<LicensedSource, { type: 'external-hls' }>, 'keyToken'> & { hasKeyToken: boolean });

export function withoutKeyToken(source: LicensedSource): LicensedSourceView {
  if (source.type === 'packaged') return source;
  const { keyToken, ...rest } = source;
  return { ...rest, hasKeyToken: keyToken !== undefined };
}

export type LocalLesson = Lesson & { region: string };

export type CurationSnapshot = {
  rules: CurationRule[];
  settings: RegionSettings[];
  localLessons: LocalLesson[];
  sources: LicensedSource[];
};

type Doc<T> = T & { _id: string };
export const ruleKey = (rule: Pick<CurationRule, 'region' | 'kind' | 'targetId'>) =>
  `${rule.region}|${rule.kind}|${rule.targetId}`;

function strip<T>(doc: Doc<T>): T {
  const { _id: _ignored, ...record } = doc;
  return record as T;
}

/**
 * Curation lives beside the imported records, in its own collections, so a sync never overwrites it: rules
 * (hide, approve, rename, reorder), region settings (approval, provider allow-list), a region's own lessons
 * and the licensed sources attached to lessons.
 */
export class CurationStore {
  constructor(
    private readonly rules: DocumentCollection<Doc<CurationRule>>,
    private readonly settings: DocumentCollection<Doc<RegionSettings>>,
    private readonly localLessons: DocumentCollection<Doc<LocalLesson>>,
    private readonly sources: DocumentCollection<Doc<LicensedSource>>,
  ) {}

  async snapshot(): Promise<CurationSnapshot> {
    const [rules, settings, localLessons, sources] = await Promise.all([
      this.rules.find({}),
      this.settings.find({}),
      this.localLessons.find({}),
      this.sources.find({}),
    ]);
    return {
      rules: rules.map(strip),
      settings: settings.map(strip),
      localLessons: localLessons.map(strip),
      sources: sources.map(strip),
    };
  }

  async rule(key: Pick<CurationRule, 'region' | 'kind' | 'targetId'>): Promise<CurationRule | null> {
    const doc = await this.rules.findOne({ _id: ruleKey(key) } as Filter<Doc<CurationRule>>);
    return doc ? strip(doc) : null;
  }

  async putRule(rule: CurationRule): Promise<void> {
    await this.rules.upsertMany([{ ...rule, _id: ruleKey(rule) }]);
  }

  async regionSettings(region: string): Promise<RegionSettings | null> {
    const doc = await this.settings.findOne({ _id: region } as Filter<Doc<RegionSettings>>);
    return doc ? strip(doc) : null;
  }

  async putSettings(settings: RegionSettings): Promise<void> {
    await this.settings.upsertMany([{ ...settings, _id: settings.region }]);
  }

  async localLesson(id: string): Promise<LocalLesson | null> {
    const doc = await this.localLessons.findOne({ _id: id } as Filter<Doc<LocalLesson>>);
    return doc ? strip(doc) : null;
  }

  async putLocalLesson(lesson: LocalLesson): Promise<void> {
    await this.localLessons.upsertMany([{ ...lesson, _id: lesson.id }]);
  }

  async source(lessonId: string): Promise<LicensedSource | null> {
    const doc = await this.sources.findOne({ _id: lessonId } as Filter<Doc<LicensedSource>>);
    return doc ? strip(doc) : null;
  }

  async putSource(source: LicensedSource): Promise<void> {
    await this.sources.upsertMany([{ ...source, _id: source.lessonId }]);
  }
}
