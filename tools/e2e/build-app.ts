// Builds the TV app once per test run (the content API serves tv-app/dist).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '../..');
let build: Promise<string> | undefined;

/** Asynchronous, so media preparation can run beside it. */
export function buildTvApp(): Promise<string> {
  const dist = path.join(REPO, 'tv-app/dist');
  if (!build || !existsSync(path.join(dist, 'index.html'))) {
    build = promisify(execFile)('npm', ['run', 'build', '-w', 'tv-app'], { cwd: REPO }).then(() => dist);
  }
  return build;
}
