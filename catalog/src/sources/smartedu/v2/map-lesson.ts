import type { Provenance } from '../../../model/common.ts';
import type { Lesson, LessonDocument, Placement, Teacher, VideoSource } from '../../../model/lesson.ts';
import type { Provider } from '../../../model/provider.ts';
import { toSmarteduId } from './ids.ts';
import { documentOf, durationOf, subResourceType, videoSourceOf } from './media.ts';
import { assignPeriods } from './periods.ts';
import type { PlacedSubResource } from './periods.ts';
import type { LessonRecord } from './source-schemas.ts';
import { cleanUrl, normalizeDateTime } from './values.ts';

export interface MappedLesson {
  lesson: Lesson;
  provider?: Provider;
  /** Problems that did not stop the lesson from being imported. */
  warnings: string[];
}

export interface LessonContext {
  placement: Placement;
  order: number;
  moduleVersion?: string;
}

export function titleOf(record: Pick<LessonRecord, 'title' | 'global_title'>): string | undefined {
  return record.title?.trim() || record.global_title?.['zh-CN']?.trim() || undefined;
}

/** A lesson of the platform (national, elite, singing, or a section item) as a catalogue lesson. */
export function mapLesson(record: LessonRecord, context: LessonContext): MappedLesson | { error: string } {
  const title = titleOf(record);
  if (!title) return { error: 'the lesson has no title' };
  const warnings: string[] = [];
  const { periods, resources } = assignPeriods(record, title);
  const videos: VideoSource[] = [];
  const documents: LessonDocument[] = [];
  const seconds = new Map<string | undefined, number>();
  const rootVideo = videoSourceOf(toSmarteduId(record.id, 'video'), record.ti_items ?? [], periods[0]?.id);
  if (rootVideo) {
    videos.push(rootVideo);
    seconds.set(periods[0]?.id, durationOf(record, record.ti_items ?? []) ?? 0);
  }
  for (const placed of resources) addSubResource(placed, videos, documents, seconds, warnings);
  for (const period of periods) {
    const periodSeconds = seconds.get(period.id);
    if (periodSeconds !== undefined) period.durationSeconds = periodSeconds;
  }
  const lesson: Lesson = {
    id: toSmarteduId(record.id),
    title: { zh: title },
    placement: context.placement,
    order: context.order,
    periods,
    teachers: teachersOf(record),
    durationSeconds: [...seconds.values()].reduce((sum, value) => sum + value, 0),
    videos,
    documents,
    status: 'active',
    provenance: provenanceOf(record, context.moduleVersion),
  };
  const description = record.description?.trim();
  if (description) lesson.description = { zh: description };
  const thumbnailUrl = thumbnailOf(record, resources);
  if (thumbnailUrl) lesson.thumbnailUrl = thumbnailUrl;
  const publishedAt = normalizeDateTime(record.online_time);
  if (publishedAt) lesson.publishedAt = publishedAt;
  const provider = providerOf(record);
  if (provider) lesson.providerId = provider.id;
  if (videos.length === 0) warnings.push('the lesson has no video rendition');
  return { lesson, provider, warnings };
}

function addSubResource(
  placed: PlacedSubResource,
  videos: VideoSource[],
  documents: LessonDocument[],
  seconds: Map<string | undefined, number>,
  warnings: string[],
): void {
  const { resource, periodId } = placed;
  const type = subResourceType(resource);
  const items = resource.ti_items ?? [];
  const isVideo = type === 'micro_lesson_video' || items.some((item) => item.ti_format === 'm3u8');
  if (isVideo) {
    const height = Number(resource.custom_properties?.['height']) || undefined;
    const video = videoSourceOf(toSmarteduId(resource.id), items, periodId, height);
    if (!video) return; // list entries carry no ti_items; details do
    videos.push(video);
    const duration = durationOf(resource, items);
    if (duration === undefined) warnings.push(`video ${resource.id} states no duration`);
    seconds.set(periodId, (seconds.get(periodId) ?? 0) + (duration ?? 0));
    return;
  }
  if (!type) warnings.push(`sub-resource ${resource.id} has no known type`);
  documents.push(documentOf(resource, type ?? 'other', periodId));
}

function teachersOf(record: LessonRecord): Teacher[] {
  const names = new Set<string>();
  for (const person of record.teacher_list ?? []) {
    const name = person.name?.trim();
    if (name) names.add(name);
  }
  return [...names].map((name) => ({ name }));
}

function providerOf(record: LessonRecord): Provider | undefined {
  const first = record.provider_list?.find((provider) => provider.name?.trim());
  return first ? { id: toSmarteduId(first.id), name: { zh: (first.name as string).trim() } } : undefined;
}

function thumbnailOf(record: LessonRecord, resources: PlacedSubResource[]): string | undefined {
  const own = cleanUrl(record.custom_properties?.thumbnails?.[0]);
  if (own) return own;
  for (const { resource } of resources) {
    const url = cleanUrl(resource.custom_properties?.thumbnails?.[0]);
    if (url) return url;
  }
  return undefined;
}

function provenanceOf(record: LessonRecord, moduleVersion: string | undefined): Provenance {
  const provenance: Provenance = { source: 'smartedu', sourceId: record.id };
  if (moduleVersion) provenance.version = moduleVersion;
  const updatedAt = normalizeDateTime(record.update_time);
  if (updatedAt) provenance.updatedAt = updatedAt;
  return provenance;
}
