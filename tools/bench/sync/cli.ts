// Benchmark: sync a generated 200k-lesson smartedu mirror into the embedded store, then sync it again with nothing
// changed. Goals: first sync < 60 s, no-change re-sync < 10 s. Prints a markdown table. Usage:
//   npm run bench -- sync [--lessons 200000] [--per-textbook 50] [--workers 2] [--dir /dev/shm/…] [--keep] [--reuse]
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { generateSmarteduMirror } from '@ketang/catalog';
import {
  createStores,
  DEFAULT_SYNC_WORKERS,
  ensureIndexes,
  openStore,
  RevisionTracker,
  syncCatalogue,
} from '@ketang/content-api';

const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '200000' },
    'per-textbook': { type: 'string', default: '50' },
    workers: { type: 'string', default: String(DEFAULT_SYNC_WORKERS) },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const lessons = Number(values.lessons);
const perTextbook = Number(values['per-textbook']);
const workers = Number(values.workers);
if (![lessons, perTextbook].every((value) => Number.isInteger(value) && value > 0) || !(workers >= 0)) {
  console.error('--lessons and --per-textbook must be positive integers, --workers 0 or more');
  process.exit(2);
}

// The mirror goes on tmpfs (creating 200k files on this VM's ext4 costs minutes of kernel time); the store
// goes on the ordinary disk, as in production.
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const mirrorDir = values.dir ?? (await mkdtemp(join(scratch, 'ketang-sync-bench-')));
const storeDir = await mkdtemp(join(tmpdir(), 'ketang-sync-bench-store-'));
const rows: string[][] = [];
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

async function timed<T>(label: string, run: () => Promise<T>, describe: (result: T) => string): Promise<T> {
  const loadBefore = load();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  rows.push([
    label,
    `${wall.toFixed(1)} s`,
    `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`,
    `${loadBefore} → ${load()}`,
    describe(result),
  ]);
  console.error(`${label}: ${wall.toFixed(1)} s — ${describe(result)}`);
  return result;
}

try {
  if (!(values.reuse && values.dir && existsSync(values.dir))) {
    await timed(
      'generate the mirror (tmpfs)',
      () =>
        generateSmarteduMirror({
          dir: mirrorDir,
          textbooks: Math.ceil(lessons / perTextbook),
          lessonsPerTextbook: perTextbook,
          seed: 42,
        }),
      (summary) => `${summary.lessons} lessons, ${summary.textbooks} textbooks, ${summary.files} files`,
    );
  }
  const backend = await openStore({ dataDir: storeDir });
  await ensureIndexes(backend);
  const stores = createStores(backend);
  const revisions = new RevisionTracker(stores.revision, pino({ level: 'silent' }));
  const sync = () => syncCatalogue(stores, revisions, mirrorDir, { workers });
  const describe = (report: Awaited<ReturnType<typeof sync>>) =>
    `${report.totals.lessons.added} lessons added, ${report.totals.unchanged} unchanged, ` +
    `${report.totals.writes} writes, revision ${report.revision}`;
  await timed(`first sync into the embedded store (workers ${workers})`, sync, describe);
  await timed('re-sync, nothing changed', sync, describe);
  await backend.close();
  const cpu = cpus();
  console.log(
    [
      `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
        `Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; load average 1/5/15 min shown per step`,
      '',
      '| step | wall | CPU (this process) | load before → after | result |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map((row) => `| ${row.join(' | ')} |`),
    ].join('\n'),
  );
} finally {
  await rm(storeDir, { recursive: true, force: true });
  if (!values.keep && !values.dir) await rm(mirrorDir, { recursive: true, force: true });
}
