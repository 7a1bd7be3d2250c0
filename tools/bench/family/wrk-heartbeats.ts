// The heartbeat load from wrk (C, Debian's `wrk`) running heartbeats.lua: the same requests as heartbeat-load.ts,
// but the generator takes a fraction of a core, where autocannon building each request in JS held a whole one
// of the two this machine has and left the API waiting for work.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from '../shared/load.ts';
import type { Box } from './heartbeat-load.ts';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'heartbeats.lua');

/** Whether Debian's `wrk` is installed (`tools/setup/setup.sh --bench` installs it). */
export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

/** Heartbeat totals from the answers, and what the generator itself cost. */
export type WrkHeartbeatResult = LoadResult & {
  accepted: number;
  duplicates: number;
  refused: number;
  /** CPU seconds wrk used (all its threads), for the generator's share of the machine. */
  generatorCpuSeconds: number;
  seconds: number;
};

/**
 * The boxes as a Lua table for heartbeats.lua: each box's credential, profile and grade (an index into the
 * grades' lesson lists, written once rather than per box) and where it is in them.
 */
export function writeWrkBoxes(file: string, boxes: readonly Box[], requestPath: string): void {
  const grades = new Map<string, number>();
  const gradeLists: string[] = [];
  const boxLines = boxes.map((box) => {
    let grade = grades.get(box.gradeId);
    if (grade === undefined) {
      grade = gradeLists.length + 1;
      grades.set(box.gradeId, grade);
      const lessons = box.lessons.map(
        (lesson) => `{${JSON.stringify(lesson.id)},${lesson.durationSeconds || 2_400}}`,
      );
      gradeLists.push(`{${lessons.join(',')}}`);
    }
    return `{token=${JSON.stringify(box.token)},profile=${JSON.stringify(box.profileId)},grade=${grade},lesson=${box.lessonIndex},position=${box.positionSeconds}}`;
  });
  writeFileSync(
    file,
    `return {path=${JSON.stringify(requestPath)},\ngrades={${gradeLists.join(',\n')}},\nboxes={${boxLines.join(',\n')}}}\n`,
  );
}

/** Runs wrk against `url` for `seconds` with the boxes written by `writeWrkBoxes`. */
export async function runWrkHeartbeats(
  url: string,
  boxesFile: string,
  options: { seconds: number; connections: number; threads: number },
): Promise<WrkHeartbeatResult> {
  const args = [
    `--threads=${options.threads}`,
    `--connections=${options.connections}`,
    `--duration=${options.seconds}s`,
    '--timeout=10s',
    `--script=${SCRIPT}`,
    url,
    '--',
    boxesFile,
    String(options.threads),
  ];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const line = output.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`wrk exited ${code}: ${output}`);
  const raw = JSON.parse(line) as Record<string, number>;
  const seconds = raw.durationUs! / 1e6;
  return {
    requests: raw.requests!,
    rps: Math.round(raw.requests! / seconds),
    p50: Math.round(raw.p50Us! / 100) / 10,
    p99: Math.round(raw.p99Us! / 100) / 10,
    errors: raw.connectErrors! + raw.readErrors! + raw.writeErrors! + raw.timeouts!,
    non2xx: raw.non2xx!,
    accepted: raw.accepted!,
    duplicates: raw.duplicates!,
    refused: raw.refused!,
    generatorCpuSeconds: raw.cpuSeconds!,
    seconds,
  };
}
