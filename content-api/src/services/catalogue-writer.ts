import type { Catalogue, Lesson, TimetableSlot } from '@ketang/catalog';
import type { Stores } from '../stores/stores.ts';
import { toLessonRecord, type OrderLookup } from './lesson-keys.ts';

const LESSON_BATCH = 5_000;

const byId = <T extends { id: string }>(records: readonly T[]) =>
  new Map(records.map((record) => [record.id, record]));

/** Slot times are stored in UTC so that time ranges compare as strings in every backend. */
export function normaliseSlotTimes(slot: TimetableSlot): TimetableSlot {
  return { ...slot, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() };
}

/**
 * Writes a whole catalogue (the demo, a benchmark's generated one, an import's result) into the stores, then
 * bumps the catalogue revision once so devices see it all at once.
 */
export async function writeCatalogue(stores: Stores, catalogue: Catalogue): Promise<void> {
  await stores.facets.put(catalogue.facets);
  await stores.providers.put(catalogue.providers);
  await stores.textbooks.put(catalogue.textbooks);
  await stores.sections.put(catalogue.sections);
  await stores.assets.put(catalogue.assets);
  await stores.channels.put(catalogue.channels);
  await stores.slots.put(catalogue.slots.map(normaliseSlotTimes));
  const orders: OrderLookup = {
    facets: byId(catalogue.facets),
    textbooks: byId(catalogue.textbooks),
    sections: byId(catalogue.sections),
  };
  const assetIds = new Set(catalogue.assets.map((asset) => asset.id));
  await writeLessons(stores, catalogue.lessons, orders, (id) => assetIds.has(id));
  await stores.revision.bump();
}

export async function writeLessons(
  stores: Stores,
  lessons: readonly Lesson[],
  orders: OrderLookup,
  hasAsset: (assetId: string) => boolean,
): Promise<void> {
  for (let start = 0; start < lessons.length; start += LESSON_BATCH) {
    const batch = lessons
      .slice(start, start + LESSON_BATCH)
      .map((lesson) => toLessonRecord(lesson, orders, hasAsset));
    await stores.lessons.put(batch);
  }
}

/** The order lookup of what is stored now, for writes that touch a few lessons. */
export async function readOrders(stores: Stores): Promise<OrderLookup> {
  const [facets, textbooks, sections] = await Promise.all([
    stores.facets.list(),
    stores.textbooks.list(),
    stores.sections.list(),
  ]);
  return { facets: byId(facets), textbooks: byId(textbooks), sections: byId(sections) };
}
