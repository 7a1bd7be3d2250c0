// Builds the TV app once per test run (the content API serves tv-app/dist).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
let built = false;

export function buildTvApp(): string {
  const dist = path.join(REPO, 'tv-app/dist');
  if (!built || !existsSync(path.join(dist, 'index.html'))) {
    execFileSync('npm', ['run', 'build', '-w', 'tv-app'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'] });
    built = true;
  }
  return dist;
}
