import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { getJson, OPERATOR_TOKEN, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend } from '../support/backends.ts';
import { bearer, operatorTokens } from '../support/operators.ts';

const NOW = new Date('2026-12-07T00:05:00Z');
const REGION = '/v1/operator/regions/jx';
const CHANNEL = { title: { zh: '一年级频道' }, gradeIds: ['g1'], catchUpHours: 24, order: 0 };
const SLOTS = {
  from: '2026-12-07',
  days: 1,
  slots: [{ start: '2026-12-07T08:00:00+08:00', lessonId: 'l-shapes' }],
};

type Role = 'admin' | 'curator' | 'scheduler' | 'viewer' | 'service';
type Call = {
  name: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  path: string;
  body?: unknown;
  ok: number;
};

/**
 * Every route of channels, drafts and releases against every role: who may do what (issue 13). Release
 * versions are made by the admin before each call that needs one, so every role meets the same state.
 */
const CALLS: (Call & { allowed: readonly Role[] })[] = [
  {
    name: 'list draft channels',
    method: 'GET',
    path: `${REGION}/draft/channels`,
    ok: 200,
    allowed: ['admin', 'curator', 'scheduler', 'viewer'],
  },
  {
    name: 'put a draft channel',
    method: 'PUT',
    path: `${REGION}/draft/channels/ch-g1`,
    body: CHANNEL,
    ok: 200,
    allowed: ['admin', 'scheduler'],
  },
  {
    name: 'read draft slots',
    method: 'GET',
    path: `${REGION}/draft/channels/ch-g1/slots?from=2026-12-07`,
    ok: 200,
    allowed: ['admin', 'curator', 'scheduler', 'viewer'],
  },
  {
    name: 'write draft slots',
    method: 'PUT',
    path: `${REGION}/draft/channels/ch-g1/slots`,
    body: SLOTS,
    ok: 200,
    allowed: ['admin', 'scheduler'],
  },
  {
    name: 'read draft changes',
    method: 'GET',
    path: `${REGION}/draft/changes`,
    ok: 200,
    allowed: ['admin', 'curator', 'scheduler', 'viewer'],
  },
  {
    name: 'publish',
    method: 'POST',
    path: `${REGION}/releases`,
    body: {},
    ok: 201,
    allowed: ['admin', 'scheduler'],
  },
  {
    name: 'list releases',
    method: 'GET',
    path: `${REGION}/releases`,
    ok: 200,
    allowed: ['admin', 'curator', 'scheduler', 'viewer'],
  },
  {
    name: 'read a release',
    method: 'GET',
    path: `${REGION}/releases/1`,
    ok: 200,
    allowed: ['admin', 'curator', 'scheduler', 'viewer'],
  },
  {
    name: 'roll back',
    method: 'POST',
    path: `${REGION}/releases/1/rollback`,
    body: {},
    ok: 201,
    allowed: ['admin', 'scheduler'],
  },
  {
    name: 'cancel a scheduled release',
    method: 'DELETE',
    path: `${REGION}/releases/{scheduled}`,
    ok: 204,
    allowed: ['admin', 'scheduler'],
  },
  {
    name: 'preview the draft',
    method: 'POST',
    path: `${REGION}/previews`,
    body: {},
    ok: 201,
    allowed: ['admin', 'curator', 'scheduler'],
  },
  {
    name: 'remove a draft channel',
    method: 'DELETE',
    path: `${REGION}/draft/channels/ch-extra`,
    ok: 204,
    allowed: ['admin', 'scheduler'],
  },
  {
    name: 'create an operator',
    method: 'POST',
    path: '/v1/operator/operators',
    body: 'new-operator',
    ok: 201,
    allowed: ['admin'],
  },
  {
    name: 'change curation',
    method: 'PUT',
    path: `${REGION}/lessons/l-shapes`,
    body: { hidden: false },
    ok: 200,
    allowed: ['admin', 'curator'],
  },
];
const ROLES: Role[] = ['admin', 'curator', 'scheduler', 'viewer', 'service'];

describe('who may do what with channels, drafts and releases', () => {
  let api: RunningServer;
  let tokens: Record<string, string>;
  let created = 0;
  const send = (role: Role | 'admin', call: Pick<Call, 'method' | 'path' | 'body'>) => {
    const headers = bearer(role === 'service' ? OPERATOR_TOKEN : tokens[role]!);
    return call.method === 'GET'
      ? getJson(api.url, call.path, { headers })
      : sendJson(api.url, call.path, call.method, call.body, headers);
  };

  beforeAll(async () => {
    api = await startApi(await embeddedBackend.open(), buildFixtureCatalogue(NOW), { clock: () => NOW });
    tokens = await operatorTokens(api.url);
    await send('admin', { method: 'POST', path: `${REGION}/releases`, body: {} });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await embeddedBackend.shutdown();
  });

  /** What a call needs to exist before it, made by the admin. */
  async function prepare(call: Call): Promise<Pick<Call, 'method' | 'path' | 'body'>> {
    if (call.path.includes('{scheduled}')) {
      const later = new Date(NOW.getTime() + 3_600_000).toISOString();
      const release = await send('admin', {
        method: 'POST',
        path: `${REGION}/releases`,
        body: { publishAt: later },
      });
      return { ...call, path: call.path.replace('{scheduled}', String(release.body.version)) };
    }
    if (call.path.endsWith('/ch-extra'))
      await send('admin', { method: 'PUT', path: call.path, body: { ...CHANNEL, order: 9 } });
    if (call.body === 'new-operator') {
      created += 1;
      return {
        ...call,
        body: { username: `op-${created}`, password: 'a-long-password-123', role: 'viewer' },
      };
    }
    return call;
  }

  for (const call of CALLS) {
    for (const role of ROLES) {
      const isAllowed = call.allowed.includes(role);
      it(`${call.name}: ${role} ${isAllowed ? 'may' : 'may not'}`, async () => {
        const answer = await send(role, await prepare(call));
        expect(answer.status, JSON.stringify(answer.body)).toBe(isAllowed ? call.ok : 403);
      });
    }
  }
});
