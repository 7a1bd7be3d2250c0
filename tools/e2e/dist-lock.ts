// A build's lock between vitest workers: `<dist>.lock`, held through proper-lockfile, which keeps the lock's
// mtime fresh while its holder lives. A lock left by a killed build stops being refreshed and is taken over
// once it is `staleMs` old, instead of blocking every later build.
import lockfile from 'proper-lockfile';

export type LockOptions = {
  /** A lock not refreshed for this long is a dead holder's (proper-lockfile's minimum is 2 s). */
  staleMs?: number;
  /** How long to wait for a live holder (a build) before giving up with an error. */
  waitMs?: number;
};

const POLL_MS = 500;
const DEFAULT_STALE_MS = 30_000; // a loaded machine may delay the holder's refresh by seconds
const DEFAULT_WAIT_MS = 30 * 60_000;

/** Runs `work` holding `<target>.lock`; waits (bounded) while a live holder has it, takes over a dead one's. */
export async function withLock<T>(
  target: string,
  work: () => Promise<T>,
  { staleMs = DEFAULT_STALE_MS, waitMs = DEFAULT_WAIT_MS }: LockOptions = {},
): Promise<T> {
  let compromised: Error | undefined;
  const options = {
    lockfilePath: `${target}.lock`,
    realpath: false,
    stale: staleMs,
    update: Math.max(1_000, Math.floor(staleMs / 4)),
    retries: 0,
    onCompromised: (error: Error) => (compromised = error),
  };
  const deadline = Date.now() + waitMs;
  let release: () => Promise<void>;
  for (;;) {
    try {
      release = await lockfile.lock(target, options);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > deadline)
        throw new Error(`${target}.lock is still held after ${waitMs / 1000} s by a live build`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    const result = await work();
    if (compromised) throw new Error(`${target}.lock was taken over during the work: ${compromised.message}`);
    return result;
  } finally {
    await release().catch(() => undefined); // a taken-over lock is no longer ours to remove
  }
}
