import type { LessonQuery } from '../stores/lesson.store.ts';
import type { LessonSummaryRecord } from '../stores/lesson-summary.ts';

type Condition = { field: keyof LessonQuery; value: string | boolean };

/** The values of each query field a lesson can be found by (a lesson sits in every unit on its path). */
function fieldValues(lesson: LessonSummaryRecord): [keyof LessonQuery, string | boolean][] {
  const placement = lesson.placement;
  const values: [keyof LessonQuery, string | boolean | undefined][] =
    placement.kind === 'textbook'
      ? [
          ['stageId', placement.stageId],
          ['gradeId', placement.gradeId],
          ['subjectId', placement.subjectId],
          ['editionId', placement.editionId],
          ['volumeId', placement.volumeId],
          ['textbookId', placement.textbookId],
          ...placement.unitIds.map((id): [keyof LessonQuery, string] => ['unitId', id]),
        ]
      : [
          ['sectionId', placement.sectionId],
          ['categoryId', placement.categoryId],
        ];
  values.push(['playable', lesson.playable]);
  return values.filter((entry): entry is [keyof LessonQuery, string | boolean] => entry[1] !== undefined);
}

/** Whether a lesson has a query field's value: what its buckets hold it by, read from its own fields. */
function hasValue(lesson: LessonSummaryRecord, { field, value }: Condition): boolean {
  if (field === 'playable') return lesson.playable === value;
  const placement = lesson.placement;
  if (field === 'unitId') return placement.kind === 'textbook' && placement.unitIds.includes(value as string);
  return (placement as Partial<Record<keyof LessonQuery, string>>)[field] === value;
}

/** First position whose sort key is greater than `after` (binary search: buckets are in textbook order). */
function firstAfter(lessons: readonly LessonSummaryRecord[], after: string): number {
  let low = 0;
  let high = lessons.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lessons[middle]!.sortKey <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Every active lesson in textbook order, bucketed by each query field, built once per catalogue revision.
 * A page starts from the smallest bucket among the query's fields, seeks past the cursor by binary search
 * and checks the other fields: microseconds at 100k lessons, where a store query sorts thousands of rows.
 */
export class LessonIndex {
  /**
   * Lessons by query field, then by value, in textbook order. The values are the lessons' own (shared) id
   * strings, so no key is made per lesson; at 100k lessons most units hold one lesson, and one key string
   * per bucket came to more than the buckets.
   */
  private readonly buckets = new Map<keyof LessonQuery, Map<string | boolean, LessonSummaryRecord[]>>();
  private readonly ordered: LessonSummaryRecord[];
  private readonly byId = new Map<string, LessonSummaryRecord>();

  constructor(lessons: readonly LessonSummaryRecord[]) {
    this.ordered = [...lessons].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    for (const lesson of this.ordered) {
      for (const [field, value] of fieldValues(lesson)) {
        let values = this.buckets.get(field);
        if (!values) this.buckets.set(field, (values = new Map()));
        const bucket = values.get(value);
        if (bucket) bucket.push(lesson);
        else values.set(value, [lesson]);
      }
      this.byId.set(lesson.id, lesson);
    }
    // Arrays grow by half again when full: copies at their length return the slack.
    for (const values of this.buckets.values())
      for (const [value, bucket] of values) if (bucket.length > 1) values.set(value, bucket.slice());
  }

  private bucket(field: keyof LessonQuery, value: string | boolean): readonly LessonSummaryRecord[] {
    return this.buckets.get(field)?.get(value) ?? [];
  }

  /** One lesson, if this view shows it. */
  get(id: string): LessonSummaryRecord | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.ordered.length;
  }

  page(query: LessonQuery, options: { after?: string; limit: number }): LessonSummaryRecord[] {
    const conditions: Condition[] = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => ({ field: field as keyof LessonQuery, value: value as string | boolean }));
    const candidates = this.smallestBucket(conditions);
    const page: LessonSummaryRecord[] = [];
    const start = options.after === undefined ? 0 : firstAfter(candidates, options.after);
    for (let index = start; index < candidates.length && page.length < options.limit; index += 1) {
      const lesson = candidates[index]!;
      if (conditions.every((condition) => hasValue(lesson, condition))) page.push(lesson);
    }
    return page;
  }

  /** The lessons just before and after one, within a scope (its textbook or section). */
  neighbours(
    sortKey: string,
    scope: LessonQuery,
  ): { previous?: LessonSummaryRecord; next?: LessonSummaryRecord } {
    const [condition] = Object.entries(scope).filter(([, value]) => value !== undefined);
    const bucket = condition
      ? this.bucket(condition[0] as keyof LessonQuery, condition[1] as string)
      : this.ordered;
    const after = firstAfter(bucket, sortKey);
    const at = after > 0 && bucket[after - 1]!.sortKey === sortKey ? after - 1 : after;
    return { previous: at > 0 ? bucket[at - 1] : undefined, next: bucket[after] };
  }

  private smallestBucket(conditions: readonly Condition[]): readonly LessonSummaryRecord[] {
    let smallest: readonly LessonSummaryRecord[] = this.ordered;
    for (const condition of conditions) {
      const bucket = this.bucket(condition.field, condition.value);
      if (bucket.length < smallest.length) smallest = bucket;
    }
    return smallest;
  }
}
