import { generateKeyPairSync } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { carrierConfigJsonSchema } from '@ketang/contract';
import { create } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCarrier } from './bundle.ts';
import { readCarrierFolder } from './carrier-folder.ts';
import { listPackageFiles, MANIFEST_FILE, SIGNATURE_FILE } from './package-manifest.ts';
import { loadSigningKey } from './signing.ts';
import { verifyPackage } from './verify.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
let work: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break arbitrary fields of the JSON
async function carrierCopy(id: string, edit: (doc: Record<string, any>) => void = () => {}): Promise<string> {
  const dir = path.join(work, 'carriers', id);
  await cp(path.join(REPO, 'carriers/jx-telecom'), dir, { recursive: true });
  const doc = JSON.parse(await readFile(path.join(dir, 'carrier.json'), 'utf8'));
  doc.carrier.id = id;
  edit(doc);
  await writeFile(path.join(dir, 'carrier.json'), JSON.stringify(doc));
  return dir;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'carrier-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('carrier folders', () => {
  it('accepts both example carriers', async () => {
    for (const id of ['demo', 'jx-telecom']) {
      const { config } = await readCarrierFolder(path.join(REPO, 'carriers', id));
      expect(config.carrier.id).toBe(id);
    }
  });

  it('names the field and the colour pair of unreadable text', async () => {
    const dir = await carrierCopy('grey', (doc) => {
      doc.branding.colours.text = '#777777';
      doc.branding.colours.background = '#666666';
    });
    await expect(readCarrierFolder(dir)).rejects.toThrow(
      /branding\.colours\.text: text #777777 on background #666666 has contrast 1\.\d+:1, needs at least 4\.5:1/,
    );
  });

  it('names a missing logo, a bad colour and an id that is not the folder', async () => {
    const dir = await carrierCopy('nologo', (doc) => {
      doc.branding.logo = 'absent.png';
    });
    await expect(readCarrierFolder(dir)).rejects.toThrow(/branding\.logo: file absent\.png is missing/);
    const bad = await carrierCopy('badcolour', (doc) => {
      doc.branding.colours.focus = 'yellow';
    });
    await expect(readCarrierFolder(bad)).rejects.toThrow(
      /branding\.colours\.focus: expected a colour #rrggbb/,
    );
    const other = await carrierCopy('other', (doc) => {
      doc.carrier.id = 'someone-else';
    });
    await expect(readCarrierFolder(other)).rejects.toThrow(/carrier\.id: expected "other"/);
  });

  it('keeps carriers/carrier-config.schema.json current (npm run carrier -- schema)', async () => {
    const committed = JSON.parse(
      await readFile(path.join(REPO, 'carriers/carrier-config.schema.json'), 'utf8'),
    );
    expect(committed).toEqual(carrierConfigJsonSchema());
  });
});

describe('signed packages', () => {
  let archive: string;
  let publicKeyPem: string;

  beforeAll(async () => {
    const appDir = path.join(work, 'app');
    await mkdir(path.join(appDir, 'assets'), { recursive: true });
    await writeFile(path.join(appDir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(path.join(appDir, 'assets/index.js'), 'console.log(1)');
    await writeFile(path.join(appDir, 'carrier.json'), '{}');
    const key = await loadSigningKey(path.join(work, 'keys'), {});
    expect(key.isDevKey).toBe(true);
    publicKeyPem = key.publicKeyPem;
    const result = await bundleCarrier({
      carrierDir: await carrierCopy('pkg-test'),
      appDir,
      outDir: path.join(work, 'out'),
      key,
    });
    archive = result.archive;
  });

  /** Unpacks the good package, changes it, packs it again. */
  async function tampered(change: (dir: string) => Promise<void>): Promise<string> {
    const dir = await mkdtemp(path.join(work, 'tamper-'));
    const verdict = await verifyPackage(archive, publicKeyPem, dir);
    expect(verdict.ok).toBe(true);
    await change(dir);
    const out = `${dir}.tgz`;
    const files = [...(await listPackageFiles(dir)), MANIFEST_FILE, SIGNATURE_FILE].filter(Boolean);
    const present = await Promise.all(
      files.map((f) =>
        readFile(path.join(dir, f)).then(
          () => f,
          () => '',
        ),
      ),
    );
    await create({ gzip: true, file: out, cwd: dir }, present.filter(Boolean));
    return out;
  }

  it('packs the app, the resolved carrier.json, the logo, metadata.json and the public key, signed', async () => {
    const verdict = await verifyPackage(archive, publicKeyPem);
    expect(verdict.problems).toEqual([]);
    const paths = verdict.manifest?.files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'app/index.html',
        'app/carrier.json',
        'app/logo.svg',
        'metadata.json',
        'public-key.pem',
      ]),
    );
    const metadata = JSON.parse(await readFile(path.join(verdict.dir, 'metadata.json'), 'utf8'));
    expect(metadata).toMatchObject({
      identifier: 'cn.ketang.pkg.test',
      name: '赣课堂',
      version: '2.1.0',
      icon: './app/logo.svg',
    });
    const config = JSON.parse(await readFile(path.join(verdict.dir, 'app/carrier.json'), 'utf8'));
    expect(config.carrier.id).toBe('pkg-test');
    expect(config.regions).toBeUndefined();
  });

  it('refuses a changed file', async () => {
    const bad = await tampered((dir) => writeFile(path.join(dir, 'app/assets/index.js'), 'console.log(2)'));
    expect((await verifyPackage(bad, publicKeyPem)).problems).toEqual(['changed file: app/assets/index.js']);
  });

  it('refuses an added file', async () => {
    const bad = await tampered((dir) => writeFile(path.join(dir, 'app/extra.js'), 'evil()'));
    expect((await verifyPackage(bad, publicKeyPem)).problems).toEqual(['unlisted file: app/extra.js']);
  });

  it('refuses a removed file', async () => {
    const bad = await tampered((dir) => unlink(path.join(dir, 'app/logo.svg')));
    expect((await verifyPackage(bad, publicKeyPem)).problems).toEqual(['missing file: app/logo.svg']);
  });

  it('refuses a changed manifest', async () => {
    const bad = await tampered(async (dir) => {
      const file = path.join(dir, MANIFEST_FILE);
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      manifest.version = '9.9.9';
      await writeFile(file, JSON.stringify(manifest, null, 2) + '\n');
    });
    expect((await verifyPackage(bad, publicKeyPem)).problems).toEqual([
      expect.stringMatching(/^signature: manifest\.json is not signed by this public key/),
    ]);
  });

  it('refuses the package under another key', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verdict = await verifyPackage(archive, other);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems[0]).toMatch(/^signature: /);
  });
});
