// What the box keeps: lessons by air date, yesterday's (and older) dropped, the earliest air dates dropped
// first when a new lesson would pass the byte budget. Pure, so the rules are tested without a browser.
export type StoredLesson = {
  lessonId: string;
  airDate: string;
  manifestUrl: string;
  urls: string[];
  bytes: number;
};

export type EvictionPlan = { evict: StoredLesson[]; fits: boolean };

export function planEviction(
  stored: readonly StoredLesson[],
  incoming: { lessonId: string; bytes: number },
  today: string,
  budgetBytes: number,
): EvictionPlan {
  const evict = stored.filter((entry) => entry.airDate < today || entry.lessonId === incoming.lessonId);
  const kept = stored
    .filter((entry) => !evict.includes(entry))
    .sort((a, b) => a.airDate.localeCompare(b.airDate));
  let used = kept.reduce((sum, entry) => sum + entry.bytes, 0);
  if (incoming.bytes > budgetBytes) return { evict, fits: false };
  while (used + incoming.bytes > budgetBytes && kept.length > 0) {
    const oldest = kept.shift()!;
    evict.push(oldest);
    used -= oldest.bytes;
  }
  return { evict, fits: true };
}
