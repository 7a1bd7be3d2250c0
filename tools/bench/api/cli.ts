// API benchmark (issue 2): a 100k-lesson catalogue imported from a generated smartedu mirror, loaded from this
// process on loopback against the API in its own process, for each backend, next to a bare Express endpoint.
//   npm run bench -- api [--lessons 100000] [--seconds 10] [--connections 10] [--backends embedded,mongodb]
//     [--caches on,off] [--cpu-prof]   (profiles land in a temporary directory, printed at the end; summarise
//     them with `npx tsx tools/bench/shared/cpu-profile-summary.ts <dir>`)
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Catalogue } from '@ketang/catalog';
import {
  benchBare,
  cpuSeconds,
  rssMiB,
  startApi,
  waitUntilIdle,
  type BenchStorage,
} from '../shared/api-process.ts';
import { parseBackends, withBackend, writeBenchCatalogue } from '../shared/backends.ts';
import { prepareBenchCatalogue } from '../shared/catalogue.ts';
import { runLoad, type LoadResult } from '../shared/load.ts';
import { buildScenarios } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    backends: { type: 'string', default: 'embedded,mongodb' },
    caches: { type: 'string', default: 'on,off' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const caches = values.caches.split(',').filter((cache) => cache === 'on' || cache === 'off');
const profDir = values['cpu-prof'] ? mkdtempSync(path.join(tmpdir(), 'ketang-api-prof-')) : undefined;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const lessons = Number(values.lessons);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

type Row = { backend: string; scenario: string; cache: string; urls: number; cpuMs: number } & LoadResult;

async function benchBackend(
  name: string,
  storage: BenchStorage,
  catalogue: Catalogue,
  rows: Row[],
  memory: string[],
) {
  await writeBenchCatalogue(name, storage, catalogue);
  for (const cache of caches) {
    const api = await startApi(
      storage,
      { KETANG_RESPONSE_CACHE_ENTRIES: cache === 'on' ? '20000' : '0' },
      profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
    );
    const viewStarted = performance.now();
    // The first catalogue read builds the national view (every active lesson's summary, the search index).
    await fetch(`${api.url}/v1/facets`).then((response) => response.arrayBuffer());
    const viewMs = api.readyMs + Math.round(performance.now() - viewStarted);
    const scenarios = await buildScenarios(api.url);
    await waitUntilIdle(api.pid); // start-up work in the background (the dashboards' rollup) is not measured
    if (cache === 'on') {
      memory.push(`${name}: start to ready ${api.readyMs} ms, to the first view built ${viewMs} ms`);
      memory.push(`${name}: ${rssMiB(api.pid)} MiB RSS with the catalogue loaded and its views built`);
    }
    for (const scenario of scenarios) {
      const cpuBefore = cpuSeconds(api.pid);
      const result = await runLoad(api.url, scenario.paths, seconds, connections);
      // The API's CPU per answer: on a shared machine steadier than req/s.
      const cpuMs =
        Math.round(((cpuSeconds(api.pid) - cpuBefore) * 1e5) / Math.max(1, result.requests)) / 100;
      rows.push({
        backend: name,
        scenario: scenario.name,
        cache,
        urls: scenario.paths.length,
        cpuMs,
        ...result,
      });
      console.log(
        `${name} ${scenario.name} cache ${cache}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, API CPU ${cpuMs} ms per request (load ${load()})`,
      );
    }
    if (cache === 'on') memory.push(`${name}: ${rssMiB(api.pid)} MiB RSS after the load`);
    await api.stop();
  }
}

const catalogue = await prepareBenchCatalogue(lessons);
const rows: Row[] = [];
const memory: string[] = [];
const bare = await benchBare(seconds, connections);
console.log(`bare express: ${bare.rps} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms (load ${load()})`);
for (const name of parseBackends(values.backends)) {
  await withBackend(name, (storage) => benchBackend(name, storage, catalogue, rows, memory));
}
const bareAgain = await benchBare(seconds, connections);

console.log(
  `\n### Content API, ${catalogue.lessons.length} lessons — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}`,
);
console.log(
  `autocannon in a second process on loopback, ${connections} connections, ${seconds} s per row, gzip accepted.\n`,
);
console.log(
  '| backend | scenario | response cache | distinct URLs | req/s | vs bare | p50 ms | p99 ms | API CPU ms per request | errors |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
console.log(
  `| bare Express (before) | one small JSON | — | 1 | ${bare.rps} | 100% | ${bare.p50} | ${bare.p99} | — | ${bare.errors + bare.non2xx} |`,
);
for (const row of rows) {
  const share = Math.round((row.rps / bare.rps) * 100);
  console.log(
    `| ${row.backend} | ${row.scenario} | ${row.cache} | ${row.urls} | ${row.rps} | ${share}% | ${row.p50} | ${row.p99} | ${row.cpuMs} | ${row.errors + row.non2xx} |`,
  );
}
console.log(
  `| bare Express (after) | one small JSON | — | 1 | ${bareAgain.rps} | ${Math.round((bareAgain.rps / bare.rps) * 100)}% | ${bareAgain.p50} | ${bareAgain.p99} | — | ${bareAgain.errors + bareAgain.non2xx} |`,
);
console.log(`\nMemory: ${memory.join('; ')}.`);
console.log(`Load average at the end: ${load()}.`);
if (profDir) console.log(`CPU profiles of the API: ${profDir}`);
process.exit(0);
