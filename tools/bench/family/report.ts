import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { LoadResult } from '../shared/load.ts';
import type { OpenLoopRow } from './open-loop-row.ts';

export type BackendReport = {
  name: string;
  lessons: number;
  households: number;
  progressRecords: number;
  seedSeconds: string;
  startSeconds: string;
  rssReady: number;
  rssAfter?: number;
  boxes: number;
  createSeconds?: string;
  rows: ({ scenario: string; urls: number; connections: number } & LoadResult)[];
  heartbeats?: {
    sentInOk: number;
    accepted: number;
    duplicates: number;
    failed: number;
    perSecond: number;
    /** The API process's CPU time during the load, per acknowledged heartbeat. */
    cpuMsPerHeartbeat: number;
    /** CPU time over wall time of the API process and of the load generator (1 = one whole core). */
    apiCores: number;
    generatorCores: number;
    generator: string;
    /** One-minute load average when the load started and when it ended. */
    loadAverage: number[];
  };
  /** The same route at a fixed offered rate (vegeta), when it ran. */
  openLoop?: OpenLoopRow;
  storedHeartbeats?: number;
  /** The first child's home after start (it builds the catalogue view), and one per grade before the load. */
  firstHomeMs?: number;
  warmHomes?: { grades: number; ms: number };
  /** Seconds the API was busy after it was ready (the dashboards' rollup catching up), waited before any load. */
  startupWorkSeconds?: number;
  /** CPU time of the API process (all threads) per child's home during the measured load. */
  homeCpuMsPerRequest?: number;
};

/** The bare Express endpoint taking the same heartbeat batches from the same generator. */
export type BareHeartbeats = {
  load: LoadResult;
  perSecond: number;
  cpuMsPerHeartbeat: number;
  generatorCores: number;
  loadAverage: [number, number];
  openLoop?: OpenLoopRow;
};

const GiB = 1024 ** 3;
const loads = (pair: readonly number[]) => pair.map((value) => value.toFixed(1)).join(' → ');

/** The run as markdown, ready for docs/benchmarks.md: machine, command, one table, then per backend. */
export function printReport(run: {
  bare: LoadResult;
  bareAfter: LoadResult;
  bareHeartbeats: readonly BareHeartbeats[];
  reports: readonly BackendReport[];
  seconds: number;
  connections: number;
  args: readonly string[];
}): void {
  const { bare, bareAfter } = run;
  const share = (rps: number) => `${Math.round((rps / bare.rps) * 100)}%`;
  console.log(`\n### Family — ${new Date().toISOString().slice(0, 16)}Z`);
  console.log(
    `${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / GiB).toFixed(0)} GiB (${(freemem() / GiB).toFixed(1)} free at the end), Node ${process.version}, load average at the end ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')}.`,
  );
  console.log(`Command: \`npm run bench -- family ${run.args.join(' ')}\`; ${run.seconds} s per row.\n`);
  console.log(
    '| backend | scenario | distinct keys | connections | req/s | vs bare | p50 ms | p99 ms | errors / non-2xx |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const row = (backend: string, scenario: string, urls: number, connections: number, result: LoadResult) =>
    console.log(
      `| ${backend} | ${scenario} | ${urls.toLocaleString('en')} | ${connections} | ${result.rps.toLocaleString('en')} | ${share(result.rps)} | ${result.p50} | ${result.p99} | ${result.errors} / ${result.non2xx} |`,
    );
  row('bare Express (before)', 'one small JSON', 1, run.connections, bare);
  for (const report of run.reports) {
    for (const result of report.rows)
      row(report.name, result.scenario, result.urls, result.connections, result);
  }
  row('bare Express (after)', 'one small JSON', 1, run.connections, bareAfter);
  printHeartbeatTable(run.bareHeartbeats, run.reports);
  printOpenLoopTable(run.bareHeartbeats, run.reports);
  for (const report of run.reports) {
    const beats = report.heartbeats;
    console.log(
      `\n${report.name}: ${report.lessons.toLocaleString('en')} lessons; ${report.households.toLocaleString('en')} seeded households with ${report.progressRecords.toLocaleString('en')} progress records (seeded in ${report.seedSeconds} s); API ready in ${report.startSeconds} s at ${report.rssReady} MiB RSS, then busy with its start-up work for ${report.startupWorkSeconds ?? '?'} s (waited before the loads), ${report.rssAfter ?? '?'} MiB after the loads; ${report.boxes} households created through the API in ${report.createSeconds ?? '?'} s.`,
    );
    if (report.warmHomes) {
      console.log(
        `${report.name} child's home: before the load, one per grade (${report.warmHomes.grades}) in ${report.warmHomes.ms} ms, the first (building the catalogue view) in ${report.firstHomeMs} ms; during the load the API used ${report.homeCpuMsPerRequest?.toFixed(2)} ms of CPU per child's home.`,
      );
    }
    if (beats) {
      const openAccepted = report.openLoop?.accepted ?? 0;
      console.log(
        `${report.name} heartbeats: ${beats.perSecond.toLocaleString('en')}/s acknowledged (${beats.accepted.toLocaleString('en')} accepted, ${beats.duplicates} duplicates, in 200 answers carrying ${beats.sentInOk.toLocaleString('en')}; ${beats.failed} other answers; ${openAccepted.toLocaleString('en')} more acknowledged in the open-loop row); API CPU ${beats.cpuMsPerHeartbeat} ms per heartbeat; ${report.storedHeartbeats?.toLocaleString('en')} in the store after the API stopped${(report.storedHeartbeats ?? 0) >= beats.accepted + openAccepted ? ' (every acknowledged heartbeat stored)' : ' — FEWER THAN ACKNOWLEDGED'}.`,
      );
    }
  }
}

/** Heartbeats beside the bare endpoint taking the same batches: the table docs/benchmarks.md keeps. */
function printHeartbeatTable(bare: readonly BareHeartbeats[], reports: readonly BackendReport[]): void {
  const beside = reports.filter((report) => report.heartbeats);
  if (bare.length === 0 && beside.length === 0) return;
  console.log(
    '\n| endpoint | req/s | heartbeats/s | p50 ms | p99 ms | server CPU per heartbeat | server cores | generator cores | load avg | errors / non-2xx |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const line = (
    name: string,
    load: LoadResult,
    perSecond: number,
    cpu: number,
    cores: string,
    generator: number,
    loadAverage: readonly number[],
  ) =>
    console.log(
      `| ${name} | ${load.rps.toLocaleString('en')} | ${perSecond.toLocaleString('en')} | ${load.p50} | ${load.p99} | ${cpu} ms | ${cores} | ${generator} | ${loads(loadAverage)} | ${load.errors} / ${load.non2xx} |`,
    );
  const [before, after] = bare;
  if (before)
    line(
      'bare Express (before)',
      before.load,
      before.perSecond,
      before.cpuMsPerHeartbeat,
      '–',
      before.generatorCores,
      before.loadAverage,
    );
  for (const report of beside) {
    const beats = report.heartbeats!;
    const load = report.rows.find((row) => row.scenario === 'heartbeats')!;
    line(
      report.name,
      load,
      beats.perSecond,
      beats.cpuMsPerHeartbeat,
      String(beats.apiCores),
      beats.generatorCores,
      beats.loadAverage,
    );
  }
  if (after)
    line(
      'bare Express (after)',
      after.load,
      after.perSecond,
      after.cpuMsPerHeartbeat,
      '–',
      after.generatorCores,
      after.loadAverage,
    );
}

/** The open-loop rows: a fixed offered rate, latency from each request's intended send time. */
function printOpenLoopTable(bare: readonly BareHeartbeats[], reports: readonly BackendReport[]): void {
  const rows: [string, OpenLoopRow][] = [];
  const [before, after] = bare;
  if (before?.openLoop) rows.push(['bare Express (before)', before.openLoop]);
  for (const report of reports) if (report.openLoop) rows.push([report.name, report.openLoop]);
  if (after?.openLoop) rows.push(['bare Express (after)', after.openLoop]);
  if (rows.length === 0) return;
  console.log(
    '\n| endpoint (open loop) | offered heartbeats/s (req/s) | sent req/s | acknowledged heartbeats/s | p50 ms | p99 ms | max ms | server CPU per heartbeat | server cores | vegeta cores | load avg | errors / non-2xx |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, row] of rows) {
    console.log(
      `| ${name} | ${row.offeredHeartbeatsPerSecond.toLocaleString('en')} (${row.offeredRps.toLocaleString('en')}) | ${row.sentRps.toLocaleString('en')} | ${row.heartbeatsPerSecond.toLocaleString('en')} | ${row.p50} | ${row.p99} | ${row.max} | ${row.serverCpuMsPerHeartbeat} ms | ${row.serverCores} | ${row.generatorCores} | ${loads(row.loadAverage)} | ${row.errors} / ${row.non2xx} |`,
    );
  }
}
