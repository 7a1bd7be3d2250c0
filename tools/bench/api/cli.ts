// API benchmark (issue 2): a 100k-lesson catalogue imported from a generated smartedu mirror, loaded from this
// process on loopback against the API in its own process, for each backend, next to a bare Express endpoint.
//   npm run bench -- api [--lessons 100000] [--seconds 10] [--connections 10] [--backends embedded,mongodb]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSmarteduMirror, importSmartedu, smarteduLayout, type Catalogue } from '@ketang/catalog';
import { writeCatalogue } from '@ketang/content-api';
import { openStore } from '../../../content-api/src/db/open-store.ts';
import { createStores, ensureIndexes } from '../../../content-api/src/stores/stores.ts';
import { freePort, startFerretDb } from '../../ferretdb/ferretdb-server.ts';
import { runLoad, type LoadResult } from './load.ts';
import { buildScenarios } from './scenarios.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    backends: { type: 'string', default: 'embedded,mongodb' },
  },
});
const lessons = Number(values.lessons);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

async function prepareCatalogue(): Promise<Catalogue> {
  const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = path.join(scratch, `ketang-api-bench-mirror-${lessons}`);
  if (!existsSync(path.join(dir, smarteduLayout.lessonVersionFile))) {
    console.log(`generating a ${lessons}-lesson mirror in ${dir}…`);
    await generateSmarteduMirror({
      dir,
      textbooks: Math.ceil(lessons / 100),
      lessonsPerTextbook: 100,
      seed: 7,
      sections: 20,
    });
  }
  const started = performance.now();
  const { catalogue } = await importSmartedu(dir, { validate: false });
  console.log(
    `imported ${catalogue.lessons.length} lessons in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { ...catalogue, channels: [], slots: [], assets: [] };
}

function spawnProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

async function waitUntilReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (
      await fetch(`${url}/readyz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not become ready`);
}

const rssMiB = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);

type Row = { backend: string; scenario: string; cache: string; urls: number } & LoadResult;

async function benchBackend(
  name: string,
  storage: { mongodbUri?: string; dataDir: string },
  catalogue: Catalogue,
  rows: Row[],
  memory: string[],
) {
  const backend = await openStore(storage);
  await ensureIndexes(backend);
  const started = performance.now();
  await writeCatalogue(createStores(backend), catalogue);
  await backend.close();
  console.log(`${name}: wrote the catalogue in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  for (const cache of ['on', 'off']) {
    const port = await freePort();
    const spawned = performance.now();
    const child = spawnProcess(['--import', 'tsx', 'content-api/src/server.ts'], {
      PORT: String(port),
      LOG_LEVEL: 'warn',
      KETANG_DATA_DIR: storage.dataDir,
      KETANG_RESPONSE_CACHE_ENTRIES: cache === 'on' ? '20000' : '0',
      ...(storage.mongodbUri ? { MONGODB_URI: storage.mongodbUri } : {}),
    });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilReady(url);
    const readyMs = Math.round(performance.now() - spawned);
    // The first catalogue read builds the national view (every active lesson's summary, the search index).
    await fetch(`${url}/v1/facets`).then((response) => response.arrayBuffer());
    const viewMs = Math.round(performance.now() - spawned);
    const scenarios = await buildScenarios(url);
    if (cache === 'on') {
      memory.push(`${name}: start to ready ${readyMs} ms, to the first view built ${viewMs} ms`);
      memory.push(`${name}: ${rssMiB(child.pid!)} MiB RSS with the catalogue loaded and its views built`);
    }
    for (const scenario of scenarios) {
      const result = await runLoad(url, scenario.paths, seconds, connections);
      rows.push({ backend: name, scenario: scenario.name, cache, urls: scenario.paths.length, ...result });
      console.log(
        `${name} ${scenario.name} cache ${cache}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`,
      );
    }
    if (cache === 'on') memory.push(`${name}: ${rssMiB(child.pid!)} MiB RSS after the load`);
    await stopProcess(child);
  }
}

/** SIGTERM, and wait for the exit: the next server must not share the machine with this one. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function benchBare(): Promise<LoadResult> {
  const child = spawnProcess(['--import', 'tsx', path.join(repoRoot, 'tools/bench/api/bare-server.ts')], {});
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (data) => resolve(Number(String(data).trim()))),
  );
  const result = await runLoad(`http://127.0.0.1:${port}`, ['/bare'], seconds, connections);
  child.kill('SIGTERM');
  return result;
}

const catalogue = await prepareCatalogue();
const rows: Row[] = [];
const memory: string[] = [];
const bare = await benchBare();
console.log(`bare express: ${bare.rps} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`);
for (const name of values.backends.split(',')) {
  if (name === 'embedded') {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-bench-store-'));
    try {
      await benchBackend(name, { dataDir }, catalogue, rows, memory);
    } finally {
      rmSync(dataDir, { recursive: true, force: true }); // about 580 MB at 100k lessons
    }
  } else {
    const ferret = await startFerretDb();
    try {
      await benchBackend(
        name,
        { mongodbUri: `${ferret.uri}ketang_bench`, dataDir: ferret.dataDir },
        catalogue,
        rows,
        memory,
      );
    } finally {
      await ferret.remove();
    }
  }
}
const bareAgain = await benchBare();

console.log(
  `\n### Content API, ${catalogue.lessons.length} lessons — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`,
);
console.log(
  `autocannon in a second process on loopback, ${connections} connections, ${seconds} s per row, gzip accepted.\n`,
);
console.log(
  '| backend | scenario | response cache | distinct URLs | req/s | vs bare | p50 ms | p99 ms | errors |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(
  `| bare Express (before) | one small JSON | — | 1 | ${bare.rps} | 100% | ${bare.p50} | ${bare.p99} | ${bare.errors + bare.non2xx} |`,
);
for (const row of rows) {
  const share = Math.round((row.rps / bare.rps) * 100);
  console.log(
    `| ${row.backend} | ${row.scenario} | ${row.cache} | ${row.urls} | ${row.rps} | ${share}% | ${row.p50} | ${row.p99} | ${row.errors + row.non2xx} |`,
  );
}
console.log(
  `| bare Express (after) | one small JSON | — | 1 | ${bareAgain.rps} | ${Math.round((bareAgain.rps / bare.rps) * 100)}% | ${bareAgain.p50} | ${bareAgain.p99} | ${bareAgain.errors + bareAgain.non2xx} |`,
);
console.log(`\nMemory: ${memory.join('; ')}.`);
process.exit(0);
