// Builds the front ends the content API serves, once per test run: the TV app (tv-app/dist, at /) and the
// web pages (content-api/web/dist, the parent's phone page at /family/).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '../..');
const builds = new Map<string, Promise<string>>();

function buildOnce(workspace: string, dist: string, builtFile: string): Promise<string> {
  let build = builds.get(workspace);
  if (!build || !existsSync(path.join(dist, builtFile))) {
    build = promisify(execFile)('npm', ['run', 'build', '-w', workspace], { cwd: REPO }).then(() => dist);
    builds.set(workspace, build);
  }
  return build;
}

/** Asynchronous, so media preparation can run beside it. */
export function buildTvApp(): Promise<string> {
  return buildOnce('tv-app', path.join(REPO, 'tv-app/dist'), 'index.html');
}

export function buildWebPages(): Promise<string> {
  return buildOnce('@ketang/web', path.join(REPO, 'content-api/web/dist'), 'family/index.html');
}
