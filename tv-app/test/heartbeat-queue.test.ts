// The heartbeat queue over HTTP: kept while the API cannot be reached, sent in one batch once it can,
// with the box's bearer credential; refused heartbeats are dropped; the answer's Usage lands in the store.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Heartbeat } from '../src/api/family-types.ts';
import { loadCarrierConfig } from '../src/config.ts';
import { flushHeartbeats, queuedHeartbeats, queueHeartbeat } from '../src/player/heartbeat-queue.ts';
import { writeCredential } from '../src/state/credential.ts';
import { usageOf } from '../src/state/usage.ts';

// Node has no localStorage: a plain in-memory one, as a browser without persistence would behave.
const stored = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  },
});

let answer: 'down' | 'ok' | 'refuse' = 'down';
const batches: { authorization?: string; ids: string[] }[] = [];
let server: Server;

const heartbeat = (id: string): Heartbeat => ({
  id,
  profileId: 'p1',
  lessonId: 'l-math-1',
  positionSeconds: 12,
  durationSeconds: 600,
  watchedSeconds: 12,
  reason: 'back',
  at: new Date().toISOString(),
});
const usage = { profileId: 'p1', date: '2026-12-05', usedSeconds: 24, quotaSeconds: null };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/carrier.json') return void res.end(JSON.stringify({ apiBase: base }));
      const { heartbeats } = JSON.parse(body) as { heartbeats: Heartbeat[] };
      batches.push({ authorization: req.headers.authorization, ids: heartbeats.map((h) => h.id) });
      if (answer === 'down') return void res.writeHead(503).end('{}');
      if (answer === 'refuse') {
        return void res.writeHead(400).end('{"error":{"code":"invalid_request","message":"bad"}}');
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ accepted: heartbeats.length, duplicates: 0, usage: [usage] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await loadCarrierConfig(`${base}/carrier.json`);
  writeCredential({ token: 'secret-token', householdId: 'h1', deviceId: 'd1' });
});
let base = '';

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('heartbeat queue', () => {
  it('keeps heartbeats while the API is down and sends them together, with the credential, once it is up', async () => {
    await queueHeartbeat(heartbeat('a'));
    expect(queuedHeartbeats().map((h) => h.id)).toEqual(['a']);
    answer = 'ok';
    await queueHeartbeat(heartbeat('b'));
    expect(queuedHeartbeats()).toEqual([]);
    expect(batches.at(-1)).toEqual({ authorization: 'Bearer secret-token', ids: ['a', 'b'] });
    expect(usageOf('p1')?.usage).toMatchObject({ usedSeconds: 24 });
  });

  it('drops heartbeats the API refuses (sending them again would be refused again)', async () => {
    answer = 'refuse';
    await queueHeartbeat(heartbeat('c'));
    expect(batches.at(-1)?.ids).toEqual(['c']);
    expect(queuedHeartbeats()).toEqual([]);
    await flushHeartbeats();
    expect(batches.at(-1)?.ids).toEqual(['c']);
  });
});
