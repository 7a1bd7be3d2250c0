import type { LessonSummary } from '@ketang/contract';
import { LRUCache } from 'lru-cache';
import type { LessonSummaryRecord } from '../../stores/lesson.store.ts';
import type { CatalogueView } from '../catalogue-view.ts';
import { toLessonSummary } from '../mappers.ts';

/** Summaries kept per catalogue view: today's lessons of every child come from a few thousand lessons. */
const SUMMARIES_PER_VIEW = 10_000;

const summariesByView = new WeakMap<CatalogueView, LRUCache<string, LessonSummary>>();

/**
 * A lesson's summary as the view shows it, made once per view (revision and region) and lesson: making one
 * signs its picture URL and checks its host, which for the dozen items of a child's today list cost more than
 * planning them. The summary is shared: callers copy what they add to it.
 */
export function lessonSummaryOf(lesson: LessonSummaryRecord, view: CatalogueView): LessonSummary {
  let summaries = summariesByView.get(view);
  if (!summaries) {
    summaries = new LRUCache({ max: SUMMARIES_PER_VIEW });
    summariesByView.set(view, summaries);
  }
  let summary = summaries.get(lesson.id);
  if (!summary) {
    summary = Object.freeze(toLessonSummary(lesson, view));
    summaries.set(lesson.id, summary);
  }
  return summary;
}
