import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.ts';
import { AuthService } from '../../src/services/auth.service.ts';
import { syncCatalogue } from '../../src/services/sync/catalogue-sync.ts';
import { ADMIN_PASSWORD, getJson, OPERATOR_TOKEN, sendJson, startApi } from '../support/api.ts';
import { embeddedBackend, mongoBackend, type Backend } from '../support/backends.ts';
import { TestMirror } from '../support/mirror.ts';

const backends: Backend[] = [embeddedBackend, mongoBackend()];
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(backends)('operator API on the $name store', (backend) => {
  let api: RunningServer;
  let base: string;
  let mirror: TestMirror;
  const tokens: Record<string, string> = {};
  const login = async (username: string, password: string) =>
    sendJson(base, '/v1/operator/sessions', 'POST', { username, password });
  /** Curation is a draft: a region's devices see it once a release of the region is published (issue 13). */
  const publish = async (region: string) => {
    const release = await sendJson(
      base,
      `/v1/operator/regions/${region}/releases`,
      'POST',
      {},
      bearer(tokens.admin!),
    );
    expect(release.status).toBe(201);
  };

  beforeAll(async () => {
    mirror = await TestMirror.create({ textbooks: 3, lessonsPerTextbook: 4, sections: 1 });
    api = await startApi(await backend.open());
    base = api.url;
    await syncCatalogue(api.stores, api.services.revisions, mirror.dir);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await mirror?.remove();
    await backend.shutdown();
  });

  it('logs the seeded admin in with an expiring token; wrong passwords get 401; only a scrypt hash is stored', async () => {
    expect((await login('admin', 'not-the-password')).status).toBe(401);
    expect((await login('nobody', ADMIN_PASSWORD)).status).toBe(401);
    const session = await login('admin', ADMIN_PASSWORD);
    expect(session.status).toBe(201);
    expect(session.body.role).toBe('admin');
    expect(Date.parse(session.body.expiresAt)).toBeGreaterThan(Date.now() + 3500_000);
    tokens.admin = session.body.token;
    const stored = await api.stores.operators.get('admin');
    expect(stored!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored!.passwordHash).not.toContain(ADMIN_PASSWORD);
    expect((await getJson(base, '/v1/operator/audit')).status).toBe(401);
  });

  it('lets an admin create operators; roles decide who may do what (403), with 400 and 409 as due', async () => {
    for (const role of ['curator', 'viewer'] as const) {
      const created = await sendJson(
        base,
        '/v1/operator/operators',
        'POST',
        { username: role, password: `${role}-password-123`, role },
        bearer(tokens.admin!),
      );
      expect(created.status).toBe(201);
      tokens[role] = (await login(role, `${role}-password-123`)).body.token;
    }
    const again = await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      { username: 'viewer', password: 'viewer-password-123', role: 'viewer' },
      bearer(tokens.admin!),
    );
    expect(again.status).toBe(409);
    const short = await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      { username: 'x1', password: 'short', role: 'root' },
      bearer(tokens.admin!),
    );
    expect(short.status).toBe(400);
    expect(short.body.error.details.map((detail: { path: string }) => detail.path)).toEqual([
      'body.password',
      'body.role',
    ]);
    const byCurator = await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      { username: 'x2', password: 'long-enough-password', role: 'admin' },
      bearer(tokens.curator!),
    );
    expect(byCurator.status).toBe(403);
    const [textbook] = await api.stores.textbooks.list();
    const viewerEdit = await sendJson(
      base,
      `/v1/operator/regions/jx/textbooks/${textbook!.id}`,
      'PUT',
      { hidden: true },
      bearer(tokens.viewer!),
    );
    expect(viewerEdit.status).toBe(403);
    expect(viewerEdit.body.error.code).toBe('forbidden');
    expect((await getJson(base, '/v1/operator/audit', { headers: bearer(tokens.curator!) })).status).toBe(
      403,
    );
    const missing = await sendJson(
      base,
      '/v1/operator/regions/jx/lessons/no-such-lesson',
      'PUT',
      { hidden: true },
      bearer(tokens.curator!),
    );
    expect(missing.status).toBe(404);
  });

  it('refuses a session once it has expired', async () => {
    const later = new AuthService(api.stores.operators, api.stores.audit, {
      sessionTtlSeconds: 60,
      clock: () => new Date(Date.now() + 2 * 3600_000),
    });
    await expect(later.authenticate(`Bearer ${tokens.viewer}`)).rejects.toMatchObject({ status: 401 });
    const now = new AuthService(api.stores.operators, api.stores.audit, { sessionTtlSeconds: 60 });
    await expect(now.authenticate(`Bearer ${tokens.viewer}`)).resolves.toEqual({
      actor: 'viewer',
      role: 'viewer',
    });
    await expect(now.authenticate(`Bearer ${OPERATOR_TOKEN}`)).rejects.toMatchObject({ status: 401 });
  });

  it('audits every change with who, what, when, before and after; curation survives a sync that changes the textbook', async () => {
    const [entry] = await mirror.textbooks();
    const textbookId = `sm-${entry!.id}`;
    const lessons = await api.stores.lessons.placedIn('textbook', textbookId);
    const [renamed, hidden] = lessons.sort((a, b) => a.order - b.order);
    const curator = bearer(tokens.curator!);
    expect(
      (
        await sendJson(
          base,
          `/v1/operator/regions/jx/lessons/${renamed!.id}`,
          'PUT',
          { title: { zh: '江西版的课名' } },
          curator,
        )
      ).status,
    ).toBe(200);
    expect(
      (await sendJson(base, `/v1/operator/regions/jx/lessons/${renamed!.id}`, 'PUT', { order: 9 }, curator))
        .status,
    ).toBe(200);
    expect(
      (
        await sendJson(
          base,
          `/v1/operator/regions/jx/lessons/${hidden!.id}`,
          'PUT',
          { hidden: true },
          curator,
        )
      ).status,
    ).toBe(200);
    const local = await sendJson(
      base,
      '/v1/operator/regions/jx/local-lessons',
      'POST',
      { id: 'jx-local-1', title: { zh: '江西本地课' }, textbookId, order: 0, durationSeconds: 600 },
      curator,
    );
    expect(local.status).toBe(201);
    const source = await sendJson(
      base,
      `/v1/operator/lessons/${renamed!.id}/source`,
      'PUT',
      {
        type: 'external-hls',
        url: 'https://licensed.example.cn/a.m3u8',
        keyServiceUrl: 'https://keys.example.cn/k',
        keyToken: 'licensee-secret-token',
      },
      curator,
    );
    expect(source.status).toBe(200);
    // The licensee's token is kept, but neither answered nor audited.
    expect(source.body).toMatchObject({ type: 'external-hls', hasKeyToken: true });
    expect(JSON.stringify(source.body)).not.toContain('licensee-secret-token');

    const audit = await getJson(base, '/v1/operator/audit?limit=10', { headers: bearer(tokens.admin!) });
    const rename = audit.body.items.find(
      (item: { action: string; after: { order?: number } }) =>
        item.action === 'curation.lesson' && item.after.order === 9,
    );
    expect(rename).toMatchObject({
      actor: 'curator',
      region: 'jx',
      before: { title: { zh: '江西版的课名' } },
      after: { title: { zh: '江西版的课名' }, order: 9 },
    });
    expect(Date.parse(rename.at)).toBeLessThanOrEqual(Date.now());
    expect(JSON.stringify(audit.body)).not.toContain('licensee-secret-token');

    const entries = await mirror.lessonEntries(entry!.id);
    await mirror.renameLesson(entry!.id, entries[0]!.id, '上游改了名');
    const report = await syncCatalogue(api.stores, api.services.revisions, mirror.dir);
    expect(report.entries.find((found) => found.id === textbookId)?.outcome).toBe('changed');
    const state = await getJson(base, '/v1/operator/regions/jx', { headers: curator });
    expect(state.body.rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ targetId: renamed!.id, title: { zh: '江西版的课名' }, order: 9 }),
        expect.objectContaining({ targetId: hidden!.id, hidden: true }),
      ]),
    );
    expect(state.body.localLessons).toEqual(['jx-local-1']);
    expect(await api.stores.curation.source(renamed!.id)).toMatchObject({ type: 'external-hls' });
  });

  it("serves each region's devices its own curation, and the national view to the rest", async () => {
    await api.services.views.fresh(); // the sync of the test before wrote behind the API's back
    const [entry] = await mirror.textbooks();
    const textbookId = `sm-${entry!.id}`;
    const state = (await getJson(base, '/v1/operator/regions/jx', { headers: bearer(tokens.curator!) })).body;
    const renamedId = state.rules.find((rule: { order?: number }) => rule.order === 9).targetId;
    const hiddenId = state.rules.find((rule: { hidden?: boolean }) => rule.hidden).targetId;
    const page = async (region?: string) =>
      (await getJson(base, `/v1/lessons?textbook=${textbookId}${region ? `&region=${region}` : ''}`)).body
        .items as { id: string; title: { zh: string } }[];

    // Drafts until published: jx boxes still see the hidden lesson and not the local one.
    expect((await page('jx')).map((lesson) => lesson.id)).toContain(hiddenId);
    expect((await page('jx')).map((lesson) => lesson.id)).not.toContain('jx-local-1');
    await publish('jx');
    await publish('national'); // the licensed source, as every region's part carries it

    const national = await page();
    const jx = await page('jx');
    expect(national.map((lesson) => lesson.id)).toContain(hiddenId);
    expect(national.map((lesson) => lesson.id)).not.toContain('jx-local-1');
    expect(jx.map((lesson) => lesson.id)).not.toContain(hiddenId);
    expect(jx.at(-1)).toMatchObject({ id: renamedId, title: { zh: '江西版的课名' } });
    expect(jx.map((lesson) => lesson.id)).toContain('jx-local-1');
    expect(await page('gd')).toEqual(national);

    expect((await getJson(base, `/v1/lessons/${hiddenId}?region=jx`)).status).toBe(404);
    expect((await getJson(base, `/v1/lessons/${hiddenId}`)).status).toBe(200);
    const licensed = (await getJson(base, `/v1/lessons/${renamedId}?region=jx`)).body;
    expect(licensed).toMatchObject({
      title: { zh: '江西版的课名' },
      playability: { playable: true },
      playback: {
        type: 'external-hls',
        codecFamily: 'h264',
        url: 'https://licensed.example.cn/a.m3u8',
        keys: { url: `/v1/household/playback-keys?lesson=${renamedId}` },
      },
    });
    expect(JSON.stringify(licensed)).not.toContain('keys.example.cn');
    const local = (await getJson(base, '/v1/lessons/jx-local-1?region=jx')).body;
    expect(local).toMatchObject({ title: { zh: '江西本地课' }, textbook: { id: textbookId } });
    expect((await getJson(base, '/v1/lessons/jx-local-1')).status).toBe(404);

    const search = async (region: string) =>
      (await getJson(base, `/v1/search?q=${encodeURIComponent('江西')}&region=${region}`)).body.lessons.map(
        (lesson: { id: string }) => lesson.id,
      );
    expect(await search('jx')).toEqual(expect.arrayContaining([renamedId, 'jx-local-1']));
    expect(await search('gd')).toEqual([]);
    const count = async (region: string) =>
      (await getJson(base, `/v1/facets?region=${region}`)).body.tree.reduce(
        (sum: number, node: { count: number }) => sum + node.count,
        0,
      );
    // One lesson hidden, one of its own added.
    expect(await count('jx')).toBe(await count('national'));

    const bad = await getJson(base, '/v1/lessons?region=JX!');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('region');
  });

  it('runs a sync as an operator job: 202, status and progress, its report, 409 while one runs', async () => {
    const admin = bearer(tokens.admin!);
    const waitFor = async (id: string) => {
      for (let attempt = 0; attempt < 300; attempt += 1) {
        const job = (await getJson(base, `/v1/operator/sync/${id}`, { headers: admin })).body;
        if (job.status !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`sync job ${id} still running after 30 s`);
    };
    expect(
      (await sendJson(base, '/v1/operator/sync', 'POST', { from: mirror.dir }, bearer(tokens.viewer!)))
        .status,
    ).toBe(403);
    expect((await sendJson(base, '/v1/operator/sync', 'POST', { source: mirror.dir }, admin)).status).toBe(
      400,
    );
    const started = await sendJson(base, '/v1/operator/sync', 'POST', { from: mirror.dir }, admin);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', from: mirror.dir, startedBy: 'admin' });
    const busy = await sendJson(base, '/v1/operator/sync', 'POST', { from: mirror.dir }, admin);
    expect(busy.status).toBe(409);
    const done = await waitFor(started.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.progress.done).toBeGreaterThan(3); // three textbooks and the sections
    expect(done.progress.total).toBe(done.progress.done);
    expect(done.report.totals).toMatchObject({ unchanged: done.progress.done, writes: 0 });

    const missing = await sendJson(base, '/v1/operator/sync', 'POST', { from: `${mirror.dir}-gone` }, admin);
    const failed = await waitFor(missing.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('-gone');
    expect((await getJson(base, '/v1/operator/sync/no-such-job', { headers: admin })).status).toBe(400);
  });

  it('shows only approved content in a region with approval on, and only allowed providers', async () => {
    const curator = bearer(tokens.curator!);
    const [entry] = await mirror.textbooks();
    const textbookId = `sm-${entry!.id}`;
    const lessonsIn = async (region: string) =>
      (await getJson(base, `/v1/lessons?region=${region}&limit=100`)).body.items.length as number;
    const everything = await lessonsIn('national');
    expect(everything).toBeGreaterThan(4);

    await sendJson(base, '/v1/operator/regions/gd', 'PUT', { approvalRequired: true }, curator);
    expect(await lessonsIn('gd')).toBe(everything); // a draft
    await publish('gd');
    expect(await lessonsIn('gd')).toBe(0);
    expect((await getJson(base, `/v1/textbooks/${textbookId}?region=gd`)).status).toBe(404);
    await sendJson(
      base,
      `/v1/operator/regions/gd/textbooks/${textbookId}`,
      'PUT',
      { approved: true },
      curator,
    );
    await publish('gd');
    const approved = (await getJson(base, `/v1/lessons?region=gd&limit=100`)).body.items;
    expect(approved.length).toBe((await api.stores.lessons.placedIn('textbook', textbookId)).length);
    expect(approved.every((lesson: { textbookId: string }) => lesson.textbookId === textbookId)).toBe(true);
    expect((await getJson(base, `/v1/textbooks/${textbookId}?region=gd`)).status).toBe(200);

    await sendJson(
      base,
      '/v1/operator/regions/sh',
      'PUT',
      { allowedProviders: ['no-such-provider'] },
      curator,
    );
    await publish('sh');
    expect(await lessonsIn('sh')).toBe(0);
    await sendJson(base, '/v1/operator/regions/sh', 'PUT', { allowedProviders: null }, curator);
    await publish('sh');
    expect(await lessonsIn('sh')).toBe(everything);
  });
});
