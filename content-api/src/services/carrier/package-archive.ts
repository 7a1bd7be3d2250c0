import { Parser, type ReadEntry } from 'tar';

/** Bounds on an uploaded package's contents (a gzip bomb stops here, not in memory). */
export const ARCHIVE_LIMITS = { maxFiles: 5_000, maxUnpackedBytes: 96 * 1024 * 1024 };

/** Why an archive could not be read: the message names the entry or the bound. */
export class ArchiveProblem extends Error {}

const SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0]+$/;

/**
 * The files of a .tgz (or .tar) package, POSIX path → bytes, read in memory. Directories are skipped; links,
 * unsafe paths (absolute, `..`) and archives beyond the bounds are refused.
 */
export function readPackageArchive(bytes: Uint8Array, limits = ARCHIVE_LIMITS): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    let total = 0;
    let problem: ArchiveProblem | undefined;
    const refuse = (message: string) => (problem ??= new ArchiveProblem(message));
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const name = entry.path.replace(/^\.\//, '');
        if (problem || entry.type === 'Directory') return void entry.resume();
        if (entry.type !== 'File' && entry.type !== 'OldFile') {
          refuse(`archive: ${name} is a ${entry.type}, not a file`);
          return void entry.resume();
        }
        if (!SAFE_PATH.test(name)) {
          refuse(`archive: unsafe path ${name}`);
          return void entry.resume();
        }
        if (files.size >= limits.maxFiles) refuse(`archive: more than ${limits.maxFiles} files`);
        const parts: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > limits.maxUnpackedBytes)
            refuse(`archive: unpacks to more than ${limits.maxUnpackedBytes} bytes`);
          if (!problem) parts.push(chunk);
        });
        entry.on('end', () => {
          if (!problem) files.set(name, Buffer.concat(parts));
        });
      },
    });
    parser.on('error', (error: Error) => reject(new ArchiveProblem(`archive: ${error.message}`)));
    parser.on('end', () => (problem ? reject(problem) : resolve(files)));
    parser.end(Buffer.from(bytes));
  });
}
