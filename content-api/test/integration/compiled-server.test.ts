import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSmarteduMirror } from '@ketang/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, DIST_DIR } from '../../build-server.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const START_PROD = path.join(repoRoot, 'tools', 'setup', 'start-prod.sh');
const OPERATOR_TOKEN = 'compiled-server-test-token';

let scratch: string;
let server: ChildProcess | undefined;
let base: string;
const output: string[] = [];

/** `npm run start:prod` as a process: the script checks the builds and execs plain node on the bundle. */
function startProd(env: Record<string, string>): ChildProcess {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return spawn('bash', [START_PROD], { cwd: repoRoot, env: { ...inherited, ...env }, stdio: 'pipe' });
}

/** Waits for the server's "listening" log line and answers its URL. */
function listeningUrl(child: ChildProcess, limitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not listening after ${limitMs} ms:\n${output.join('')}`)),
      limitMs,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const found = /"url":"(http:\/\/127\.0\.0\.1:\d+)".*"msg":"content API listening"/.exec(
        output.join(''),
      );
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output.join('')}`));
    });
  });
}

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ketang-compiled-'));
  const built = await buildServer();
  expect(built.map((file) => path.basename(file)).sort()).toEqual([
    'packaging-child.js',
    'server.js',
    'textbook-worker.js',
  ]);
  // Stand-ins for the TV app's and the web pages' vite builds (built and tested in their own workspaces).
  await put(path.join(scratch, 'tv', 'index.html'), '<!doctype html><title>ketang tv build</title>');
  await put(
    path.join(scratch, 'web', 'family', 'index.html'),
    '<!doctype html><title>ketang family page</title>',
  );
  await generateSmarteduMirror({
    dir: path.join(scratch, 'mirror'),
    seed: 3,
    textbooks: 2,
    lessonsPerTextbook: 3,
    sections: 0,
  });
  server = startProd({
    HOST: '127.0.0.1',
    PORT: '0',
    KETANG_DATA_DIR: path.join(scratch, 'store'),
    KETANG_MEDIA_DIR: path.join(scratch, 'media'),
    KETANG_TV_APP_DIR: path.join(scratch, 'tv'),
    KETANG_WEB_DIR: path.join(scratch, 'web'),
    KETANG_OPERATOR_TOKEN: OPERATOR_TOKEN,
  });
  base = await listeningUrl(server, 30_000);
}, 90_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await rm(scratch, { recursive: true, force: true });
});

describe('the compiled production server (npm run start:prod)', () => {
  it('is plain node running the bundle: no tsx, no loader, no TypeScript source', async () => {
    // start-prod.sh execs node, so the process started is the server itself.
    const argv = (await readFile(`/proc/${server!.pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    expect(argv).toEqual([
      expect.stringMatching(/(^|\/)node$/),
      '--enable-source-maps',
      'content-api/dist/server.js',
    ]);
    expect(existsSync(path.join(DIST_DIR, 'textbook-worker.js'))).toBe(true);
  });

  it('answers health and serves the TV app at / and the web pages at /family/', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const tv = await fetch(`${base}/`);
    expect(tv.status).toBe(200);
    expect(await tv.text()).toContain('ketang tv build');
    const family = await fetch(`${base}/family/`);
    expect(family.status).toBe(200);
    expect(await family.text()).toContain('ketang family page');
  });

  it('serves the family API: a first start creates a household that its token then reads', async () => {
    const created = await fetch(`${base}/v1/households`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(created.status).toBe(201);
    const { token, household } = (await created.json()) as { token: string; household: { id: string } };
    const read = await fetch(`${base}/v1/household`, { headers: { authorization: `Bearer ${token}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { id: string }).id).toBe(household.id);
  });

  it('syncs a catalogue through its bundled textbook worker', { timeout: 60_000 }, async () => {
    const auth = { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' };
    const started = await fetch(`${base}/v1/operator/sync`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ from: path.join(scratch, 'mirror') }),
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let job: { status: string; report?: { totals: { added: number; errors: number } }; error?: string };
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = (await (await fetch(`${base}/v1/operator/sync/${id}`, { headers: auth })).json()) as typeof job;
    } while (job.status === 'running');
    expect(job).toMatchObject({ status: 'succeeded', report: { totals: { added: 2, errors: 0 } } });
  });
});

describe('npm run start:prod before a build', () => {
  it('refuses to start, naming what is not built and the command that builds it', async () => {
    const child = startProd({ KETANG_TV_APP_DIR: path.join(tmpdir(), 'no-such-tv-build') });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('start:prod: not built yet — run npm run build:prod');
    expect(stderr).toContain('no-such-tv-build/index.html): npm run build:tv');
  });
});
