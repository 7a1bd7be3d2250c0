import { randomBytes, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivationSchema, ActivationStateSchema, type Activation } from '@ketang/contract';
import type { RunningServer } from '../../src/server.ts';
import { listRoutes, type RouteEntry } from '../../src/openapi/route-inventory.ts';
import { hashToken } from '../../src/services/family/family-auth.ts';
import { buildFixtureCatalogue } from '../fixtures/catalogue.ts';
import { OPERATOR_TOKEN, getJson, sendJson, startApi } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { carrierExample } from '../support/carrier-example.ts';
import { heartbeat } from '../support/family.ts';

const MINUTE = 60_000;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Routes anyone may call (no household credential) by design; every other device route needs one. */
const OPEN_DEVICE_ROUTES = new Set([
  'POST /v1/households', // first start: off with KETANG_ACTIVATION=code (403)
  'POST /v1/activations',
  'GET /v1/activations/current', // the poll token
  'GET /v1/activations/regions',
  'POST /v1/activations/{code}/bind', // the code; a phone link when sent
]);

const backends: Backend[] = [embeddedBackend, mongoBackend()];

/** Activation by code over the real API and store, with KETANG_ACTIVATION=code (docs/activation.md). */
describe.each(backends)('activation by code on the $name store', (backend) => {
  let api: RunningServer;
  let base: string;
  let now = new Date('2026-03-02T02:00:00Z');
  let carrierToken: string;

  const start = async (): Promise<Activation> => {
    const { status, body } = await sendJson(base, '/v1/activations', 'POST', {});
    expect(status).toBe(201);
    return ActivationSchema.parse(body);
  };
  const poll = async (activation: Activation) => {
    const { status, body } = await getJson(base, '/v1/activations/current', {
      headers: bearer(activation.pollToken),
    });
    expect(status).toBe(200);
    return ActivationStateSchema.parse(body);
  };
  const bindNew = (code: string, region = 'jx', headers: Record<string, string> = {}) =>
    sendJson(base, `/v1/activations/${code}/bind`, 'POST', { newHousehold: { region } }, headers);
  /** A household of `region`, written to the store as a CRM's earlier sign-up would have made it: its id. */
  const householdOfRegion = async (region: string) => {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await api.stores.households.save({ id, region, timeZone: 'Asia/Shanghai', createdAt });
    return id;
  };
  /** A box activated by the phone page in a new household: its credential. */
  const activatedBox = async () => {
    const activation = await start();
    expect((await bindNew(activation.code)).status).toBe(200);
    const { credential } = await poll(activation);
    return credential!;
  };

  beforeAll(async () => {
    api = await startApi(await backend.open(), buildFixtureCatalogue(), {
      clock: () => now,
      config: { activation: 'code' },
    });
    base = api.url;
    // The operators offer region jx (its settings), and the carrier's CRM has an account of role carrier.
    const adminSession = await adminHeaders(base);
    const settings = { approvalRequired: false };
    const put = await sendJson(base, '/v1/operator/regions/jx/settings', 'PUT', settings, adminSession);
    expect(put.status).toBe(200);
    const created = await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      { username: 'crm-jx', password: 'crm-password-0123456', role: 'carrier', carrier: 'jx-telecom' },
      adminSession,
    );
    expect(created.status).toBe(201);
    // jx-telecom's configuration names the regions its CRM account may bind into (jx).
    const config = carrierExample('jx-telecom');
    const published = await sendJson(
      base,
      '/v1/operator/carriers/jx-telecom/config',
      'PUT',
      config,
      adminSession,
    );
    expect(published.status).toBe(200);
    const crm = await sendJson(base, '/v1/operator/sessions', 'POST', {
      username: 'crm-jx',
      password: 'crm-password-0123456',
    });
    carrierToken = crm.body.token;
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('turns first start off: 403 activation_required, and a first-start credential is refused', async () => {
    const first = await sendJson(base, '/v1/households', 'POST', {});
    expect(first.status).toBe(403);
    expect(first.body.error.code).toBe('activation_required');
    const old = await firstStartCredential();
    expect((await getJson(base, '/v1/household', { headers: bearer(old) })).status).toBe(401);
  });

  it('shows a 4-4 code from the unambiguous alphabet, pending until bound, with the phone page URL', async () => {
    const activation = await start();
    expect(activation.code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(activation.activateUrl).toBe(`${base}/activate/#c=${activation.code.replace('-', '')}`);
    expect(Date.parse(activation.expiresAt) - now.getTime()).toBe(15 * MINUTE);
    expect(await poll(activation)).toEqual({ state: 'pending', expiresAt: activation.expiresAt });
    const unknown = await getJson(base, '/v1/activations/current', { headers: bearer('x'.repeat(43)) });
    expect(unknown.status).toBe(401);
  });

  it('binds to a new household in an offered region; hands the credential out once', async () => {
    const activation = await start();
    expect((await getJson(base, '/v1/activations/regions')).body).toEqual({ items: [{ id: 'jx' }] });
    const lower = activation.code.toLowerCase(); // typed on a phone: case and dash forgiven
    const bound = await sendJson(base, `/v1/activations/${lower}/bind`, 'POST', {
      newHousehold: { region: 'jx', county: '南昌县' },
    });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ region: 'jx' });
    expect((await bindNew(activation.code)).status).toBe(404); // bound once
    const first = await poll(activation);
    expect(first).toMatchObject({
      state: 'bound',
      credential: { householdId: bound.body.householdId, deviceId: bound.body.deviceId, region: 'jx' },
    });
    expect(await poll(activation)).toEqual({ state: 'bound' }); // never again
    const household = await getJson(base, '/v1/household', { headers: bearer(first.credential!.token) });
    expect(household.status).toBe(200);
    expect(household.body).toMatchObject({ id: bound.body.householdId, region: 'jx', profiles: [] });
    const stored = await api.stores.households.get(bound.body.householdId);
    expect(stored?.county).toBe('南昌县');
  });

  it('refuses a region the operators do not offer (404, as an unknown reference), naming the field', async () => {
    const activation = await start();
    const refused = await bindNew(activation.code, 'gd');
    expect(refused.status).toBe(404);
    expect(refused.body.error.details[0].path).toBe('body.newHousehold.region');
    expect(await poll(activation)).toMatchObject({ state: 'pending' });
  });

  it('expires a code after 15 minutes; the box asks for a new one', async () => {
    const activation = await start();
    now = new Date(now.getTime() + 15 * MINUTE);
    expect(await poll(activation)).toEqual({ state: 'expired' });
    expect((await bindNew(activation.code)).status).toBe(404);
  });

  it("adds a second box to the parent's household through a phone link", async () => {
    const box = await activatedBox();
    const link = await sendJson(base, '/v1/household/phone-links', 'POST', {}, bearer(box.token));
    const phoneToken = new URL(link.body.url).hash.slice('#t='.length);
    const second = await start();
    const bound = await sendJson(base, `/v1/activations/${second.code}/bind`, 'POST', {}, bearer(phoneToken));
    expect(bound.status).toBe(200);
    expect(bound.body.householdId).toBe(box.householdId);
    const devices = await getJson(base, '/v1/household/devices', { headers: bearer(box.token) });
    expect(devices.body.items).toHaveLength(1); // the second box holds nothing until it polls
    const secondBox = (await poll(second)).credential!;
    const both = await getJson(base, '/v1/household/devices', { headers: bearer(box.token) });
    expect(both.body.items.map((item: { isThisDevice: boolean }) => item.isThisDevice)).toEqual([
      true,
      false,
    ]);
    // The parent removes the second box: its credential is refused from the next request on.
    const removed = await sendJson(
      base,
      `/v1/household/devices/${bound.body.deviceId}`,
      'DELETE',
      undefined,
      bearer(phoneToken),
    );
    expect(removed.status).toBe(204);
    expect((await getJson(base, '/v1/household', { headers: bearer(secondBox.token) })).status).toBe(401);
    expect((await getJson(base, '/v1/household', { headers: bearer(box.token) })).status).toBe(200);
  });

  it('rotates a credential: the new one works, the old one for 15 minutes only; it expires after 90 days', async () => {
    const box = await activatedBox();
    const rotated = await sendJson(base, '/v1/household/credential/rotate', 'POST', {}, bearer(box.token));
    expect(rotated.status).toBe(200);
    expect(rotated.body.deviceId).toBe(box.deviceId);
    const read = (token: string) => getJson(base, '/v1/household', { headers: bearer(token) });
    expect((await read(box.token)).status).toBe(200);
    now = new Date(now.getTime() + 15 * MINUTE + 1);
    expect((await read(box.token)).status).toBe(401);
    expect((await read(rotated.body.token)).status).toBe(200);
    now = new Date(Date.parse(rotated.body.expiresAt));
    expect((await read(rotated.body.token)).status).toBe(401);
  });

  it("binds through the carrier's CRM (role carrier) with its reference, audited; revokes a box", async () => {
    const activation = await start();
    const crm = bearer(carrierToken);
    const body = { newHousehold: { region: 'jx', carrier: 'jx-telecom', externalRef: 'CRM-0042' } };
    const path = `/v1/operator/activations/${activation.code}/bind`;
    const byService = await sendJson(base, path, 'POST', body, bearer(OPERATOR_TOKEN));
    expect(byService.status).toBe(403); // the packager's service token is not the CRM
    const bound = await sendJson(base, path, 'POST', body, crm);
    expect(bound.status).toBe(200);
    const { credential } = await poll(activation);
    expect(credential?.householdId).toBe(bound.body.householdId);
    expect(await api.stores.households.get(bound.body.householdId)).toMatchObject({
      carrier: 'jx-telecom',
      externalRef: 'CRM-0042',
    });
    const audit = await api.stores.audit.list({ limit: 5, actor: 'crm-jx' });
    expect(audit.items[0]).toMatchObject({
      action: 'activation.bind',
      target: `device:${bound.body.deviceId}`,
    });
    // The carrier may do nothing else of the operator API.
    expect((await getJson(base, '/v1/operator/audit', { headers: crm })).status).toBe(403);
    const revoked = await sendJson(
      base,
      `/v1/operator/devices/${credential!.deviceId}`,
      'DELETE',
      undefined,
      crm,
    );
    expect(revoked.status).toBe(204);
    expect((await getJson(base, '/v1/household', { headers: bearer(credential!.token) })).status).toBe(401);
    const again = await sendJson(
      base,
      `/v1/operator/devices/${credential!.deviceId}`,
      'DELETE',
      undefined,
      crm,
    );
    expect(again.status).toBe(404);
  });

  it("revokes only the carrier's own boxes; another's answers as an unknown box (404), an admin revokes any", async () => {
    const admin = await adminHeaders(base);
    const crm = bearer(carrierToken);
    /** A box the admin binds to `target`: its credential. */
    const boxOf = async (target: object) => {
      const activation = await start();
      const path = `/v1/operator/activations/${activation.code}/bind`;
      expect((await sendJson(base, path, 'POST', target, admin)).status).toBe(200);
      return (await poll(activation)).credential!;
    };
    const hbHousehold = await householdOfRegion('hb');
    const otherCarrier = await boxOf({ newHousehold: { region: 'jx', carrier: 'hb-mobile' } });
    const otherRegion = await boxOf({ householdId: hbHousehold });
    const revoke = (deviceId: string, headers: Record<string, string>) =>
      sendJson(base, `/v1/operator/devices/${deviceId}`, 'DELETE', undefined, headers);
    const unknownId = randomUUID();
    const unknown = await revoke(unknownId, crm);
    expect(unknown.status).toBe(404);
    for (const box of [otherCarrier, otherRegion]) {
      const refused = await revoke(box.deviceId, crm);
      expect(refused.status).toBe(404);
      // The same answer as for an id no box has: nothing tells the carrier the box exists.
      const { requestId: _, ...error } = refused.body.error;
      const { requestId: __, ...unknownError } = unknown.body.error;
      expect(JSON.stringify(error).replaceAll(box.deviceId, unknownId)).toBe(JSON.stringify(unknownError));
      expect((await getJson(base, '/v1/household', { headers: bearer(box.token) })).status).toBe(200);
    }
    const audit = await api.stores.audit.list({ limit: 20, actor: 'crm-jx' });
    expect(
      audit.items.filter(
        (entry) => entry.action === 'device.revoke' && entry.target === `device:${otherCarrier.deviceId}`,
      ),
    ).toEqual([]);
    // An admin revokes any box.
    for (const box of [otherCarrier, otherRegion]) {
      expect((await revoke(box.deviceId, admin)).status).toBe(204);
      expect((await getJson(base, '/v1/household', { headers: bearer(box.token) })).status).toBe(401);
    }
  });

  it("keeps a carrier's account to its carrier and the regions its configuration names (403)", async () => {
    const activation = await start();
    const crm = bearer(carrierToken);
    const path = `/v1/operator/activations/${activation.code}/bind`;
    const outside = await sendJson(
      base,
      path,
      'POST',
      { newHousehold: { region: 'hb', carrier: 'jx-telecom' } },
      crm,
    );
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toBe('carrier "jx-telecom" serves jx; region "hb" is outside them');
    const other = await sendJson(
      base,
      path,
      'POST',
      { newHousehold: { region: 'jx', carrier: 'hb-mobile' } },
      crm,
    );
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('binds boxes for "jx-telecom" only, not "hb-mobile"');
    // A household of another region, by id, is refused the same way; the code still waits.
    const hbHousehold = await householdOfRegion('hb');
    const byId = await sendJson(base, path, 'POST', { householdId: hbHousehold }, crm);
    expect(byId.status).toBe(403);
    expect(byId.body.error.message).toContain('region "hb" is outside them');
    expect((await poll(activation)).state).toBe('pending');
    // An account without a carrier cannot be made for the role, nor a carrier for another role.
    const admin = await adminHeaders(base);
    const noCarrier = await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      { username: 'crm-none', password: 'crm-password-0123456', role: 'carrier' },
      admin,
    );
    expect(noCarrier.status).toBe(400);
    expect(noCarrier.body.error.details[0].path).toBe('body.carrier');
    // An admin binds anywhere the operators offer.
    const byAdmin = await sendJson(
      base,
      path,
      'POST',
      { newHousehold: { region: 'jx', carrier: 'hb-mobile' } },
      admin,
    );
    expect(byAdmin.status).toBe(200);
  });

  describe('every device write and household read needs the device token (route inventory)', () => {
    const app = () => api.server.listeners('request')[0] as Express;
    const deviceRoutes = () =>
      listRoutes(app()).filter(
        (route) =>
          route.path.startsWith('/v1/') &&
          !route.path.startsWith('/v1/operator') &&
          !OPEN_DEVICE_ROUTES.has(`${route.method} ${route.path}`) &&
          (route.method !== 'GET' || route.path.startsWith('/v1/household')),
      );
    const fill = (route: RouteEntry) => route.path.replace(/\{\w+\}/g, () => randomUUID());
    const call = (route: RouteEntry, headers: Record<string, string>) =>
      getJson(base, fill(route), {
        method: route.method,
        headers: { 'content-type': 'application/json', ...headers },
        body: route.method === 'GET' ? undefined : '{}',
      });

    it('finds the device writes and household reads, each with the household security scheme', () => {
      const routes = deviceRoutes();
      expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
        expect.arrayContaining(['POST /v1/events', 'POST /v1/household/heartbeats', 'GET /v1/household']),
      );
      for (const route of routes)
        expect(
          route.facts.some((facts) => facts.security === 'household'),
          `${route.method} ${route.path}`,
        ).toBe(true);
    });

    it('answers 401 without it or with a first-start credential, and passes the credential check with it', async () => {
      const box = await activatedBox();
      const old = await firstStartCredential();
      for (const route of deviceRoutes()) {
        const label = `${route.method} ${route.path}`;
        expect((await call(route, {})).status, label).toBe(401);
        expect((await call(route, bearer(old))).status, label).toBe(401);
        expect((await call(route, bearer(box.token))).status, label).not.toBe(401);
      }
    });

    it('succeeds with it: a profile, a heartbeat and a playback event', async () => {
      const box = await activatedBox();
      const headers = bearer(box.token);
      const child = await sendJson(
        base,
        '/v1/household/profiles',
        'POST',
        { name: '小明', avatar: 'panda', gradeId: 'g1' },
        headers,
      );
      expect(child.status).toBe(201);
      const beat = heartbeat(child.body.id, 'l-shapes');
      const beats = await sendJson(base, '/v1/household/heartbeats', 'POST', { heartbeats: [beat] }, headers);
      expect(beats.status).toBe(200);
      const event = { lessonId: 'l-shapes', kind: 'playback', stats: { stalls: 0 } };
      expect((await sendJson(base, '/v1/events', 'POST', event, headers)).status).toBe(202);
      expect((await sendJson(base, '/v1/events', 'POST', event)).status).toBe(401);
    });
  });

  it('burns a code after 5 failed binds, and limits failed codes per address (10 per 15 minutes)', async () => {
    const activation = await start();
    for (let i = 0; i < 5; i += 1) expect((await bindNew(activation.code, 'gd')).status).toBe(404);
    expect(await poll(activation)).toEqual({ state: 'expired' });
    // Failed binds from this address (this file's earlier ones too) reach 429 within 10 in the window.
    let attempts = 0;
    let status = 0;
    while (status !== 429 && attempts < 11) {
      status = (await bindNew('ZZZZ-ZZZZ')).status;
      attempts += 1;
    }
    expect(status).toBe(429);
    expect(attempts).toBeLessThanOrEqual(10 - 5);
    const fresh = await start();
    expect((await bindNew(fresh.code)).status).toBe(429); // until the window passes, even a right code
  });

  /** A first-start credential as a box would hold from before activation by code was turned on. */
  async function firstStartCredential(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const box = await activatedBox();
    await api.stores.credentials.add({
      tokenHash: hashToken(token),
      kind: 'first-start',
      householdId: box.householdId,
      deviceId: randomUUID(),
      createdAt: now.toISOString(),
    });
    return token;
  }
});
