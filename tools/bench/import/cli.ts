// Benchmark: generate a synthetic smartedu mirror in the source format, then import it (and re-import it
// with the first run's state, which must skip every textbook). Usage:
//   npx tsx tools/bench/import/cli.ts [--lessons 200000] [--per-textbook 50] [--workers 0] [--dir /dev/shm/…]
//     [--keep] [--reuse]   (--reuse with --dir: import an existing mirror without generating it)
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSmarteduMirror, streamSmarteduCatalogue } from '@ketang/catalog';
import type { PreviousSmarteduState } from '@ketang/catalog';

const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '200000' },
    'per-textbook': { type: 'string', default: '50' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    workers: { type: 'string', default: '0' },
    reuse: { type: 'boolean', default: false },
  },
});
const lessons = Number(values.lessons);
const perTextbook = Number(values['per-textbook']);
if (!Number.isInteger(lessons) || lessons <= 0 || !Number.isInteger(perTextbook) || perTextbook <= 0) {
  console.error('--lessons and --per-textbook must be positive integers');
  process.exit(2);
}

// tmpfs by default: on this VM's ext4 disk creating a file costs ~1 ms of kernel time, which would measure
// the disk (200k detail files ≈ 4 min) rather than the generator and the importer.
const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const dir = values.dir ?? (await mkdtemp(join(scratch, 'ketang-smartedu-bench-')));
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
let cpuAtStart = cpuMs();
const seconds = (since: number) =>
  `${((performance.now() - since) / 1000).toFixed(2)} s (CPU ${((cpuMs() - cpuAtStart) / 1000).toFixed(2)} s)`;

async function importOnce(previous?: PreviousSmarteduState) {
  const started = performance.now();
  cpuAtStart = cpuMs();
  const state: PreviousSmarteduState = { textbooks: {}, sections: {} };
  let imported = 0;
  let skipped = 0;
  for await (const batch of streamSmarteduCatalogue(dir, { previous, workers: Number(values.workers) })) {
    if (batch.kind === 'textbook' || batch.kind === 'section') {
      imported += batch.lessons.length;
      const target = batch.kind === 'textbook' ? state.textbooks : state.sections;
      (target as Record<string, unknown>)[batch.kind === 'textbook' ? batch.textbook.id : batch.section.id] =
        batch.state;
    }
    if (batch.kind === 'skipped') {
      skipped++;
      if (batch.state)
        (batch.target === 'textbook' ? state.textbooks : state.sections)![batch.id] = batch.state;
    }
    if (batch.kind === 'done') {
      const { totals } = batch.report;
      console.log(
        `  ${imported} lessons imported, ${skipped} textbooks/sections skipped, ${totals.errors} errors, ` +
          `${totals.warnings} warnings in ${seconds(started)}`,
      );
    }
  }
  return state;
}

try {
  if (values.reuse && values.dir && existsSync(values.dir)) console.log(`reusing the mirror at ${dir}`);
  else await generate();
  console.log('import (first run):');
  const state = await importOnce();
  console.log('import (no change, with the first run state):');
  await importOnce(state);
  console.log(`mirror at ${dir}${values.keep || values.dir ? '' : ' (removed)'}`);
} finally {
  if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
}

async function generate() {
  const started = performance.now();
  cpuAtStart = cpuMs();
  const summary = await generateSmarteduMirror({
    dir,
    textbooks: Math.ceil(lessons / perTextbook),
    lessonsPerTextbook: perTextbook,
    seed: 42,
  });
  console.log(
    `generate: ${summary.lessons} lessons in ${summary.textbooks} textbooks, ${summary.files} files, ` +
      `${(summary.bytes / 1e6).toFixed(0)} MB in ${seconds(started)}`,
  );
}
