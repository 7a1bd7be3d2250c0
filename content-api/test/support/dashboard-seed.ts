// What the dashboard tests store: 40 households of region jx, county qingshan; a day's watching (math 15
// households, chinese 9, physics 10; chinese again the day before), completions near the day's edges, and
// playback reports by carrier (cmcc 10 households, ctcc 3, none 12) with one error.
import type { RunningServer } from '../../src/server.ts';
import type { HeartbeatRecord } from '../../src/stores/heartbeat.store.ts';
import type { ProgressRecord } from '../../src/stores/progress.store.ts';

export const NOW = new Date('2026-12-06T06:00:00Z');
export const DAY = '2026-12-05';
export const DAY_BEFORE = '2026-12-04';
export const hh = (n: number) => `hh-${String(n).padStart(2, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Who watched what: math 15 households, chinese 9 (suppressed), physics 10 (shown alone). */
const WATCHING: [lessonId: string, households: number[]][] = [
  ['l-shapes', range(1, 10)],
  ['l-div', range(6, 15)],
  ['l-poem', range(16, 24)],
  ['l-motion', range(25, 34)],
];

function heartbeatsOn(date: string, lessonId: string, household: number): HeartbeatRecord[] {
  // Two heartbeats of one child in one lesson: one view, 120 seconds.
  return [1, 2].map((beat) => ({
    id: `${date}-${lessonId}-${beat}`,
    householdId: hh(household),
    profileId: `p-${hh(household)}`,
    lessonId,
    watchedSeconds: 60,
    date,
    receivedAt: `${date}T02:0${beat}:00Z`,
  }));
}

const completion = (household: number, lessonId: string, completedAt: string): ProgressRecord => ({
  householdId: hh(household),
  profileId: `p-${hh(household)}`,
  lessonId,
  positionSeconds: 600,
  durationSeconds: 600,
  watchedSeconds: 600,
  rewoundSeconds: 0,
  completed: true,
  completedAt,
  updatedAt: completedAt,
});

/** Stores the households, heartbeats, completions and playback reports the dashboard tests read. */
export async function seedDashboardData(api: RunningServer): Promise<void> {
  const { stores } = api;
  for (const n of range(1, 40)) {
    const household = {
      id: hh(n),
      region: 'jx',
      county: 'qingshan',
      timeZone: 'Asia/Shanghai',
      createdAt: DAY,
    };
    await stores.households.save(household);
  }
  const beats = WATCHING.flatMap(([lessonId, households]) =>
    households.flatMap((n) => heartbeatsOn(DAY, lessonId, n)),
  );
  // The chinese households again the day before: 18 household-days, still 9 households.
  beats.push(...range(16, 24).flatMap((n) => heartbeatsOn(DAY_BEFORE, 'l-poem', n)));
  await stores.heartbeats.saveMany(beats);
  await stores.progress.saveMany([
    ...range(1, 4).map((n) => completion(n, 'l-shapes', `${DAY}T03:00:00Z`)),
    // 20:00 UTC on the 4th is 04:00 on the 5th in Shanghai: that day's completion.
    completion(5, 'l-shapes', `${DAY_BEFORE}T20:00:00Z`),
    // 17:00 UTC on the 5th is the 6th in Shanghai: not counted on the 5th.
    completion(6, 'l-shapes', `${DAY}T17:00:00Z`),
  ]);
  const report = (n: number, carrier: string | undefined, stats: Record<string, number | string>) =>
    stores.events.add({
      deviceId: `box-${n}`,
      householdId: hh(n),
      region: 'jx',
      day: DAY,
      kind: 'playback',
      ...(carrier ? { carrier, deviceModel: 'M1' } : {}),
      stats: { codecFamily: 'avc', ...stats },
      receivedAt: `${DAY}T02:00:00Z`,
    });
  for (const n of range(1, 25)) {
    const carrier = n <= 10 ? 'cmcc' : n <= 13 ? 'ctcc' : undefined;
    await report(n, carrier, { timeToFirstFrameMs: 400 + n * 40, bitrate: 2_000_000 });
    await report(n, carrier, { playSeconds: 29, stallSeconds: 1, bitrate: 1_000_000 });
  }
  await report(1, 'cmcc', { error: '3016 MEDIA_SOURCE_OPERATION_FAILED' });
}
