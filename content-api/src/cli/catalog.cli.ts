// `npm run catalog -- sync --from <dir|url> [--workers N] [--progress bar|lines|none] [--json]`: syncs a
// smartedu mirror into the store the server uses (MONGODB_URI, else the embedded store in KETANG_DATA_DIR).
// `npm run catalog -- backup-store <file>`: an online backup of the embedded store (backup-store.command.ts).
// `npm run catalog -- rollup-dashboards [<day> | <from> <to>]`: the dashboards' daily rollup, now.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { loadConfig } from '../config/env.ts';
import { openStore } from '../db/open-store.ts';
import { createLogger } from '../logger.ts';
import { RevisionTracker } from '../services/revision-tracker.ts';
import { DEFAULT_SYNC_WORKERS, syncCatalogue, type SyncProgress } from '../services/sync/catalogue-sync.ts';
import { countUpstreamTextbooks } from '../services/sync/count-upstream.ts';
import { formatSyncReport } from '../services/sync/format-report.ts';
import { createStores, ensureIndexes } from '../stores/stores.ts';
import { BACKUP_USAGE, backupStoreCommand } from './backup-store.command.ts';
import { ROLLUP_USAGE, rollupDashboardsCommand } from './rollup-dashboards.command.ts';

const USAGE = `usage: npm run catalog -- sync --from <dir|url> [--workers N] [--progress bar|lines|none] [--json]
       ${BACKUP_USAGE.slice('usage: '.length)}
       ${ROLLUP_USAGE.slice('usage: '.length)}`;

function progressView(mode: string): { update(progress: SyncProgress): void; stop(): void } {
  if (mode === 'none') return { update: () => {}, stop: () => {} };
  if (mode === 'lines') {
    return {
      update: (progress) =>
        console.error(`progress ${progress.done}/${progress.total ?? '?'} ${progress.current ?? ''}`),
      stop: () => {},
    };
  }
  const bar = new SingleBar(
    { format: 'sync [{bar}] {value}/{total} textbooks and sections | {eta_formatted} left', etaBuffer: 200 },
    Presets.shades_classic,
  );
  let isStarted = false;
  return {
    update(progress) {
      const total = Math.max(progress.total ?? progress.done, progress.done);
      if (!isStarted) bar.start(total, progress.done);
      isStarted = true;
      bar.setTotal(total);
      bar.update(progress.done);
    },
    stop: () => bar.stop(),
  };
}

export async function runCatalogCli(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      from: { type: 'string' },
      workers: { type: 'string', default: String(DEFAULT_SYNC_WORKERS) },
      progress: { type: 'string', default: process.stderr.isTTY ? 'bar' : 'none' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals[0] === 'rollup-dashboards') {
    return rollupDashboardsCommand(loadConfig(), positionals.slice(1));
  }
  if (positionals[0] === 'backup-store' && positionals.length <= 2) {
    return backupStoreCommand(loadConfig(), positionals[1]);
  }
  const workers = Number(values.workers);
  if (positionals[0] !== 'sync' || !values.from || !Number.isInteger(workers) || workers < 0) {
    console.error(USAGE);
    return 2;
  }
  if (!['bar', 'lines', 'none'].includes(values.progress!)) {
    console.error(`--progress must be bar, lines or none, not "${values.progress}"\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const backend = await openStore(config);
  try {
    await ensureIndexes(backend);
    const stores = createStores(backend);
    const view = progressView(values.progress!);
    const report = await syncCatalogue(stores, new RevisionTracker(stores.revision, logger), values.from, {
      workers,
      expectedTotal: await countUpstreamTextbooks(values.from),
      onProgress: (progress) => view.update(progress),
    });
    view.stop();
    process.stdout.write(`${values.json ? JSON.stringify(report, null, 2) : formatSyncReport(report)}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}

// Run as a script (the root `npm run catalog`), not when imported.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCatalogCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  });
}
