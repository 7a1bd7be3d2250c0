import { loadavg } from 'node:os';
import { cpuSeconds } from '../shared/api-process.ts';
import type { LoadRequest } from '../shared/load.ts';
import { runOpenLoopHeartbeats, type OpenLoopResult } from './open-loop-heartbeats.ts';

/** The open-loop row of one server: the load, the server's CPU per heartbeat and the generator's share. */
export type OpenLoopRow = OpenLoopResult & {
  serverCpuMsPerHeartbeat: number;
  serverCores: number;
  generatorCores: number;
  loadAverage: [number, number];
};

/** Runs the open-loop heartbeat load against one server process (`pid`), measuring its CPU meanwhile. */
export async function runOpenLoop(
  vegeta: string,
  server: { url: string; pid: number },
  build: () => LoadRequest,
  options: { heartbeatsPerSecond: number; seconds: number; workDir: string; name: string },
): Promise<OpenLoopRow> {
  const loadBefore = loadavg()[0]!;
  // The server's CPU during the attack only: the targets are written before it and the results read after.
  let cpuStart = 0;
  let cpuEnd = 0;
  const result = await runOpenLoopHeartbeats(vegeta, server.url, build, {
    ...options,
    onAttack: (phase) => {
      if (phase === 'start') cpuStart = cpuSeconds(server.pid);
      else cpuEnd = cpuSeconds(server.pid);
    },
  });
  const cpuMs = (cpuEnd - cpuStart) * 1000;
  const row: OpenLoopRow = {
    ...result,
    serverCpuMsPerHeartbeat: Math.round((cpuMs / Math.max(1, result.accepted)) * 1000) / 1000,
    serverCores: Math.round((cpuMs / 1000 / result.seconds) * 100) / 100,
    generatorCores: Math.round((result.generatorCpuSeconds / result.seconds) * 100) / 100,
    loadAverage: [loadBefore, loadavg()[0]!],
  };
  console.log(
    `${options.name} open loop: offered ${row.offeredHeartbeatsPerSecond} heartbeats/s (${row.offeredRps} req/s), sent ${row.sentRps} req/s, acknowledged ${row.heartbeatsPerSecond}/s, p50 ${row.p50} ms, p99 ${row.p99} ms, max ${row.max} ms from the intended send time, ${row.errors} errors / ${row.non2xx} non-2xx, server CPU ${row.serverCpuMsPerHeartbeat} ms per heartbeat (${row.serverCores} cores), vegeta ${row.generatorCores} cores`,
  );
  return row;
}
