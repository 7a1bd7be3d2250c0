// GET /v1/operator/operators: every account for the console's operators screen — admin only, never a hash, and
// when wrong passwords lock an account, until when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { getJson, OPERATOR_TOKEN, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

const CREATED = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);

describe('the operators list', () => {
  let api: RunningServer;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(await embeddedBackend.open(), undefined, {
      config: { loginLockoutFailures: 3, loginLockoutSeconds: 900 },
    });
    tokens = await operatorTokens(api.url, ['curator', 'viewer', 'carrier']);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
  });

  it('lists every account by username with role and createdAt, the locked one with lockedUntil, no hash', async () => {
    for (let i = 0; i < 3; i++) {
      const wrong = { username: 'viewer', password: `wrong-${i}` };
      expect((await sendJson(api.url, '/v1/operator/sessions', 'POST', wrong)).status).toBe(401);
    }
    const lockedAt = Date.now();
    const answer = await getJson(api.url, '/v1/operator/operators', { headers: bearer(tokens.admin!) });
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([
      { username: 'admin', role: 'admin', createdAt: CREATED },
      { username: 'carrier', role: 'carrier', carrier: 'test-carrier', createdAt: CREATED },
      { username: 'curator', role: 'curator', createdAt: CREATED },
      {
        username: 'viewer',
        role: 'viewer',
        createdAt: CREATED,
        lockedUntil: expect.any(String),
      },
    ]);
    const lockedFor = Date.parse(answer.body.items[3].lockedUntil) - lockedAt;
    expect(lockedFor).toBeGreaterThan(890_000);
    expect(lockedFor).toBeLessThanOrEqual(900_000);
    expect(JSON.stringify(answer.body)).not.toMatch(/hash|scrypt/i);
  });

  it.each(['curator', 'viewer', 'carrier', 'service'])('refuses the %s with 403', async (role) => {
    const token = role === 'service' ? OPERATOR_TOKEN : tokens[role]!;
    expect((await getJson(api.url, '/v1/operator/operators', { headers: bearer(token) })).status).toBe(403);
  });

  it('refuses without a session (401)', async () => {
    expect((await getJson(api.url, '/v1/operator/operators')).status).toBe(401);
  });
});
