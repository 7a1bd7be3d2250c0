// Publishing a region's timetable (issue 13): a school year of 12 grade channels over a catalogue of about
// 100k lessons, published, changed for one week and published again, rolled back, and read by a box; beside it,
// in the same run, the naive snapshot (every slot copied as its own document) as the baseline.
//   npm run bench -- releases [--lessons 100000] [--weeks 40]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { createServices, createStores, ensureIndexes, openStore, writeCatalogue } from '@ketang/content-api';
import { prepareBenchCatalogue, seconds } from '../shared/catalogue.ts';

const { values } = parseArgs({
  options: { lessons: { type: 'string', default: '100000' }, weeks: { type: 'string', default: '40' } },
});
const weeks = Number(values.weeks);
const FIRST_MONDAY = '2027-03-01';
const SLOT_MINUTES = 20;
const SLOTS_A_DAY = 36; // 08:00–20:00
const scope = { region: 'jx', carrier: 'all' };
const principal = { actor: 'bench', role: 'admin' as const };

const rows: { step: string; seconds: string; note: string }[] = [];
async function timed<T>(step: string, work: () => Promise<T>, note: (result: T) => string = () => '') {
  const started = performance.now();
  const result = await work();
  const row = { step, seconds: seconds(started), note: note(result) };
  rows.push(row);
  console.log(JSON.stringify(row));
  return result;
}

const catalogue = await prepareBenchCatalogue(Number(values.lessons));
const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-release-bench-'));
try {
  const backend = await openStore({ dataDir });
  await ensureIndexes(backend);
  const stores = createStores(backend);
  await writeCatalogue(stores, catalogue);
  const services = createServices(stores, pino({ level: 'silent' }), {
    imageCacheDir: path.join(dataDir, 'images'),
    mediaDir: path.join(dataDir, 'media'),
  });
  await services.revisions.start();
  await services.channelSets.tracker.start();
  await timed('catalogue view (not part of publishing)', () => services.views.fresh(scope.region));

  const grades = catalogue.facets.filter((facet) => facet.kind === 'grade').slice(0, 12);
  const lessonsOf = (gradeId: string) =>
    catalogue.lessons
      .filter((lesson) => lesson.placement.kind === 'textbook' && lesson.placement.gradeId === gradeId)
      .slice(0, 200);
  const weekOf = (lessonIds: string[], shift: number) =>
    Array.from({ length: 5 * SLOTS_A_DAY }, (_, index) => {
      const day = Math.floor(index / SLOTS_A_DAY);
      const minutes = 8 * 60 + (index % SLOTS_A_DAY) * SLOT_MINUTES;
      const start = Date.parse(`${FIRST_MONDAY}T00:00:00+08:00`) + (day * 1440 + minutes) * 60_000;
      return {
        start: new Date(start).toISOString(),
        end: new Date(start + SLOT_MINUTES * 60_000).toISOString(),
        lessonId: lessonIds[(index + shift) % lessonIds.length]!,
      };
    });
  const until = new Date(Date.parse(`${FIRST_MONDAY}T00:00:00Z`) + (weeks - 1) * 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await timed(
    `draft: 12 channels × ${weeks} school weeks (replaceDraftSlots with a weekday repeat)`,
    async () => {
      for (const [order, grade] of grades.entries()) {
        const id = `ch-${grade.id}`;
        await services.drafts.putChannel(principal, scope, id, {
          title: { zh: `${grade.name.zh}频道` },
          gradeIds: [grade.id],
          catchUpHours: 72,
          timeZone: 'Asia/Shanghai',
          order,
        });
        const lessonIds = lessonsOf(grade.id).map((lesson) => lesson.id);
        await services.drafts.replaceDraftSlots(principal, scope, id, {
          from: FIRST_MONDAY,
          days: 7,
          slots: weekOf(lessonIds, 0),
          repeat: { weekdays: [1, 2, 3, 4, 5], until },
        });
      }
    },
  );
  const first = await timed(
    'publish release 1 (every day new)',
    () => services.releases.publish(principal, scope, {}),
    (release) => `${release.counts.slots} slots, ${release.counts.channels} channels`,
  );
  const channelId = `ch-${grades[0]!.id}`;
  const lessonIds = lessonsOf(grades[0]!.id).map((lesson) => lesson.id);
  await services.drafts.replaceDraftSlots(principal, scope, channelId, {
    from: FIRST_MONDAY,
    days: 7,
    slots: weekOf(lessonIds, 1),
  });
  await timed('publish release 2 (one channel-week changed)', () =>
    services.releases.publish(principal, scope, {}),
  );
  await timed('roll back to release 1', () => services.releases.rollback(principal, scope, first.version));
  await timed(
    "a box's first channel list after it (reads the release)",
    () => services.channels.list({ region: 'jx' }),
    (list) => `${list.items.length} channels`,
  );
  // Home layouts ride in the same release: a curated rail of 40 lessons and rules, then a box's home from it.
  const curated = lessonsOf(grades[0]!.id)
    .slice(0, 40)
    .map((lesson) => lesson.id);
  await services.layouts.put(principal, scope, 'all', {
    rails: [
      { kind: 'curated', title: { zh: '精选' }, lessonIds: curated },
      { kind: 'rule', rule: 'gradeLessons' },
      { kind: 'rule', rule: 'subjectLessons' },
      { kind: 'rule', rule: 'onAir' },
    ],
  });
  await timed('publish release 4 (with a home layout)', () =>
    services.releases.publish(principal, scope, {}),
  );
  await timed(
    "a box's home from the release's layout",
    () => services.home.home({ region: 'jx', grade: grades[0]!.id }),
    (home) => `${home.rails.length} rails, the first ${home.rails[0]?.id}`,
  );

  // The baseline: the same slots copied as one document each, as a snapshot without shared day chunks would.
  const all = await (await services.channelSets.published({ region: 'jx' })).allSlots();
  const copies = [...all].flatMap(([channel, slots]) =>
    slots.map((slot) => ({ ...slot, id: `baseline.${slot.id}`, channelId: channel })),
  );
  await timed(
    'baseline: copy every slot as its own document',
    () => stores.slots.put(copies),
    () => `${copies.length} documents`,
  );
  await backend.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\n### Publishing a region's timetable, ${catalogue.lessons.length} lessons — ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| step | seconds | |');
console.log('| --- | --- | --- |');
for (const row of rows) console.log(`| ${row.step} | ${row.seconds} | ${row.note} |`);
