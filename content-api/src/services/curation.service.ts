import { placementInTextbook, type Lesson } from '@ketang/catalog';
import { ConflictError, NotFoundError, UnknownReferenceError } from '../errors.ts';
import { readFamilySettings, unknownFacetsIn } from './family/region-family-settings.ts';
import type { RegionSettingsChange } from '@ketang/contract';
import type { Stores } from '../stores/stores.ts';
import {
  ruleKey,
  type CurationRule,
  type CurationTargetKind,
  type LicensedSource,
  type LicensedSourceView,
  withoutKeyToken,
  type LocalLesson,
  type RegionSettings,
} from '../stores/curation.store.ts';
import { requireAbility, type Principal } from './auth.service.ts';
import type { RevisionTracker } from './revision-tracker.ts';

type RuleChange = Pick<CurationRule, 'hidden' | 'approved' | 'title' | 'order'>;
type LocalLessonInput = {
  id: string;
  title: Lesson['title'];
  textbookId: string;
  unitIds: string[];
  order: number;
  durationSeconds: number;
  assetId?: string;
};

type WriteHooks = {
  /** Before the first write: the published baseline is taken from the stored curation (on upgrade). */
  beforeWrite?: () => Promise<unknown>;
  /** After each write: waits until previews see it. */
  afterWrite?: () => Promise<unknown>;
};

/**
 * Operators' curation: approve or hide, rename, reorder, a region's own lessons, region settings and licensed
 * sources. Every change is a draft: stored beside the imported records, audited with its before and after,
 * seen at once by a box previewing the region's draft, and by the region's devices once a release of the
 * region is published (ReleaseService; PublishedCuration decides what devices see). Family settings (usual
 * editions, school calendar) are no catalogue curation and apply at once.
 */
export class CurationService {
  constructor(
    private readonly stores: Stores,
    private readonly revisions: RevisionTracker,
    private readonly hooks: WriteHooks = {},
  ) {}

  async setRule(
    by: Principal,
    region: string,
    kind: CurationTargetKind,
    targetId: string,
    change: RuleChange,
  ) {
    requireAbility(by, 'curate');
    await this.hooks.beforeWrite?.();
    await this.requireTarget(kind, targetId);
    const key = { region, kind, targetId };
    const before = await this.stores.curation.rule(key);
    const after: CurationRule = { ...(before ?? key), ...change };
    await this.stores.curation.putRule(after);
    await this.record(by, `curation.${kind}`, ruleKey(key), region, before, after);
    return after;
  }

  async setRegionSettings(by: Principal, region: string, change: RegionSettingsChange) {
    requireAbility(by, 'curate');
    await this.hooks.beforeWrite?.();
    if (change.usualEditions) await this.requireFacets(change.usualEditions);
    const before = await this.stores.curation.regionSettings(region);
    const after: RegionSettings = { ...(before ?? { region }), region };
    if (change.approvalRequired !== undefined) after.approvalRequired = change.approvalRequired;
    // Optional fields: absent keeps the stored value, null removes it, a value replaces it.
    const allowed =
      change.allowedProviders === undefined ? before?.allowedProviders : change.allowedProviders;
    setOrRemove(after, 'allowedProviders', allowed ? [...new Set(allowed)] : undefined);
    if (change.usualEditions !== undefined) setOrRemove(after, 'usualEditions', change.usualEditions);
    if (change.schoolCalendar !== undefined) setOrRemove(after, 'schoolCalendar', change.schoolCalendar);
    await this.stores.curation.putSettings(after);
    await this.record(by, 'region.settings', `region:${region}`, region, before, after);
    return after;
  }

  /** A region's own settings and what families in it read (its own, else national, else built-in). */
  async regionSettings(by: Principal, region: string) {
    requireAbility(by, 'readCatalogue');
    const [own, family] = await Promise.all([
      this.stores.curation.regionSettings(region),
      readFamilySettings(this.stores.curation, region),
    ]);
    return { region, settings: own ?? { region }, family };
  }

  async regionState(region: string) {
    const snapshot = await this.stores.curation.snapshot();
    return {
      region,
      settings: snapshot.settings.find((settings) => settings.region === region) ?? {
        region,
        approvalRequired: false,
      },
      rules: snapshot.rules.filter((rule) => rule.region === region),
      localLessons: snapshot.localLessons
        .filter((lesson) => lesson.region === region)
        .map((lesson) => lesson.id),
    };
  }

  async addLocalLesson(by: Principal, region: string, input: LocalLessonInput): Promise<LocalLesson> {
    requireAbility(by, 'curate');
    await this.hooks.beforeWrite?.();
    const textbook = await this.stores.textbooks.get(input.textbookId);
    if (!textbook) throw new NotFoundError('textbook', input.textbookId);
    if ((await this.stores.curation.localLesson(input.id)) || (await this.stores.lessons.get(input.id))) {
      throw new ConflictError(`a lesson "${input.id}" already exists`, [
        { path: 'body.id', message: 'taken' },
      ]);
    }
    const lesson: LocalLesson = {
      id: input.id,
      region,
      title: input.title,
      placement: placementInTextbook(textbook, input.unitIds),
      order: input.order,
      periods: [
        { id: `${input.id}.p1`, title: input.title, order: 0, durationSeconds: input.durationSeconds },
      ],
      teachers: [],
      durationSeconds: input.durationSeconds,
      videos: input.assetId ? [{ type: 'packaged', id: `${input.id}.video`, assetId: input.assetId }] : [],
      documents: [],
      status: 'active',
      provenance: { source: `local:${region}`, sourceId: input.id },
    };
    await this.stores.curation.putLocalLesson(lesson);
    await this.record(by, 'lesson.local.create', `lesson:${lesson.id}`, region, undefined, lesson);
    return lesson;
  }

  async attachSource(
    by: Principal,
    lessonId: string,
    source: Omit<LicensedSource, 'lessonId'>,
  ): Promise<LicensedSourceView> {
    requireAbility(by, 'curate');
    await this.hooks.beforeWrite?.();
    await this.requireTarget('lesson', lessonId);
    const before = await this.stores.curation.source(lessonId);
    const after = { ...source, lessonId } as LicensedSource;
    await this.stores.curation.putSource(after);
    // The licensee's key token stays out of the audit log and the answer.
    const audited = withoutKeyToken(after);
    await this.record(
      by,
      'lesson.source',
      `lesson:${lessonId}`,
      undefined,
      before && withoutKeyToken(before),
      audited,
    );
    return audited;
  }

  /** Usual editions must name the catalogue's stages, subjects and editions; nothing is written otherwise. */
  private async requireFacets(usualEditions: NonNullable<RegionSettingsChange['usualEditions']>) {
    const facets = new Map((await this.stores.facets.list()).map((facet) => [facet.id, facet]));
    const details = unknownFacetsIn(usualEditions, facets);
    if (details.length > 0) {
      throw new UnknownReferenceError(
        `usualEditions names ids the catalogue does not have: ${details.map((detail) => detail.path).join(', ')}`,
        details,
      );
    }
  }

  private async requireTarget(kind: CurationTargetKind, id: string): Promise<void> {
    const exists =
      kind === 'textbook'
        ? await this.stores.textbooks.get(id)
        : kind === 'lesson'
          ? ((await this.stores.lessons.get(id)) ?? (await this.stores.curation.localLesson(id)))
          : (await this.stores.lessons.count({ 'placement.unitIds': id })) > 0 || undefined;
    if (!exists) throw new NotFoundError(kind, id);
  }

  private async record(
    by: Principal,
    action: string,
    target: string,
    region: string | undefined,
    before: unknown,
    after: unknown,
  ) {
    await this.stores.audit.add({
      actor: by.actor,
      action,
      target,
      region,
      before: before ?? undefined,
      after,
    });
    // Previews read the stored curation: a new revision makes their views take the change.
    await this.revisions.bump();
    await this.hooks.afterWrite?.();
  }
}

function setOrRemove<K extends 'allowedProviders' | 'usualEditions' | 'schoolCalendar'>(
  settings: RegionSettings,
  key: K,
  value: RegionSettings[K] | null | undefined,
): void {
  if (value === null || value === undefined) delete settings[key];
  else settings[key] = value;
}
