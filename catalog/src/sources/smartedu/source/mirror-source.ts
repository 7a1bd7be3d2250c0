import { readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { getWithRetry } from './http-read.ts';
import type { HttpRetryOptions } from './http-read.ts';

/**
 * Where the platform's static files are read from: a local mirror directory, or the base URL of a mirror an
 * operator is entitled to. Both use the platform's relative paths (see layout.ts).
 */
export interface SmarteduSource {
  /** For reports: the directory or base URL. */
  readonly location: string;
  /** The file's bytes, or undefined when the mirror does not have it (404 / ENOENT). */
  readBytes(relativePath: string): Promise<Uint8Array | undefined>;
}

export class SourceReadError extends Error {
  constructor(
    readonly relativePath: string,
    message: string,
  ) {
    super(`${relativePath}: ${message}`);
    this.name = 'SourceReadError';
  }
}

function assertSafeRelativePath(relativePath: string): void {
  if (!relativePath.includes('..') && !isAbsolute(relativePath)) return;
  const normalized = normalize(relativePath);
  if (isAbsolute(relativePath) || normalized.startsWith('..') || normalized.split(sep).includes('..')) {
    throw new SourceReadError(relativePath, 'a mirror path must stay inside the mirror');
  }
}

export function openDirectorySource(dir: string): SmarteduSource {
  return {
    location: dir,
    async readBytes(relativePath) {
      assertSafeRelativePath(relativePath);
      // Synchronous on purpose: for many small files it is several times faster than fs/promises.
      try {
        return readFileSync(join(dir, relativePath));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new SourceReadError(relativePath, (error as Error).message);
      }
    },
  };
}

export interface HttpSourceOptions {
  /** Extra request headers for the operator's mirror (never the platform's login). */
  headers?: Record<string, string>;
  /** Time allowed to one try of one file (default 30 s). */
  timeoutMs?: number;
  /** Retries of transient failures (see http-read.ts for the defaults). */
  retry?: HttpRetryOptions;
}

/** Reads over HTTP retry transient failures (getWithRetry); a file that still fails is a SourceReadError. */
export function openHttpSource(baseUrl: string, options: HttpSourceOptions = {}): SmarteduSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return {
    location: base,
    async readBytes(relativePath) {
      assertSafeRelativePath(relativePath);
      const url = base + relativePath.split('/').map(encodeURIComponent).join('/');
      try {
        return await getWithRetry(url, options);
      } catch (error) {
        throw new SourceReadError(relativePath, (error as Error).message);
      }
    },
  };
}

/** A directory path or an http(s) base URL. */
export function openSmarteduSource(location: string, options: HttpSourceOptions = {}): SmarteduSource {
  return /^https?:\/\//i.test(location) ? openHttpSource(location, options) : openDirectorySource(location);
}
