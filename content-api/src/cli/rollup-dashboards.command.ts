// `npm run catalog -- rollup-dashboards [<day> | <from> <to>]`: rolls the dashboards' daily cells up now — the
// days given (YYYY-MM-DD, inclusive), or every day in the event retention not yet final — against the store
// the server uses. Idempotent: a day is rebuilt whole from its raw records.
import { hardeningOf, type Config } from '../config/env.ts';
import { openStore } from '../db/open-store.ts';
import { createLogger } from '../logger.ts';
import { createRollupService } from '../services/dashboards/rollup.service.ts';
import { createStores, ensureIndexes } from '../stores/stores.ts';

export const ROLLUP_USAGE = 'usage: npm run catalog -- rollup-dashboards [<day> | <from> <to>]';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

export async function rollupDashboardsCommand(
  config: Readonly<Config>,
  args: readonly string[],
): Promise<number> {
  const [from, to = from] = args;
  if (args.length > 2 || (from !== undefined && (!DAY.test(from) || !DAY.test(to!) || to! < from))) {
    console.error(ROLLUP_USAGE);
    return 2;
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const backend = await openStore(config);
  try {
    await ensureIndexes(backend);
    const rollups = createRollupService(createStores(backend), logger, {
      eventRetentionDays: hardeningOf(config).eventRetentionDays,
    });
    const days = from ? daysBetween(from, to!) : await rollups.catchUp();
    if (from) {
      for (const day of days) {
        const cells = await rollups.rollUpDay(day);
        process.stdout.write(`${day}: ${cells.qoeCells} QoE cells, ${cells.learningCells} learning cells\n`);
      }
    } else {
      process.stdout.write(`rolled up ${days.length} day(s): ${days.join(' ')}\n`);
    }
    return 0;
  } finally {
    await backend.close();
  }
}
