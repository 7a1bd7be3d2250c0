// Hosting packages for updates (docs/carrier.md, "Updates"), against the real API and store: a carrier's
// account uploads the tarball of `carrier bundle`, the API verifies it with the carrier's packageKey before
// storing it (a tampered one is 400, naming the problem), boxes read app-version and download it, and the
// box's installer (updater.ts) installs each new version beside the old ones, refusing what its key did not sign.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { create, extract } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../content-api/src/server.ts';
import { ADMIN_PASSWORD, OPERATOR_TOKEN, sendJson, startApi } from '../../content-api/test/support/api.ts';
import { bundleCarrier } from './bundle.ts';
import { loadSigningKey, type SigningKey } from './signing.ts';
import { checkForUpdate, readInstalled } from './updater.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const CARRIER = 'pkg-telecom';

describe('carrier packages hosted by the API, and the box installing them', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ketang-packages-'));
  let work: string;
  let api: RunningServer;
  let key: SigningKey;
  let otherKey: SigningKey;
  let admin: Record<string, string>;
  let crm: Record<string, string>;
  let carrierDir: string;
  let appDir: string;

  /** The carrier's folder at `version`, bundled with a small stand-in app, signed by `signer`. */
  async function bundle(version: string, signer = key): Promise<Buffer> {
    const doc = JSON.parse(await readFile(path.join(carrierDir, 'carrier.json'), 'utf8'));
    await writeFile(path.join(carrierDir, 'carrier.json'), JSON.stringify({ ...doc, version }));
    const out = path.join(work, 'out', `${version}-${signer === key ? 'k' : 'o'}`);
    const { archive } = await bundleCarrier({ carrierDir, appDir, outDir: out, key: signer });
    return readFile(archive);
  }
  const upload = (version: string, bytes: Buffer, headers = crm) =>
    fetch(`${api.url}/v1/operator/carriers/${CARRIER}/packages/${version}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/gzip', ...headers },
      body: new Uint8Array(bytes),
    });
  /** The same package with one file changed after signing (unpacked, edited, packed again). */
  async function tampered(bytes: Buffer): Promise<Buffer> {
    const dir = await mkdtemp(path.join(work, 'tamper-'));
    await writeFile(path.join(dir, 'p.tgz'), bytes);
    await mkdir(path.join(dir, 'x'));
    await extract({ file: path.join(dir, 'p.tgz'), cwd: path.join(dir, 'x') });
    await writeFile(path.join(dir, 'x/app/index.html'), '<!doctype html><title>not ours</title>');
    await create({ gzip: true, file: path.join(dir, 't.tgz'), cwd: path.join(dir, 'x'), portable: true }, [
      '.',
    ]);
    return readFile(path.join(dir, 't.tgz'));
  }

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'ketang-packages-work-'));
    key = await loadSigningKey(path.join(work, 'keys'), {});
    otherKey = await loadSigningKey(path.join(work, 'other-keys'), {});
    appDir = path.join(work, 'app');
    await mkdir(path.join(appDir, 'fonts'), { recursive: true });
    await writeFile(path.join(appDir, 'index.html'), '<!doctype html><title>app</title>');
    carrierDir = path.join(work, CARRIER);
    await cp(path.join(REPO, 'carriers/jx-telecom'), carrierDir, { recursive: true });
    const doc = JSON.parse(await readFile(path.join(carrierDir, 'carrier.json'), 'utf8'));
    await writeFile(
      path.join(carrierDir, 'carrier.json'),
      JSON.stringify({ ...doc, carrier: { ...doc.carrier, id: CARRIER }, version: '0.3.0' }),
    );

    api = await startApi({ dataDir });
    const session = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    admin = { authorization: `Bearer ${session.body.token}` };
    const account = {
      username: 'crm-pkg',
      password: 'crm-password-0123456',
      role: 'carrier',
      carrier: CARRIER,
    };
    expect((await sendJson(api.url, '/v1/operator/operators', 'POST', account, admin)).status).toBe(201);
    const login = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
      username: account.username,
      password: account.password,
    });
    crm = { authorization: `Bearer ${login.body.token}` };
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('stores only a package verified with the configuration’s packageKey; a tampered one is 400, naming it', async () => {
    const bytes = await bundle('0.3.0');
    expect((await upload('0.3.0', bytes)).status).toBe(404); // no configuration yet
    const { $schema: _hint, ...doc } = JSON.parse(
      await readFile(path.join(carrierDir, 'carrier.json'), 'utf8'),
    );
    const published = await sendJson(api.url, `/v1/operator/carriers/${CARRIER}/config`, 'PUT', doc, admin);
    expect(published.status).toBe(200);
    const keyless = await upload('0.3.0', bytes);
    expect(keyless.status).toBe(409); // the configuration names no key yet
    expect((await keyless.json()).error.message).toContain('names no packageKey');
    const withKey = { ...doc, version: '0.3.1', packageKey: key.publicKeyPem };
    expect(
      (await sendJson(api.url, `/v1/operator/carriers/${CARRIER}/config`, 'PUT', withKey, admin)).status,
    ).toBe(200);

    expect((await upload('0.3.0', bytes, {})).status).toBe(401);
    // The packager's service token is no uploader: refused before the body is read.
    expect((await upload('0.3.0', bytes, { authorization: `Bearer ${OPERATOR_TOKEN}` })).status).toBe(403);
    const changed = await upload('0.3.0', await tampered(bytes));
    expect(changed.status).toBe(400);
    expect((await changed.json()).error).toMatchObject({
      message: 'the package is refused: changed file: app/index.html',
      details: [{ path: 'body', message: 'changed file: app/index.html' }],
    });
    const foreign = await upload('0.3.0', await bundle('0.3.0', otherKey));
    expect(foreign.status).toBe(400);
    expect((await foreign.json()).error.message).toContain(
      'signature: manifest.json is not signed by this public key',
    );
    const misnamed = await upload('0.3.9', bytes);
    expect(misnamed.status).toBe(400);
    expect((await misnamed.json()).error.message).toContain('manifest.json names version 0.3.0, not 0.3.9');
    const garbage = await upload('0.3.0', Buffer.from('not a package'));
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.message).toMatch(/the package is refused: archive: /);
    expect((await fetch(`${api.url}/v1/carriers/${CARRIER}/packages/latest`)).status).toBe(404); // nothing stored

    const stored = await upload('0.3.0', bytes);
    expect(stored.status).toBe(200);
    expect(await stored.json()).toMatchObject({
      carrier: CARRIER,
      version: '0.3.0',
      size: bytes.length,
      uploadedBy: 'crm-pkg',
      url: `/v1/carriers/${CARRIER}/packages/0.3.0`,
    });
    expect((await upload('0.3.0', bytes)).status).toBe(200); // the same again: unchanged
    expect((await upload('0.3.0', await bundle('0.3.0'))).status).toBe(409); // other bytes under that version

    const latest = await fetch(`${api.url}/v1/carriers/${CARRIER}/packages/latest`);
    expect(latest.headers.get('content-type')).toBe('application/gzip');
    expect(Buffer.from(await latest.arrayBuffer()).equals(bytes)).toBe(true);
    const version = await (await fetch(`${api.url}/v1/carriers/${CARRIER}/app-version`)).json();
    expect(version).toMatchObject({ carrier: CARRIER, version: '0.3.0', package: { size: bytes.length } });
    // Another carrier's account may not upload here.
    const other = {
      username: 'crm-other',
      password: 'crm-password-0123456',
      role: 'carrier',
      carrier: 'other-tel',
    };
    await sendJson(api.url, '/v1/operator/operators', 'POST', other, admin);
    const otherLogin = await sendJson(api.url, '/v1/operator/sessions', 'POST', {
      username: other.username,
      password: other.password,
    });
    const refused = await upload('0.3.0', bytes, { authorization: `Bearer ${otherLogin.body.token}` });
    expect(refused.status).toBe(403);
  }, 120_000);

  it('the box installs each new version from the API beside the old ones; a package its key did not sign is refused', async () => {
    const root = await mkdtemp(path.join(work, 'box-'));
    const box = { apiBase: api.url, carrier: CARRIER, root, publicKeyPem: key.publicKeyPem };
    expect(await checkForUpdate(box)).toEqual({ kind: 'installed', version: '0.3.0' });
    expect(await readInstalled(root)).toEqual(['0.3.0']);
    expect(existsSync(path.join(root, '0.3.0/app/index.html'))).toBe(true);
    expect(await readFile(path.join(root, 'index.html'), 'utf8')).toContain('installed.json'); // the loader
    expect(await checkForUpdate(box)).toEqual({ kind: 'current', version: '0.3.0' });

    expect((await upload('0.4.0', await bundle('0.4.0'))).status).toBe(200);
    expect((await upload('0.3.5', await bundle('0.3.5'))).status).toBe(200); // older, uploaded later
    expect(await checkForUpdate(box)).toEqual({ kind: 'installed', version: '0.4.0' });
    expect(await readInstalled(root)).toEqual(['0.3.0', '0.4.0']);

    // A box that trusts another key installs nothing.
    const wary = await mkdtemp(path.join(work, 'box-'));
    const result = await checkForUpdate({ ...box, root: wary, publicKeyPem: otherKey.publicKeyPem });
    expect(result).toMatchObject({ kind: 'refused', version: '0.4.0' });
    expect(result.kind === 'refused' && result.problems[0]).toMatch(/^signature: /);
    expect(await readInstalled(wary)).toEqual([]);
  }, 120_000);
});
