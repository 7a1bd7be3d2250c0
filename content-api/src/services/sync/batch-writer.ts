import type { Facet, Lesson, Provider, Section, SmarteduBatch, Textbook } from '@ketang/catalog';
import type { LessonRecord } from '../../stores/lesson.store.ts';
import type { Stores } from '../../stores/stores.ts';
import { toLessonRecord } from '../lesson-keys.ts';
import { isSameRecord } from './record-diff.ts';
import type { SyncEntry, SyncReportBuilder } from './sync-report.ts';

type RecordBatch = Extract<SmarteduBatch, { kind: 'textbook' | 'section' }>;
const WRITE_CHUNK = 5_000;

/** What the store holds, kept in memory for the whole sync: the lessons' sort keys are derived from it. */
export type StoredRecords = {
  facets: Map<string, Facet>;
  textbooks: Map<string, Textbook>;
  sections: Map<string, Section>;
};

/**
 * Writes what changed in each batch of the stream, and nothing else: a record is written only when it differs
 * from the stored one, so a re-sync of the same data writes nothing. Before the first write of a sync it sets
 * the store's pending-revision marker, so even a sync killed half-way gets its revision bump on resume.
 */
export class BatchWriter {
  private isMarked = false;

  constructor(
    private readonly stores: Stores,
    private readonly report: SyncReportBuilder,
    private readonly orders: StoredRecords,
    private readonly providers: Map<string, Provider>,
    private readonly hasAsset: (assetId: string) => boolean,
  ) {}

  get hasWritten(): boolean {
    return this.isMarked;
  }

  async beforeWrite(count: number): Promise<void> {
    if (!this.isMarked) {
      await this.stores.syncState.markRevisionPending();
      this.isMarked = true;
    }
    this.report.writes += count;
  }

  async writeFacets(facets: readonly Facet[]): Promise<void> {
    const changed = facets.filter((facet) => !isSameRecord(this.orders.facets.get(facet.id), facet));
    if (changed.length === 0) return;
    await this.beforeWrite(changed.length);
    await this.stores.facets.put(changed);
    for (const facet of changed) this.orders.facets.set(facet.id, facet);
  }

  /** One textbook or section with its lessons, as a unit: records first, its sync state last. */
  async writeBatch(batch: RecordBatch): Promise<SyncEntry> {
    const target = batch.kind;
    const record: Textbook | Section =
      batch.kind === 'textbook'
        ? { ...batch.textbook, status: 'active' }
        : { ...batch.section, status: 'active' };
    const stored =
      batch.kind === 'textbook' ? this.orders.textbooks.get(record.id) : this.orders.sections.get(record.id);
    await this.writeProviders(batch.providers);
    const isRecordChanged = !isSameRecord(stored, record);
    if (isRecordChanged) {
      await this.beforeWrite(1);
      if (batch.kind === 'textbook') await this.stores.textbooks.put([record as Textbook]);
      else await this.stores.sections.put([record as Section]);
    }
    if (batch.kind === 'textbook') this.orders.textbooks.set(record.id, record as Textbook);
    else this.orders.sections.set(record.id, record as Section);
    const lessons = await this.writeLessons(target, record.id, batch.lessons);
    await this.stores.syncState.save(target, record.id, batch.state);
    const isChanged = isRecordChanged || lessons.added + lessons.changed + lessons.retired > 0;
    return {
      kind: target,
      id: record.id,
      title: record.title.zh,
      outcome: !stored
        ? 'added'
        : isChanged
          ? stored.status === 'retired'
            ? 'added'
            : 'changed'
          : 'unchanged',
      lessons,
      issues: batch.issues.length,
    };
  }

  private async writeProviders(providers: readonly Provider[]): Promise<void> {
    const changed = providers.filter((provider) => !isSameRecord(this.providers.get(provider.id), provider));
    if (changed.length === 0) return;
    await this.beforeWrite(changed.length);
    await this.stores.providers.put(changed);
    for (const provider of changed) this.providers.set(provider.id, provider);
  }

  /** Writes new and changed lessons; retires stored ones of this textbook or section that vanished upstream. */
  private async writeLessons(
    target: 'textbook' | 'section',
    id: string,
    lessons: readonly Lesson[],
  ): Promise<SyncEntry['lessons']> {
    const stored = new Map(
      (await this.stores.lessons.placedIn(target, id)).map((lesson) => [lesson.id, lesson]),
    );
    const records = lessons.map((lesson) => toLessonRecord(lesson, this.orders, this.hasAsset));
    const changed = records.filter((record) => !isSameRecord(stored.get(record.id), record));
    const incoming = new Set(records.map((record) => record.id));
    const vanished = [...stored.values()].filter(
      (lesson) => isImportedActive(lesson) && !incoming.has(lesson.id),
    );
    for (let start = 0; start < changed.length; start += WRITE_CHUNK) {
      const chunk = changed.slice(start, start + WRITE_CHUNK);
      await this.beforeWrite(chunk.length);
      await this.stores.lessons.put(chunk);
    }
    if (vanished.length > 0) {
      await this.beforeWrite(vanished.length);
      await this.stores.lessons.retire(vanished.map((lesson) => lesson.id));
    }
    const added = changed.filter((record) => !stored.has(record.id)).length;
    return { added, changed: changed.length - added, retired: vanished.length };
  }
}

/** Only imported records are retired by a sync; local lessons and demo content belong to operators. */
export function isImportedActive(record: { status?: string; provenance: { source: string } }): boolean {
  return record.status !== 'retired' && record.provenance.source === 'smartedu';
}

export type { LessonRecord };
