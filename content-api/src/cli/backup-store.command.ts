// `npm run catalog -- backup-store <file>`: copies the embedded store, while the API keeps running, into a new
// SQLite file with SQLite's online backup API, then checks the copy and prints its collections' counts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/env.ts';
import { openSqliteFile, SQLITE_FILE, verifySqliteFile } from '../db/sqlite/sqlite-store.ts';

export const BACKUP_USAGE = 'usage: npm run catalog -- backup-store <new file>';

export async function backupStoreCommand(
  config: Readonly<Config>,
  target: string | undefined,
): Promise<number> {
  if (!target) {
    console.error(BACKUP_USAGE);
    return 2;
  }
  if (config.mongodbUri) {
    console.error(
      'backup-store copies the embedded store; with MONGODB_URI set, back up MongoDB with mongodump',
    );
    return 2;
  }
  const source = path.join(config.dataDir, SQLITE_FILE);
  if (!existsSync(source)) {
    console.error(`no embedded store at ${source} (KETANG_DATA_DIR)`);
    return 2;
  }
  if (existsSync(target)) {
    console.error(`${target} already exists; backup-store writes a new file only`);
    return 2;
  }
  const store = openSqliteFile(source);
  try {
    await store.backup(target);
  } finally {
    await store.close();
  }
  const counts = verifySqliteFile(target);
  const lines = Object.entries(counts).map(([name, count]) => `  ${name}: ${count}`);
  process.stdout.write(`backed up ${source} to ${target}\n${lines.join('\n')}\n`);
  return 0;
}
