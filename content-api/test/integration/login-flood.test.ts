// Password hashing must not starve the writes boxes make (issue 12): over the real process (as in production,
// embedded store), a box's heartbeat write p99 during a flood of 64 concurrent wrong-password logins from one
// client stays within 2× its idle p99 + 50 ms (the floor absorbs a noisy, shared 2-core machine;
// the idle p99 is the worse of one measured before and one after the flood). The flood is
// bounded: at most FLOOD_MS and MAX_LOGINS requests (then the ≤ 64 in flight drain, ~0.2 s of hashing each); the per-address login limit is raised for the test so
// every login really runs scrypt (unknown usernames, so no account lock stops them either).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { spawnApi, type ApiProcess } from '../support/api-process.ts';
import { sendJson, startApi } from '../support/api.ts';
import { heartbeat, newChild, newHousehold, type HouseholdBox } from '../support/family.ts';

const CONCURRENT_LOGINS = 64;
const MAX_LOGINS = 640;
const FLOOD_MS = 6_000;
const IDLE_SAMPLES = 40;
const FLOOR_MS = 50;

const p99 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
};

const top = (samples: number[]) =>
  [...samples]
    .sort((a, b) => b - a)
    .slice(0, 5)
    .map((value) => value.toFixed(0))
    .join(',');
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[samples.length >> 1]!.toFixed(1);

describe('heartbeat writes during a login flood', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-flood-'));
  let api: ApiProcess;
  let box: HouseholdBox;
  let profileId: string;

  beforeAll(async () => {
    // Seed the store in this process (catalogue, a box and its child), then serve it from a real process.
    const seeding = await startApi({ dataDir }, buildFixtureCatalogue());
    box = await newHousehold(seeding.url);
    profileId = await newChild(seeding.url, box.headers, 'g1');
    await seeding.close();
    api = await spawnApi({
      KETANG_DATA_DIR: dataDir,
      KETANG_LOGIN_FAILURES_PER_ADDRESS: '100000',
      KETANG_WRITES_PER_MINUTE: '100000',
      KETANG_HASH_QUEUE: String(CONCURRENT_LOGINS),
    });
  }, 60_000);

  afterAll(async () => {
    await api?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const timedBeat = async () => {
    const started = performance.now();
    const answer = await sendJson(
      api.url,
      '/v1/household/heartbeats',
      'POST',
      { heartbeats: [heartbeat(profileId, 'l-shapes')] },
      box.headers,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return performance.now() - started;
  };

  it('keeps the heartbeat p99 within 2× idle + 50 ms while 64 logins hash at once', async () => {
    for (let i = 0; i < 5; i++) await timedBeat(); // warm-up
    const idle: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) idle.push(await timedBeat());

    const deadline = Date.now() + FLOOD_MS;
    let sent = 0;
    const statuses = new Map<number, number>();
    const attacker = async (n: number) => {
      while (Date.now() < deadline && sent < MAX_LOGINS) {
        sent++;
        const { status } = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
          username: `intruder-${n}-${sent}`,
          password: 'wrong-password',
        });
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const flood = Promise.all(Array.from({ length: CONCURRENT_LOGINS }, (_, n) => attacker(n)));
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the hash queue fill
    const during: number[] = [];
    while (Date.now() < deadline - 200) during.push(await timedBeat());
    await flood;
    // The machine is shared: the idle baseline is measured before and after the flood, the worse one counts.
    const idleAfter: number[] = [];
    for (let i = 0; i < IDLE_SAMPLES; i++) idleAfter.push(await timedBeat());
    if (p99(idleAfter) > p99(idle)) idle.splice(0, idle.length, ...idleAfter);

    const limit = 2 * p99(idle) + FLOOR_MS;
    console.info(
      `heartbeat p99 idle ${p99(idle).toFixed(1)} ms, during the flood ${p99(during).toFixed(1)} ms ` +
        `(${during.length} samples; limit ${limit.toFixed(1)} ms); logins ${JSON.stringify([...statuses])}; ` +
        `slowest idle ${top(idle)}, during ${top(during)}; medians ${median(idle)} / ${median(during)}`,
    );
    expect(statuses.get(401)).toBeGreaterThan(0); // the flood really hashed
    expect(during.length).toBeGreaterThanOrEqual(10);
    expect(p99(during)).toBeLessThanOrEqual(limit);
  }, 60_000);
});
