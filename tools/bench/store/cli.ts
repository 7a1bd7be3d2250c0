// Embedded-store benchmark (issue 12): how long the SQLite store's synchronous calls hold the event loop, on a
// generated catalogue written into a fresh store.
//   npm run bench -- store [--lessons 100000] [--calls 1000]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { generateSmarteduMirror, importSmartedu, smarteduLayout } from '@ketang/catalog';
import { createStores, ensureIndexes, openStore, writeCatalogue } from '@ketang/content-api';

const { values } = parseArgs({
  options: { lessons: { type: 'string', default: '100000' }, calls: { type: 'string', default: '1000' } },
});
const lessons = Number(values.lessons);
const calls = Number(values.calls);

type Row = { operation: string; calls: number; p50: number; p99: number; max: number; loopMax: number };
const rows: Row[] = [];
const ms = (value: number) => Math.round(value * 100) / 100;

/** Times each call, and the longest event-loop delay seen while they ran (a timer at 1 ms resolution). */
async function measure(operation: string, count: number, call: (index: number) => Promise<unknown>) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await call(index);
    times.push(performance.now() - started);
    // Lets the delay monitor's timer run between calls, as requests would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  delay.disable();
  times.sort((a, b) => a - b);
  const row = {
    operation,
    calls: count,
    p50: ms(times[Math.floor(count / 2)]!),
    p99: ms(times[Math.min(count - 1, Math.floor(count * 0.99))]!),
    max: ms(times.at(-1)!),
    loopMax: ms(delay.max / 1e6),
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}

const mirror = path.join(
  existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
  `ketang-api-bench-mirror-${lessons}`,
);
if (!existsSync(path.join(mirror, smarteduLayout.lessonVersionFile))) {
  await generateSmarteduMirror({
    dir: mirror,
    textbooks: Math.ceil(lessons / 100),
    lessonsPerTextbook: 100,
    seed: 7,
    sections: 20,
  });
}
const { catalogue } = await importSmartedu(mirror, { validate: false });
const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-store-bench-'));
try {
  const backend = await openStore({ dataDir });
  await ensureIndexes(backend);
  const stores = createStores(backend);
  await measure('write the catalogue (500 documents a transaction)', 1, () =>
    writeCatalogue(stores, { ...catalogue, channels: [], slots: [], assets: [] }),
  );
  const ids = catalogue.lessons.map((lesson) => lesson.id);
  const pick = (index: number) => ids[(index * 7919) % ids.length]!;
  const textbooks = catalogue.textbooks.map((textbook) => textbook.id);
  await measure('every active lesson summary (view build)', 3, () => stores.lessons.allSummaries());
  await measure('one lesson by _id', calls, (index) => stores.lessons.get(pick(index)));
  await measure('20 lessons by _id ($in)', calls, (index) =>
    stores.lessons.getMany(Array.from({ length: 20 }, (_, offset) => pick(index + offset))),
  );
  await measure('lessons of a textbook (indexed)', Math.min(calls, textbooks.length), (index) =>
    stores.lessons.placedIn('textbook', textbooks[index % textbooks.length]!),
  );
  const units = catalogue.lessons.flatMap((lesson) =>
    lesson.placement.kind === 'textbook' ? lesson.placement.unitIds.slice(-1) : [],
  );
  await measure('count lessons of a unit (multikey)', calls, (index) =>
    stores.lessons.count({ 'placement.unitIds': units[(index * 31) % units.length]! }),
  );
  await measure('one progress write (a committed transaction, fsync)', Math.min(calls, 300), (index) =>
    stores.progress.saveMany([
      {
        householdId: 'h',
        profileId: 'p',
        lessonId: pick(index),
        positionSeconds: index,
        durationSeconds: 600,
        watchedSeconds: index,
        rewoundSeconds: 0,
        completed: false,
        updatedAt: new Date().toISOString(),
      },
    ]),
  );
  await backend.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(
  `\n### Embedded store calls, ${catalogue.lessons.length} lessons — ${new Date().toISOString().slice(0, 10)}\n`,
);
console.log('| operation | calls | p50 ms | p99 ms | max ms | longest event-loop delay ms |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(`| ${row.operation} | ${row.calls} | ${row.p50} | ${row.p99} | ${row.max} | ${row.loopMax} |`);
}
