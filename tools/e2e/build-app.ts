// Builds the front ends the content API serves — the TV app (tv-app/dist, at /) and the web pages
// (content-api/web/dist: /family/, /activate/, /console/) — once per test run, not once per test file: vitest
// runs each file in its own worker, so a build is skipped when it is newer than its sources (the rule
// `npm start` follows), and a lock keeps two workers from building into the same dist at once (dist-lock.ts:
// one a killed build left is taken over once stale).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { isStale, type FrontEnd } from '../start/build-if-stale.ts';
import { frontEnds } from '../start/front-ends.ts';
import { withLock } from './dist-lock.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const FRONT_ENDS = frontEnds(REPO);
const builds = new Map<string, Promise<string>>();

function buildOnce(frontEnd: FrontEnd): Promise<string> {
  const dist = path.dirname(frontEnd.built).replace(/(\/dist).*$/, '$1');
  let build = builds.get(frontEnd.workspace);
  if (!build) {
    build = withLock(dist, async () => {
      if (isStale(frontEnd)) {
        await promisify(execFile)('npm', ['run', 'build', '-w', frontEnd.workspace], { cwd: REPO });
      }
      return dist;
    });
    builds.set(frontEnd.workspace, build);
  }
  return build;
}

/** Asynchronous, so media preparation can run beside it. */
export function buildTvApp(): Promise<string> {
  return buildOnce(FRONT_ENDS.tvApp);
}

export function buildWebPages(): Promise<string> {
  return buildOnce(FRONT_ENDS.webPages);
}
