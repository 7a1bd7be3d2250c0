import pRetry, { AbortError } from 'p-retry';

/** How reads of an HTTP mirror are retried (defaults in HTTP_RETRY_DEFAULTS). */
export interface HttpRetryOptions {
  /** Tries in all, the first included; 1 turns retrying off. */
  attempts?: number;
  /** The first retry waits this long, each next one twice as long, each times a random 1–2 (jitter). */
  minDelayMs?: number;
  /** No wait between two tries is longer (Retry-After excepted, within `maxTotalMs`). */
  maxDelayMs?: number;
  /** No retry starts later than this after the first try began. */
  maxTotalMs?: number;
}

export const HTTP_RETRY_DEFAULTS: Required<HttpRetryOptions> = {
  attempts: 4,
  minDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalMs: 60_000,
};

export interface HttpGetOptions {
  headers?: Record<string, string>;
  /** Time allowed to one try, body included (default 30 s). */
  timeoutMs?: number;
  retry?: HttpRetryOptions;
}

/** Statuses worth another try: the server or something in front of it may answer differently in a moment. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** A failure another try may not see: a network error, a time-out, 408/425/429 or 5xx. */
class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

/** The final failure of a GET: names the URL, how many tries were made and the last cause. */
export class HttpReadError extends Error {
  constructor(
    readonly url: string,
    readonly attempts: number,
    readonly lastCause: string,
  ) {
    super(
      attempts > 1
        ? `GET ${url} failed after ${attempts} attempts: ${lastCause}`
        : `GET ${url} failed: ${lastCause} (not retried)`,
    );
    this.name = 'HttpReadError';
  }
}

/**
 * GETs a URL with retries (p-retry: exponential backoff with jitter, bounded tries and total time). Network
 * errors, time-outs, 408, 425, 429 and 5xx are retried, honouring Retry-After (never sooner; a Retry-After
 * past the time budget ends the retries at once); 404 answers undefined (a file the mirror does not have) and
 * any other status fails at once. The final error is an HttpReadError naming the URL and the last cause.
 */
export async function getWithRetry(
  url: string,
  options: HttpGetOptions = {},
): Promise<Uint8Array | undefined> {
  const retry = { ...HTTP_RETRY_DEFAULTS, ...options.retry };
  const startedAt = performance.now();
  let attempts = 0;
  try {
    return await pRetry(
      (attempt) => {
        attempts = attempt;
        return getOnce(url, options);
      },
      {
        retries: Math.max(0, retry.attempts - 1),
        factor: 2,
        minTimeout: retry.minDelayMs,
        maxTimeout: retry.maxDelayMs,
        randomize: true,
        maxRetryTime: retry.maxTotalMs,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (retriesLeft <= 0 || !(error instanceof TransientError) || !error.retryAfterMs) return;
          const left = retry.maxTotalMs - (performance.now() - startedAt);
          if (error.retryAfterMs > left) {
            throw new TransientError(
              `${error.message}; its Retry-After (${Math.ceil(error.retryAfterMs / 1000)} s) is past the retry time budget`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
        },
      },
    );
  } catch (error) {
    throw new HttpReadError(url, attempts, (error as Error).message);
  }
}

async function getOnce(url: string, options: HttpGetOptions): Promise<Uint8Array | undefined> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  let response: Response;
  try {
    response = await fetch(url, { headers: options.headers, signal: AbortSignal.timeout(timeoutMs) });
    if (response.status === 404) return undefined;
    if (response.ok) return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new TransientError(describeRequestError(error, timeoutMs));
  }
  await response.body?.cancel().catch(() => undefined);
  const message = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (!TRANSIENT_STATUSES.has(response.status)) throw new AbortError(message);
  throw new TransientError(message, parseRetryAfter(response.headers.get('retry-after')));
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeRequestError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `request failed: no complete answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return `request failed: ${(error as Error).message}${detail ? ` (${detail})` : ''}`;
}
