import { TooManyRequestsError } from '../errors.ts';
import type { AuditStore } from '../stores/audit.store.ts';
import type { LoginFailureStore } from '../stores/login-failure.store.ts';
import { KeyedLock } from './family/keyed-lock.ts';

export type LockoutOptions = { maxFailures: number; lockSeconds: number; clock: () => Date };

/**
 * The per-account login limit: `maxFailures` wrong passwords in a row (each within `lockSeconds` of the last)
 * lock the username for `lockSeconds`; a locked username is refused with 429 before any hash is computed.
 * Unknown usernames count and lock the same way, so a lock does not tell which usernames exist. Attempts on
 * one username run one at a time, so a flood of parallel guesses costs at most `maxFailures` hashes per lock.
 * Records live in the store (a restart keeps the lock); each lock is written to the audit log.
 */
export class LoginLockout {
  private readonly lock = new KeyedLock();

  constructor(
    private readonly failures: LoginFailureStore,
    private readonly audit: AuditStore,
    private readonly options: LockoutOptions,
  ) {}

  /** When the username's lock ends, if it is locked now. */
  async lockedUntil(username: string): Promise<string | undefined> {
    const record = await this.failures.get(lockKey(username));
    const until = record?.lockedUntil;
    return until && Date.parse(until) > this.options.clock().getTime() ? until : undefined;
  }

  /** Runs one login attempt for `username` (serialized per username): `attempt` answers whether it succeeded. */
  async guard<T>(
    username: string,
    address: string | undefined,
    attempt: () => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const key = lockKey(username);
    return this.lock.run([key], async () => {
      const now = this.options.clock().getTime();
      const record = await this.failures.get(key);
      const lockedUntil = record?.lockedUntil ? Date.parse(record.lockedUntil) : 0;
      if (lockedUntil > now) {
        throw new TooManyRequestsError(
          'account_locked',
          'too many wrong passwords for this username; try again later',
          (lockedUntil - now) / 1000,
        );
      }
      const result = await attempt();
      if (result !== undefined) {
        if (record) await this.failures.clear(key);
        return result;
      }
      const isRecent = record && now - Date.parse(record.lastAt) < this.options.lockSeconds * 1000;
      const failures = (isRecent && !record.lockedUntil ? record.failures : 0) + 1;
      const lastAt = new Date(now).toISOString();
      if (failures < this.options.maxFailures) {
        await this.failures.put({ username: key, failures, lastAt });
        return undefined;
      }
      const until = new Date(now + this.options.lockSeconds * 1000).toISOString();
      await this.failures.put({ username: key, failures, lastAt, lockedUntil: until });
      await this.audit.add({
        actor: 'system',
        action: 'operator.lockout',
        target: `operator:${key}`,
        after: { failures, lockedUntil: until, address },
      });
      return undefined;
    });
  }
}

/** Usernames that differ only by case or Unicode form share one lock. */
const lockKey = (username: string): string => username.normalize('NFKC').toLowerCase();
