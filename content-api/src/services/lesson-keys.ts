import { decidePlayability, type Lesson, type Facet, type Section, type Textbook } from '@ketang/catalog';
import type { LessonRecord } from '../stores/lesson.store.ts';

/** What a lesson's sort key is made of: the order of each facet, textbook and section it sits in. */
export type OrderLookup = {
  facets: ReadonlyMap<string, Pick<Facet, 'order'>>;
  textbooks: ReadonlyMap<string, Pick<Textbook, 'order'>>;
  sections: ReadonlyMap<string, Pick<Section, 'order'>>;
};

const pad = (value: number | undefined, width: number) => String(value ?? 0).padStart(width, '0');

/**
 * Textbook order as one string: stage, grade, subject, edition, volume, textbook, then the lesson's position;
 * section lessons sort after textbook lessons. Ending with the id makes every key unique, so it can serve as
 * a pagination cursor in any store. Keys start with `t|` (textbooks) or `u|` (sections, sorting after).
 */
export function computeSortKey(lesson: Lesson, orders: OrderLookup): string {
  const placement = lesson.placement;
  if (placement.kind === 'section') {
    const section = orders.sections.get(placement.sectionId)?.order;
    return `u|${pad(section, 4)}|${placement.sectionId}|${pad(lesson.order, 6)}|${lesson.id}`;
  }
  const facetOrder = (id: string | undefined) => (id ? orders.facets.get(id)?.order : 0);
  return [
    't',
    pad(facetOrder(placement.stageId), 3),
    pad(facetOrder(placement.gradeId), 3),
    pad(facetOrder(placement.subjectId), 3),
    pad(facetOrder(placement.editionId), 3),
    pad(facetOrder(placement.volumeId), 3),
    pad(orders.textbooks.get(placement.textbookId)?.order, 5),
    placement.textbookId,
    pad(lesson.order, 6),
    lesson.id,
  ].join('|');
}

/**
 * A sort key with a lesson's position and its textbook's position replaced (a region's reordering), the rest
 * kept: ids cannot contain "|", so the fields are found by position.
 */
export function withOrders(sortKey: string, orders: { lesson?: number; textbook?: number }): string {
  if (orders.lesson === undefined && orders.textbook === undefined) return sortKey;
  const parts = sortKey.split('|');
  if (orders.lesson !== undefined) parts[parts.length - 2] = pad(orders.lesson, 6);
  if (orders.textbook !== undefined && parts[0] === 't') parts[6] = pad(orders.textbook, 5);
  return parts.join('|');
}

/** The stored form of a lesson: the record plus its sort key and playability. */
export function toLessonRecord(
  lesson: Lesson,
  orders: OrderLookup,
  hasAsset: (assetId: string) => boolean,
): LessonRecord {
  const playability = decidePlayability(lesson, hasAsset);
  // A lesson read back from the store carries the derived fields of its last write: derive them afresh.
  const {
    sortKey: _sortKey,
    playable: _playable,
    unplayableReason: _reason,
    ...record
  } = lesson as Partial<LessonRecord> & Lesson;
  return {
    ...record,
    sortKey: computeSortKey(lesson, orders),
    playable: playability.playable,
    ...(playability.playable ? {} : { unplayableReason: playability.reason }),
  };
}
