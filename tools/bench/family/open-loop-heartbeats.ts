// The heartbeat load at a fixed offered rate (open loop): many boxes each sending at their own pace, so a slow
// answer does not slow the senders down, as it does with a fixed number of connections (wrk, autocannon). The
// generator is vegeta (Go; `tools/setup/setup.sh --bench` builds it into .tools/vegeta from the Go module
// proxy): it sends each request at its scheduled time, opening connections as needed. Latency is measured from
// the intended send time of each request (the n-th at start + n / rate), so a generator that falls behind
// does not hide the wait (coordinated omission).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoadRequest } from '../shared/load.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BUILT = path.join(ROOT, '.tools/vegeta/vegeta');
/**
 * At most this many requests in flight (boxes waiting at once). Beyond it vegeta sends late, and the lateness
 * counts in the latency (measured from the intended send time); without a bound, a server that falls behind
 * is left with a backlog of requests vegeta has given up on (its 10 s timeout) that outlasts the row by
 * minutes (on FerretDB, 14,000 of them).
 */
const MAX_IN_FLIGHT = 1_000;
/** Heartbeats per request on average: the batches carry 1–3, equally often. */
export const MEAN_BATCH = 2;

/** vegeta's path: built by the set-up, or on PATH; undefined when absent. */
export function vegetaPath(): string | undefined {
  if (existsSync(BUILT)) return BUILT;
  return spawnSync('vegeta', ['-version'], { stdio: 'ignore' }).error === undefined ? 'vegeta' : undefined;
}

export type OpenLoopResult = {
  /** Requests and heartbeats per second scheduled, and requests sent per second. */
  offeredRps: number;
  offeredHeartbeatsPerSecond: number;
  sentRps: number;
  /** Requests answered 200 per second, and heartbeats acknowledged per second (over the scheduled seconds). */
  achievedRps: number;
  heartbeatsPerSecond: number;
  accepted: number;
  duplicates: number;
  /** From the intended send time, in ms. */
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** CPU seconds vegeta used (user and system). */
  generatorCpuSeconds: number;
  seconds: number;
};

/**
 * Sends `build()`'s requests to `url` at `heartbeatsPerSecond / MEAN_BATCH` requests a second for `seconds`.
 * The requests are built before the clock starts, into a targets file in `workDir`.
 */
export async function runOpenLoopHeartbeats(
  vegeta: string,
  url: string,
  build: () => LoadRequest,
  options: {
    heartbeatsPerSecond: number;
    seconds: number;
    workDir: string;
    name: string;
    /** Told just before the attack starts and once it has ended. */
    onAttack?: (phase: 'start' | 'end') => void;
  },
): Promise<OpenLoopResult> {
  const rps = Math.round(options.heartbeatsPerSecond / MEAN_BATCH);
  const targets = path.join(options.workDir, `${options.name}-targets.jsonl`);
  const results = path.join(options.workDir, `${options.name}-results.bin`);
  const offeredHeartbeats = writeTargets(targets, url, build, rps * options.seconds);
  options.onAttack?.('start');
  const generatorCpuSeconds = await attack(vegeta, targets, results, rps, options.seconds);
  options.onAttack?.('end');
  const measured = await readResults(vegeta, results, rps);
  return {
    offeredRps: rps,
    offeredHeartbeatsPerSecond: Math.round(offeredHeartbeats / options.seconds),
    sentRps: Math.round(measured.requests / options.seconds),
    achievedRps: Math.round(measured.ok / options.seconds),
    heartbeatsPerSecond: Math.round(measured.accepted / options.seconds),
    accepted: measured.accepted,
    duplicates: measured.duplicates,
    ...percentiles(measured.latenciesMs),
    errors: measured.errors,
    non2xx: measured.non2xx,
    generatorCpuSeconds,
    seconds: options.seconds,
  };
}

/** vegeta's JSON targets, one request a line; answers how many heartbeats they carry. */
function writeTargets(file: string, url: string, build: () => LoadRequest, count: number): number {
  const fd = openSync(file, 'w');
  let heartbeats = 0;
  try {
    for (let index = 0; index < count; index += 1) {
      const request = build();
      heartbeats += (JSON.parse(request.body!) as { heartbeats: unknown[] }).heartbeats.length;
      const header = Object.fromEntries(
        Object.entries(request.headers ?? {}).map(([name, value]) => [name, [value]]),
      );
      const target = {
        method: request.method ?? 'GET',
        url: `${url}${request.path}`,
        header,
        body: Buffer.from(request.body ?? '').toString('base64'),
      };
      writeSync(fd, `${JSON.stringify(target)}\n`);
    }
  } finally {
    closeSync(fd);
  }
  return heartbeats;
}

/** Runs the attack; answers vegeta's CPU seconds (the shell's `times`: its children's user and system). */
async function attack(vegeta: string, targets: string, results: string, rps: number, seconds: number) {
  const script =
    '"$0" attack -format=json -targets="$1" -rate="$2"/1s -duration="$3"s -timeout=10s -max-body=4096 ' +
    `-max-workers=${MAX_IN_FLIGHT} -output="$4" && times`;
  const child = spawn('bash', ['-c', script, vegeta, targets, String(rps), String(seconds), results], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vegeta attack exited ${code}: ${output}`);
  // `times` prints the shell's user and system time, then its children's: "0m1.234s 0m0.567s".
  const children = output.trim().split('\n').at(-1) ?? '';
  return [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, [, minutes, secs]) => sum + Number(minutes) * 60 + Number(secs),
    0,
  );
}

type Measured = {
  requests: number;
  ok: number;
  accepted: number;
  duplicates: number;
  errors: number;
  non2xx: number;
  latenciesMs: number[];
};

/** Reads vegeta's results (as JSON lines): latency from the intended send time, and the answers' counts. */
async function readResults(vegeta: string, results: string, rps: number): Promise<Measured> {
  const child = spawn(vegeta, ['encode', '-to', 'json', results], { stdio: ['ignore', 'pipe', 'inherit'] });
  const measured: Measured = {
    requests: 0,
    ok: 0,
    accepted: 0,
    duplicates: 0,
    errors: 0,
    non2xx: 0,
    latenciesMs: [],
  };
  const ends: { seq: number; endNs: bigint; latencyNs: number }[] = [];
  let startNs: bigint | undefined;
  for await (const line of createInterface({ input: child.stdout })) {
    if (!line) continue;
    const result = JSON.parse(line) as {
      seq: number;
      code: number;
      timestamp: string;
      latency: number;
      body?: string;
      error?: string;
    };
    measured.requests += 1;
    const sentNs = parseTimestampNs(result.timestamp);
    if (result.seq === 0) startNs = sentNs;
    ends.push({ seq: result.seq, endNs: sentNs + BigInt(result.latency), latencyNs: result.latency });
    if (result.code === 0) {
      if (measured.errors < 3) console.error(`open-loop heartbeats: ${result.error}`);
      measured.errors += 1;
    } else if (result.code !== 200) {
      if (measured.non2xx < 3) console.error(`open-loop heartbeats: answer ${result.code}`);
      measured.non2xx += 1;
    } else {
      measured.ok += 1;
      const body = Buffer.from(result.body ?? '', 'base64').toString();
      measured.accepted += Number(/"accepted":(\d+)/.exec(body)?.[1] ?? 0);
      measured.duplicates += Number(/"duplicates":(\d+)/.exec(body)?.[1] ?? 0);
    }
  }
  await new Promise((resolve) => child.once('close', resolve));
  if (startNs === undefined) throw new Error('vegeta recorded no results');
  const intervalNs = 1e9 / rps;
  for (const { seq, endNs, latencyNs } of ends) {
    const intendedNs = startNs + BigInt(Math.round(seq * intervalNs));
    measured.latenciesMs.push(Math.max(latencyNs, Number(endNs - intendedNs)) / 1e6);
  }
  return measured;
}

/** RFC 3339 with nanoseconds (vegeta's timestamps) to nanoseconds since the epoch. */
function parseTimestampNs(text: string): bigint {
  const match = /^(.+?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!match) throw new Error(`vegeta timestamp "${text}"`);
  const fraction = (match[2] ?? '').padEnd(9, '0').slice(0, 9);
  return BigInt(Date.parse(`${match[1]}${match[3]}`)) * 1_000_000n + BigInt(fraction || '0');
}

function percentiles(latencies: number[]): { p50: number; p99: number; max: number } {
  const sorted = latencies.sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? 0) };
}
