// `npm run bench -- <name> [options]`: runs one benchmark (api, dashboards, family, import, legacy, packager, releases, sync, tv) in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [name, ...rest] = process.argv.slice(2);
const script = name ? path.join(here, name, 'cli.ts') : '';
if (!name || !existsSync(script)) {
  console.error(
    'usage: npm run bench -- <api|dashboards|family|import|legacy|packager|releases|sync|tv> [options]',
  );
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
