import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { migrateNedbStore, nedbFilesIn } from './sqlite/nedb-migration.ts';
import { openSqliteFile, SQLITE_FILE, type SqliteStore } from './sqlite/sqlite-store.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { module: 'embedded-store' } });

/**
 * The embedded default: SQLite (better-sqlite3) in `<dataDir>/ketang.sqlite`. A data directory written by the
 * former nedb store (`<collection>.db` files, no SQLite file) is migrated here, once, before the store opens.
 */
export async function openEmbeddedStore(dataDir: string): Promise<SqliteStore> {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SQLITE_FILE);
  if (!existsSync(file) && nedbFilesIn(dataDir).length > 0) {
    logger.warn({ dataDir }, 'migrating the nedb store to SQLite');
    const report = await migrateNedbStore(dataDir, file);
    logger.warn(report, 'migrated the nedb store to SQLite; the nedb files were moved aside');
  }
  return openSqliteFile(file);
}
