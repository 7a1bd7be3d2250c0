// Family benchmark (issue 11): heartbeat ingestion and a child's home, against the API in its own process on
// loopback, for each backend, beside the bare Express endpoint (before and after) in the same run.
//   npm run bench -- family [--lessons 100000] [--households 10000] [--boxes 2000] [--seconds 10]
//     [--connections 10] [--backends embedded,mongodb] [--mongodb-lessons 5000] [--mongodb-households 0]
//     [--cpu-prof]
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Catalogue } from '@ketang/catalog';
import { writeCatalogue } from '@ketang/content-api';
import { openStore } from '../../../content-api/src/db/open-store.ts';
import {
  benchBare,
  cpuSeconds,
  rssMiB,
  startApi,
  waitUntilIdle,
  type BenchStorage,
} from '../shared/api-process.ts';
import { parseBackends, withBackend, withStores, type BackendName } from '../shared/backends.ts';
import { prepareBenchCatalogue, seconds as secondsSince } from '../shared/catalogue.ts';
import { runLoad } from '../shared/load.ts';
import { gradeLessonsOf, seededRandom, type GradeLessons } from './grade-lessons.ts';
import { createBoxes, heartbeatLoad } from './heartbeat-load.ts';
import { printReport, type BackendReport } from './report.ts';
import { seedHouseholds, type SeededProfile } from './seed-month.ts';

const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: '100000' },
    households: { type: 'string', default: '10000' },
    boxes: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'heartbeat-connections': { type: 'string', default: '50' },
    backends: { type: 'string', default: 'embedded,mongodb' },
    'mongodb-lessons': { type: 'string', default: '5000' },
    'mongodb-households': { type: 'string', default: '0' },
    scenarios: { type: 'string', default: 'heartbeats,home' },
    'cpu-prof': { type: 'boolean', default: false },
    /** The API's V8 heap limit in MiB (node's default is about 4 GiB here); empty: node's default. */
    'api-heap-mib': { type: 'string', default: '' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
// Heartbeats come from many boxes at once, each waiting for a durable write (a 2 ms coalescing window, then
// the append): with few connections the load measures that wait, not what the API can take.
const heartbeatConnections = Number(values['heartbeat-connections']);
const scenarios = new Set(values.scenarios.split(','));
const boxCount = scenarios.has('heartbeats') ? Number(values.boxes) : 0;

type Setup = { lessons: number; households: number };

/** Writes the catalogue and seeds the households with their month of progress, in one opening of the store. */
async function prepareStore(
  name: BackendName,
  storage: BenchStorage,
  catalogue: Catalogue,
  households: number,
) {
  const started = performance.now();
  const grades = gradeLessonsOf(catalogue);
  return await withStores(storage, async (stores) => {
    await writeCatalogue(stores, catalogue);
    console.log(`${name}: wrote ${catalogue.lessons.length} lessons in ${secondsSince(started)} s`);
    const seeding = performance.now();
    const seeded = await seedHouseholds(stores, grades, catalogue.facets, households, seededRandom(11));
    const seedSeconds = secondsSince(seeding);
    console.log(
      `${name}: seeded ${households} households, ${seeded.progressRecords} progress records in ${seedSeconds} s`,
    );
    return { ...seeded, seedSeconds };
  });
}

/** Heartbeats acknowledged by the API against those in the store once it has stopped. */
async function countStoredHeartbeats(storage: BenchStorage): Promise<number> {
  const backend = await openStore(storage);
  try {
    return await backend.collection('heartbeats').count({});
  } finally {
    await backend.close();
  }
}

function homeRequests(profiles: readonly SeededProfile[]) {
  let next = 0;
  return () => {
    const profile = profiles[next % profiles.length]!;
    next += 1;
    return {
      path: `/v1/household/profiles/${profile.profileId}/home`,
      headers: { authorization: `Bearer ${profile.token}` },
    };
  };
}

async function benchBackend(name: BackendName, storage: BenchStorage, setup: Setup): Promise<BackendReport> {
  const catalogue = await prepareBenchCatalogue(setup.lessons);
  const grades = gradeLessonsOf(catalogue);
  const seeded = await prepareStore(name, storage, catalogue, setup.households);
  const profDir = values['cpu-prof'] ? mkdtempSync(path.join(tmpdir(), 'ketang-family-prof-')) : undefined;
  const started = performance.now();
  // Every simulated box sends from 127.0.0.1, where in the field they come from many addresses: the per-address
  // limits are raised above what the load sends so that they are not what is measured.
  const perAddressLimits = {
    KETANG_HOUSEHOLD_CREATES_PER_HOUR: String(boxCount + 100),
    KETANG_WRITES_PER_MINUTE: String(10_000_000),
  };
  const api = await startApi(storage, perAddressLimits, [
    ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []),
    ...(values['api-heap-mib'] ? [`--max-old-space-size=${values['api-heap-mib']}`] : []),
  ]);
  const report: BackendReport = {
    name,
    lessons: catalogue.lessons.length,
    households: setup.households,
    progressRecords: seeded.progressRecords,
    seedSeconds: seeded.seedSeconds,
    startSeconds: secondsSince(started),
    rssReady: rssMiB(api.pid),
    boxes: boxCount,
    rows: [],
  };
  try {
    report.startupWorkSeconds = await waitUntilIdle(api.pid);
    if (boxCount > 0) await benchHeartbeats(api.url, api.pid, grades, report);
    if (scenarios.has('home') && seeded.profiles.length > 0) {
      await benchHomes(api, grades, seeded.profiles, report);
    }
    report.rssAfter = rssMiB(api.pid);
  } finally {
    await api.stop();
  }
  if (boxCount > 0) report.storedHeartbeats = await countStoredHeartbeats(storage);
  if (profDir) console.log(`${name}: CPU profile of the API in ${profDir}`);
  return report;
}

async function benchHeartbeats(
  url: string,
  pid: number,
  grades: readonly GradeLessons[],
  report: BackendReport,
) {
  const creating = performance.now();
  const boxes = await createBoxes(url, boxCount, grades);
  report.createSeconds = secondsSince(creating);
  const heartbeats = heartbeatLoad(boxes, seededRandom(5));
  const cpuBefore = cpuSeconds(pid);
  const ingest = await runLoad(url, heartbeats.build, seconds, heartbeatConnections, heartbeats.onResponse);
  const cpuMs = (cpuSeconds(pid) - cpuBefore) * 1000;
  report.rows.push({
    scenario: 'heartbeats',
    urls: boxes.length,
    connections: heartbeatConnections,
    ...ingest,
  });
  report.heartbeats = {
    ...heartbeats.totals,
    perSecond: Math.round(heartbeats.totals.accepted / seconds),
    cpuMsPerHeartbeat: Math.round((cpuMs / Math.max(1, heartbeats.totals.accepted)) * 100) / 100,
  };
  console.log(
    `${report.name} heartbeats: ${ingest.rps} req/s, ${report.heartbeats.perSecond} heartbeats/s, p99 ${ingest.p99} ms, API CPU ${report.heartbeats.cpuMsPerHeartbeat} ms per heartbeat`,
  );
}

/** CPU time (user and system, all threads) the process has used so far, in ms: /proc/<pid>/stat, 100 ticks/s. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * One child's home per grade, one after the other, before the measured load: the first builds the catalogue
 * view (reading every lesson summary), each grade's first its rails and textbook order — once per catalogue
 * revision, not per request. Reported apart, so that the load measures the steady state.
 */
const WARM_ATTEMPTS = 5;

async function warmHomes(url: string, profiles: readonly SeededProfile[], report: BackendReport) {
  const firstOfGrade = [...new Map(profiles.map((profile) => [profile.gradeId, profile])).values()];
  const started = performance.now();
  for (const [index, profile] of firstOfGrade.entries()) {
    // On a loaded machine the first view can take longer than the handler deadline (503 and the connection
    // closed, the view still being built): ask again, a bounded number of times.
    let status = 0;
    for (let attempt = 0; attempt < WARM_ATTEMPTS && status !== 200; attempt += 1) {
      status = await fetch(`${url}/v1/household/profiles/${profile.profileId}/home`, {
        headers: { authorization: `Bearer ${profile.token}` },
      }).then(
        async (answer) => {
          await answer.arrayBuffer();
          return answer.status;
        },
        () => 503, // reset with the deadline's Connection: close
      );
      if (status !== 200 && status !== 503) break;
    }
    if (status !== 200) throw new Error(`warming the child's home: ${status}`);
    if (index === 0) report.firstHomeMs = Math.round(performance.now() - started);
  }
  report.warmHomes = { grades: firstOfGrade.length, ms: Math.round(performance.now() - started) };
}

/** The child's home across the seeded profiles, then the anonymous catalogue home of each grade. */
async function benchHomes(
  api: { url: string; pid: number },
  grades: readonly GradeLessons[],
  profiles: readonly SeededProfile[],
  report: BackendReport,
) {
  const url = api.url;
  await warmHomes(url, profiles, report);
  const cpuBefore = cpuMs(api.pid);
  const home = await runLoad(url, homeRequests(profiles), seconds, connections);
  report.homeCpuMsPerRequest = (cpuMs(api.pid) - cpuBefore) / Math.max(1, home.requests);
  report.rows.push({ scenario: "child's home", urls: profiles.length, connections, ...home });
  console.log(
    `${report.name} child's home: ${home.rps} req/s, p50 ${home.p50} ms, p99 ${home.p99} ms, API CPU ${report.homeCpuMsPerRequest.toFixed(2)} ms per request`,
  );
  const gradePaths = grades.map((grade) => `/v1/home?grade=${grade.gradeId}`);
  const anonymous = await runLoad(url, gradePaths, seconds, connections);
  report.rows.push({
    scenario: 'catalogue home ?grade=',
    urls: gradePaths.length,
    connections,
    ...anonymous,
  });
  console.log(`${report.name} /v1/home?grade=: ${anonymous.rps} req/s, p99 ${anonymous.p99} ms`);
}

const setups: Record<BackendName, Setup> = {
  embedded: { lessons: Number(values.lessons), households: Number(values.households) },
  mongodb: { lessons: Number(values['mongodb-lessons']), households: Number(values['mongodb-households']) },
};
const bare = await benchBare(seconds, connections);
console.log(`bare express: ${bare.rps} req/s, p50 ${bare.p50} ms, p99 ${bare.p99} ms`);
const reports: BackendReport[] = [];
for (const name of parseBackends(values.backends)) {
  try {
    reports.push(await withBackend(name, (storage) => benchBackend(name, storage, setups[name])));
  } catch (error) {
    console.error(`${name}: the run failed —`, error);
  }
}
const bareAfter = await benchBare(seconds, connections);
printReport({ bare, bareAfter, reports, seconds, connections, args: process.argv.slice(2) });
process.exit(0);
