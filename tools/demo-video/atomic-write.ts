import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/** A hidden temporary path beside the target (same file system, so the final rename is atomic). */
export function tempPathFor(finalPath: string): string {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return join(dirname(finalPath), `.${basename(finalPath)}.${suffix}.tmp${extname(finalPath)}`);
}

/**
 * Lets `produce` write to a temporary path, then renames it over `finalPath`. On failure the temporary file
 * is removed, so readers only ever see a complete file or none.
 */
export async function produceAtomically(
  finalPath: string,
  produce: (tempPath: string) => Promise<void>,
): Promise<void> {
  const tempPath = tempPathFor(finalPath);
  try {
    await produce(tempPath);
    await rename(tempPath, finalPath);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

export function writeFileAtomic(finalPath: string, data: string | Uint8Array): Promise<void> {
  return produceAtomically(finalPath, (tempPath) => writeFile(tempPath, data));
}
