import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Clock ticks per second of /proc's time fields (100 on Linux, asked once). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * CPU seconds (user + sys) this process and every child it has waited for have used so far: /proc/self/stat's
 * utime + stime + cutime + cstime. Node reaps its children (ffmpeg, Shaka Packager, shaka-streamer's Python,
 * which reaps its own ffmpeg and packager), so the difference across a run is that run's whole process tree.
 */
export function processTreeCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name (which is in parentheses and may hold spaces); utime is field 14.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
  return ((utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0)) / TICKS_PER_SECOND;
}

export interface Measured<T> {
  value: T;
  wallSeconds: number;
  cpuSeconds: number;
  /** 1-minute load average when the run started and when it ended. */
  load: [number, number];
}

/** Runs one side of a comparison and measures its wall time, its process tree's CPU time and the load around it. */
export async function measure<T>(run: () => T | Promise<T>): Promise<Measured<T>> {
  const loadBefore = loadavg()[0] ?? 0;
  const cpuBefore = processTreeCpuSeconds();
  const started = performance.now();
  const value = await run();
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    value,
    wallSeconds,
    cpuSeconds: processTreeCpuSeconds() - cpuBefore,
    load: [loadBefore, loadavg()[0] ?? 0],
  };
}
