import type { LessonQuery } from '../stores/lesson.store.ts';
import type { LessonSummaryRecord } from '../stores/lesson-summary.ts';

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
 * First position from `from` whose sort key is at least `key`: galloping (steps of 1, 2, 4… then a binary
 * search within the last step), so a short hop costs a few comparisons and a long one a logarithm.
 */
function seek(lessons: readonly LessonSummaryRecord[], key: string, from: number): number {
  let low = from;
  let step = 1;
  while (low + step - 1 < lessons.length && lessons[low + step - 1]!.sortKey < key) {
    low += step;
    step *= 2;
  }
  let high = Math.min(low + step - 1, lessons.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lessons[middle]!.sortKey < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The lessons in every one of the lists (each in textbook order, the shortest first), from `starts` on: a
 * leapfrog join. A lesson of the first list that another list lacks moves the first list on to that list's
 * next lesson, so a run of non-matching lessons is skipped by one seek, not checked lesson by lesson.
 */
function intersect(
  lists: readonly (readonly LessonSummaryRecord[])[],
  starts: number[],
  limit: number,
): LessonSummaryRecord[] {
  const [first, ...others] = lists;
  const page: LessonSummaryRecord[] = [];
  let at = starts[0]!;
  while (at < first!.length && page.length < limit) {
    const candidate = first![at]!;
    let ahead: string | undefined;
    for (let index = 0; index < others.length && ahead === undefined; index += 1) {
      const list = others[index]!;
      const position = (starts[index + 1] = seek(list, candidate.sortKey, starts[index + 1]!));
      if (position === list.length) return page;
      if (list[position] !== candidate) ahead = list[position]!.sortKey;
    }
    if (ahead === undefined) {
      page.push(candidate);
      at += 1;
    } else at = seek(first!, ahead, at);
  }
  return page;
}

/**
 * Every active lesson in textbook order, bucketed by each query field, built once per catalogue revision.
 * A page joins the buckets of the query's fields (smallest first), seeking past the cursor and over lessons
 * a bucket lacks by binary search: microseconds at 100k lessons, where a store query sorts thousands of rows.
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
    const lists = Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => this.bucket(field as keyof LessonQuery, value as string | boolean))
      .sort((a, b) => a.length - b.length);
    if (lists.length === 0) lists.push(this.ordered);
    const starts = lists.map((list) => (options.after === undefined ? 0 : firstAfter(list, options.after)));
    return intersect(lists, starts, options.limit);
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
}
