// npm run carrier -- <command>: validate a carrier folder, bundle its signed preinstall package, verify one,
// or write the configuration's JSON Schema for editors. See docs/carrier.md.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { carrierConfigJsonSchema } from '@ketang/contract';
import { bundleCarrier } from './bundle.ts';
import { carrierDir, CarrierConfigError, readCarrierFolder } from './carrier-folder.ts';
import { loadSigningKey } from './signing.ts';
import { checkForUpdate } from './updater.ts';
import { verifyPackage } from './verify.ts';
import { buildTvApp } from '../e2e/build-app.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const CARRIERS = path.join(REPO, 'carriers');
export const SCHEMA_FILE = path.join(CARRIERS, 'carrier-config.schema.json');
const USAGE = `usage: npm run carrier -- <command>
  validate --carrier <id|dir>
  bundle   --carrier <id|dir> [--out <dir>] [--app-dir <built tv app>]
  verify   <package.tgz> --public-key <pem file>
  update   --api <base> --carrier <id> --root <box app root> --public-key <pem file>
  schema   (writes carriers/carrier-config.schema.json)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    carrier: { type: 'string' },
    out: { type: 'string' },
    'app-dir': { type: 'string' },
    'public-key': { type: 'string' },
    api: { type: 'string' },
    root: { type: 'string' },
  },
});

function required(value: string | undefined, flag: string): string {
  if (!value) throw new Error(`${flag} is required\n${USAGE}`);
  return value;
}

async function run(command: string | undefined): Promise<number> {
  if (command === 'validate') {
    const { config } = await readCarrierFolder(carrierDir(CARRIERS, required(values.carrier, '--carrier')));
    console.log(`ok: ${config.carrier.id} ${config.version}`);
    return 0;
  }
  if (command === 'bundle') {
    const key = await loadSigningKey(path.join(REPO, '.data/keys'));
    if (key.isDevKey) {
      console.warn(
        'warning: KETANG_CARRIER_SIGNING_KEY is unset; signed with the development key in .data/keys/',
      );
    }
    const appDir = values['app-dir'] ? path.resolve(values['app-dir']) : await buildTvApp();
    const result = await bundleCarrier({
      carrierDir: carrierDir(CARRIERS, required(values.carrier, '--carrier')),
      appDir,
      outDir: path.resolve(values.out ?? path.join(REPO, '.data/carrier-packages')),
      key,
    });
    console.log(
      `${result.archive} (${result.files} files, ${result.config.carrier.id} ${result.config.version})`,
    );
    return 0;
  }
  if (command === 'verify') {
    const archive = required(positionals[1], '<package>');
    const pem = await readFile(required(values['public-key'], '--public-key'), 'utf8');
    const verdict = await verifyPackage(archive, pem);
    await rm(verdict.dir, { recursive: true, force: true });
    if (!verdict.ok) {
      console.error(`refused: ${archive}\n${verdict.problems.map((p) => `  ${p}`).join('\n')}`);
      return 1;
    }
    console.log(
      `ok: ${verdict.manifest?.carrier} ${verdict.manifest?.version}, ${verdict.manifest?.files.length} files`,
    );
    return 0;
  }
  if (command === 'update') {
    const result = await checkForUpdate({
      apiBase: required(values.api, '--api'),
      carrier: required(values.carrier, '--carrier'),
      root: path.resolve(required(values.root, '--root')),
      publicKeyPem: await readFile(required(values['public-key'], '--public-key'), 'utf8'),
    });
    if (result.kind === 'refused') {
      console.error(`refused: ${result.version}\n${result.problems.map((p) => `  ${p}`).join('\n')}`);
      return 1;
    }
    console.log(`${result.kind}: ${result.version}`);
    return 0;
  }
  if (command === 'schema') {
    // Formatted as `npm run lint` expects, so a regenerated file passes it unchanged.
    const options = await prettier.resolveConfig(SCHEMA_FILE);
    const json = JSON.stringify(carrierConfigJsonSchema(), null, 2);
    await writeFile(SCHEMA_FILE, await prettier.format(json, { ...options, parser: 'json' }));
    console.log(SCHEMA_FILE);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

try {
  process.exitCode = await run(positionals[0]);
} catch (error) {
  console.error(
    error instanceof CarrierConfigError
      ? `invalid carrier configuration ${error.message}`
      : (error as Error).message,
  );
  process.exitCode = 1;
}
