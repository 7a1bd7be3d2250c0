import { issue } from './import-issues.ts';
import type { ListedAt, SmarteduBatch } from './smartedu-context.ts';

type ContentBatch = Extract<SmarteduBatch, { kind: 'textbook' | 'section' | 'skipped' }>;

/**
 * A lesson listed by two textbooks (or sections) keeps its first placement, in stream order: later batches
 * drop it and report where the first one is. Providers are yielded once, with the first batch using them.
 * Applied as batches are yielded, so textbooks can be read concurrently and the result stays deterministic.
 */
export class CrossBatchDedupe {
  private readonly lessons = new Map<string, string>();
  private readonly providers = new Set<string>();

  apply({ batch, listedAt }: { batch: ContentBatch; listedAt: ListedAt }): ContentBatch {
    if (batch.kind === 'skipped') return batch;
    const kept = batch.lessons.filter((lesson) => {
      const at = listedAt.get(lesson.id);
      const where = at ? `${at.file} ${at.path}` : lesson.provenance.sourceId;
      const first = this.lessons.get(lesson.id);
      if (first === undefined) {
        this.lessons.set(lesson.id, where);
        return true;
      }
      const reason = `duplicate lesson id; the first (${first}) wins`;
      batch.issues.push(
        issue(at?.file ?? '', at?.path ?? '$', reason, 'warning', lesson.provenance.sourceId),
      );
      return false;
    });
    const lessons =
      kept.length === batch.lessons.length ? kept : kept.map((lesson, order) => ({ ...lesson, order }));
    const providers = batch.providers.filter((provider) => !this.providers.has(provider.id));
    for (const provider of providers) this.providers.add(provider.id);
    return { ...batch, lessons, providers };
  }
}
