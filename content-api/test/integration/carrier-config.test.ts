// Carriers' configurations published through the API (docs/carrier.md): admin-only, validated by the one
// schema with errors naming the field, every version kept and audited, ETag per version, and CORS on /v1 for
// exactly the origins the newest configurations name (plus KETANG_CORS_ORIGINS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { getJson, OPERATOR_TOKEN, sendJson } from '../support/api.ts';
import { adminHeaders } from '../support/operators.ts';
import { startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { carrierExample } from '../support/carrier-example.ts';

const ENV_ORIGIN = 'https://tv.env.example';
const JX_ORIGIN = 'https://iptv.jx.example.cn';
const jx = () => carrierExample('jx-telecom');

const backends: Backend[] = [embeddedBackend, mongoBackend()];

describe.each(backends)('carrier configurations through the API, on the $name store', (backend) => {
  let api: RunningServer;
  let admin: Record<string, string>;
  const put = (id: string, body: unknown, headers = admin) =>
    sendJson(api.url, `/v1/operator/carriers/${id}/config`, 'PUT', body, headers);
  const corsFor = async (origin: string) =>
    (await getJson(api.url, '/v1/channels', { headers: { origin } })).headers.get(
      'access-control-allow-origin',
    );

  beforeAll(async () => {
    api = await startApi(await backend.open(), undefined, { config: { corsOrigins: [ENV_ORIGIN] } });
    admin = await adminHeaders(api.url);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await backend.shutdown();
  });

  it('lets only admins publish, and refuses a bad document naming the field, storing nothing', async () => {
    expect((await put('jx-telecom', jx(), {})).status).toBe(401);
    expect((await put('jx-telecom', jx(), { authorization: `Bearer ${OPERATOR_TOKEN}` })).status).toBe(403);
    const grey = jx();
    grey.branding.colours.text = '#444444';
    const refused = await put('jx-telecom', grey);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toContainEqual({
      path: 'body.branding.colours.text',
      message: expect.stringMatching(
        /text #444444 on background #3a0a12 has contrast .* needs at least 4\.5:1/,
      ),
    });
    const elsewhere = await put('other-telecom', jx());
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details).toEqual([
      { path: 'body.carrier.id', message: 'expected "other-telecom", the carrier in the path' },
    ]);
    expect((await getJson(api.url, '/v1/operator/carriers', { headers: admin })).body).toEqual({ items: [] });
    expect((await getJson(api.url, '/v1/carriers/jx-telecom/config')).status).toBe(404);
    expect(await corsFor(JX_ORIGIN)).toBeNull();
  });

  it('publishes versions for boxes with an ETag that changes per version; every version kept and audited', async () => {
    const first = await put('jx-telecom', jx());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      carrier: 'jx-telecom',
      seq: 1,
      version: '2.1.0',
      publishedBy: 'admin',
    });

    const read = await getJson(api.url, '/v1/carriers/jx-telecom/config');
    expect(read.status).toBe(200);
    expect(read.body.branding.colours.background).toBe('#3a0a12');
    expect(read.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    const etag = read.headers.get('etag')!;
    const again = await fetch(`${api.url}/v1/carriers/jx-telecom/config`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);

    expect((await put('jx-telecom', jx())).body.seq).toBe(1); // the same document again: nothing new
    const changed = jx();
    changed.branding.colours.accent = '#ffaa00';
    expect((await put('jx-telecom', changed)).status).toBe(409);
    changed.version = '2.2.0';
    expect((await put('jx-telecom', changed)).body.seq).toBe(2);
    const newer = await getJson(api.url, '/v1/carriers/jx-telecom/config', {
      headers: { 'if-none-match': etag },
    });
    expect(newer.status).toBe(200);
    expect(newer.headers.get('etag')).not.toBe(etag);
    expect(newer.body.version).toBe('2.2.0');
    const latest = await getJson(api.url, '/v1/carriers/jx-telecom/app-version');
    expect(latest.body).toEqual({ carrier: 'jx-telecom', version: '2.2.0', publishedAt: expect.any(String) });

    const list = await getJson(api.url, '/v1/operator/carriers', { headers: admin });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: 'jx-telecom', version: '2.2.0', versions: 2, appOrigins: [JX_ORIGIN] }),
    ]);
    const audit = await getJson(api.url, '/v1/operator/audit?limit=10', { headers: admin });
    const published = audit.body.items.filter((item: { action: string }) => item.action === 'carrier.config');
    expect(published.map((item: { after: unknown }) => item.after)).toEqual([
      { version: '2.2.0', seq: 2 },
      { version: '2.1.0', seq: 1 },
    ]);
  });

  it("lets the TV page load pictures from the published configurations' CDNs (img-src)", async () => {
    const policy = (await getJson(api.url, '/')).headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/img-src 'self' data: blob: https:\/\/cdn\.ketang\.jx\.example\.cn;/);
    // Data paths keep their own policy.
    const data = (await getJson(api.url, '/v1/channels')).headers.get('content-security-policy');
    expect(data).not.toContain('cdn.ketang');
  });

  it("allows CORS for exactly the published configurations' origins and the environment's", async () => {
    expect(await corsFor(JX_ORIGIN)).toBe(JX_ORIGIN);
    expect(await corsFor(ENV_ORIGIN)).toBe(ENV_ORIGIN);
    expect(await corsFor('https://evil.example')).toBeNull();
    const moved = jx();
    moved.version = '2.3.0';
    moved.endpoints.appOrigins = ['https://new.jx.example.cn'];
    expect((await put('jx-telecom', moved)).status).toBe(200);
    expect(await corsFor(JX_ORIGIN)).toBeNull(); // only the newest version's origins count
    expect(await corsFor('https://new.jx.example.cn')).toBe('https://new.jx.example.cn');
  });
});
