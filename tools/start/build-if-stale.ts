// `npm start` builds a front end only when its build is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export type FrontEnd = {
  /** For the console: "the TV app". */
  label: string;
  /** The npm workspace whose `build` script makes it. */
  workspace: string;
  /** A file the build writes (its mtime is the build's). */
  built: string;
  /** Files and folders the build reads. */
  sources: string[];
};

function newestSourceTime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry, { withFileTypes: true })) {
    if (child.name === 'node_modules' || child.name === 'dist') continue;
    newest = Math.max(newest, newestSourceTime(path.join(entry, child.name)));
  }
  return newest;
}

export function isStale(frontEnd: FrontEnd): boolean {
  if (!existsSync(frontEnd.built)) return true;
  const builtAt = statSync(frontEnd.built).mtimeMs;
  return frontEnd.sources.some((source) => newestSourceTime(source) > builtAt);
}

export function buildIfStale(frontEnd: FrontEnd, repoRoot: string): void {
  if (!isStale(frontEnd)) return;
  console.log(`[start] Building ${frontEnd.label}…`);
  const result = spawnSync('npm', ['run', 'build', '-w', frontEnd.workspace], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`${frontEnd.label} did not build; see the output above`);
}
