// Dashboards benchmark (issue 13): N stored playback reports (default 10 million, generated in bulk into a
// scratch embedded store), rolled up daily; dashboard queries over the rollups timed (p50/p95), beside a scan
// of the raw reports for the same answer in the same run (the baseline), and the two answers compared.
//   npm run bench -- dashboards [--events 10000000] [--days 90] [--households 200000] [--queries 40]
//     [--scans 1] [--dir <scratch dir, default a temp dir, removed>]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import type { QoeDashboardQuery } from '@ketang/contract';
import { openStore } from '../../../content-api/src/db/open-store.ts';
import { SQLITE_FILE } from '../../../content-api/src/db/sqlite/sqlite-store.ts';
import { qoeCellsOf } from '../../../content-api/src/services/dashboards/daily-cells.ts';
import { DashboardService } from '../../../content-api/src/services/dashboards/dashboard.service.ts';
import { createRollupService } from '../../../content-api/src/services/dashboards/rollup.service.ts';
import { createStores, ensureIndexes } from '../../../content-api/src/stores/stores.ts';
import { seconds } from '../shared/catalogue.ts';
import { CARRIERS, generateEvents, MODELS, REGIONS } from './generate-events.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '10000000' },
    days: { type: 'string', default: '90' },
    households: { type: 'string', default: '200000' },
    queries: { type: 'string', default: '40' },
    scans: { type: 'string', default: '1' },
    dir: { type: 'string' },
  },
});
const events = Number(values.events);
const days = Number(values.days);
const LAST_DAY = '2026-12-05';
const NOW = new Date('2026-12-06T06:00:00Z');
const dayBefore = (n: number) =>
  new Date(Date.parse(`${LAST_DAY}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
const ms = (value: number) => Math.round(value * 10) / 10;

/** The queries an operator makes: the last 30 or all days, each grouping, some filtered. */
function queryOf(index: number): QoeDashboardQuery {
  const groups = ['day', 'region', 'carrier', 'model', 'codec'] as const;
  const span = index % 2 === 0 ? 30 : days;
  return {
    from: dayBefore(span - 1),
    to: LAST_DAY,
    groupBy: groups[index % groups.length]!,
    format: 'json',
    ...(index % 3 === 1 ? { region: REGIONS[index % REGIONS.length] } : {}),
    ...(index % 4 === 3
      ? { carrier: CARRIERS[index % CARRIERS.length], model: MODELS[index % MODELS.length] }
      : {}),
  };
}

const dataDir = values.dir ?? mkdtempSync(path.join(tmpdir(), 'ketang-bench-dashboards-'));
const backend = await openStore({ dataDir });
try {
  await ensureIndexes(backend);
  const stores = createStores(backend);
  let started = performance.now();
  const existing = await backend.collection('events').count({});
  if (existing < events) {
    let reported = existing;
    await generateEvents(
      path.join(dataDir, SQLITE_FILE),
      { from: existing, events, days, households: Number(values.households), lastDay: LAST_DAY },
      (written) => {
        if (written - reported < 1_000_000) return;
        reported = written;
        console.log(`  ${written} events written (${seconds(started)} s)`);
      },
    );
  }
  const writeSeconds = existing < events ? `${seconds(started)} s` : 'reused from --dir';
  const stored = await backend.collection('events').count({});
  console.log(`events: ${stored} stored (${writeSeconds})`);

  started = performance.now();
  const rollups = createRollupService(stores, pino({ level: 'silent' }), {
    eventRetentionDays: 365,
    clock: () => NOW,
  });
  for (let n = days - 1; n >= 0; n -= 1) await rollups.rollUpDay(dayBefore(n));
  const rollupSeconds = seconds(started);
  const cells = await backend.collection('qoe_daily').count({});
  console.log(`rollup: ${days} days into ${cells} cells in ${rollupSeconds} s`);

  const dashboards = new DashboardService(stores.dashboards);
  // The first query reads every day's cells from the store (the API warms them after its start-up rollup).
  let begun = performance.now();
  await dashboards.qoe({ ...queryOf(1), region: undefined });
  const coldMs = performance.now() - begun;
  const times: number[] = [];
  for (let index = 0; index < Number(values.queries); index += 1) {
    begun = performance.now();
    await dashboards.qoe(queryOf(index));
    times.push(performance.now() - begun);
  }
  times.sort((a, b) => a - b);

  // The baseline: the same answer (30 days by carrier) from a scan of the raw reports.
  const query = { ...queryOf(0), groupBy: 'carrier' as const };
  const scanTimes: number[] = [];
  let scanned: number | null = null;
  for (let run = 0; run < Number(values.scans); run += 1) {
    begun = performance.now();
    let sessions = 0;
    for (let n = 29; n >= 0; n -= 1) {
      const day = dayBefore(n);
      for (const cell of qoeCellsOf(day, await stores.events.ofDay(day))) sessions += cell.sessions;
    }
    scanTimes.push(performance.now() - begun);
    scanned = sessions;
  }
  const fromRollups = (await dashboards.qoe(query)).total.sessions;
  scanTimes.sort((a, b) => a - b);

  const date = new Date().toISOString().slice(0, 10);
  console.log(`\n### Dashboards, ${stored} stored playback reports over ${days} days — ${date}\n`);
  console.log(
    `Machine: ${cpus()[0]?.model ?? 'unknown'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  console.log('| step | figure |');
  console.log('| --- | --- |');
  console.log(`| write ${stored} reports in bulk (embedded store) | ${writeSeconds} |`);
  console.log(`| roll up ${days} days → ${cells} QoE cells | ${rollupSeconds} s |`);
  console.log(`| first dashboard query, ${days} days (cells read from the store) | ${ms(coldMs)} ms |`);
  console.log(
    `| dashboard query over rollups, ${times.length} queries (30/${days} days, every groupBy, filters) | p50 ${ms(quantile(times, 0.5))} ms, p95 ${ms(quantile(times, 0.95))} ms, max ${ms(times.at(-1)!)} ms |`,
  );
  console.log(
    `| baseline: the same 30-day answer by scanning the raw reports, ${scanTimes.length} runs | p50 ${ms(quantile(scanTimes, 0.5))} ms, max ${ms(scanTimes.at(-1)!)} ms |`,
  );
  console.log(`| answers agree (sessions, rollup vs scan) | ${fromRollups} vs ${scanned} |`);
} finally {
  await backend.close();
  if (!values.dir) rmSync(dataDir, { recursive: true, force: true });
}
