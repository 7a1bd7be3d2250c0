// `npm run build:server`: bundles the content API and the workspaces it imports (@ketang/catalog,
// @ketang/contract) into plain JavaScript in content-api/dist, for `npm run start:prod` (docs/production.md).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = path.join(here, 'dist');

/** The entry points, by output name: the server, and the textbook worker and packaging child it starts by file name. */
const ENTRIES = {
  server: path.join(here, 'src', 'server.ts'),
  'textbook-worker': path.join(here, '..', 'catalog', 'src', 'import', 'textbook-worker.ts'),
  'packaging-child': path.join(here, 'src', 'services', 'packaging', 'packaging-child.ts'),
};

/**
 * Our workspaces (`@ketang/*`, whose exports point at TypeScript sources) are bundled; every other package
 * stays an import resolved from node_modules at run time, as under tsx: native ones (better-sqlite3, sharp),
 * those that load files of their own (pino's transports, piscina's worker) and CommonJS ones alike.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@ketang/') ? undefined : { path: args.path, external: true },
    );
  },
};

export async function buildServer(outDir = DIST_DIR): Promise<string[]> {
  await rm(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints: ENTRIES,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    plugins: [externalPackages],
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildServer().then(
    (files) =>
      process.stdout.write(`built ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}\n`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
