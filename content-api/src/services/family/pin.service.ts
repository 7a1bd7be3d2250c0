import { AppError, TooManyRequestsError } from '../../errors.ts';
import type { HouseholdRecord, HouseholdStore } from '../../stores/household.store.ts';
import { hashPassword, verifyPassword } from '../password-hash.ts';
import type { FamilyAuth } from './family-auth.ts';
import type { HouseholdAccess } from './household-access.ts';
import type { KeyedLock } from './keyed-lock.ts';

const MAX_WRONG_TRIES = 5;
const LOCK_SECONDS = 60;

/**
 * The parental PIN. It is stored as a salted scrypt hash (the operators' password hash): a 4–6 digit PIN has
 * at most a million values, so only a slow, salted hash makes a leaked store costly to brute-force (~1 day per
 * household) — an HMAC would be as strong only while its key stays out of the same store. Online guessing is
 * stopped by the lock: 5 wrong tries, then 429 for 60 s. Checks of one household run one at a time.
 */
export class PinService {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly households: HouseholdStore,
    private readonly lock: KeyedLock,
    private readonly clock: () => Date,
  ) {}

  /** Guarded writes: a phone link needs no PIN; a box needs the PIN once one is set. */
  async guard(auth: FamilyAuth, pin: string | undefined): Promise<void> {
    if (auth.via === 'phone') return;
    const household = await this.access.household(auth);
    if (!household.pinHash) return;
    if (pin === undefined) throw new AppError(403, 'pin_required', 'this change needs the parental PIN');
    await this.verify(auth, pin);
  }

  /** The box's PIN pad: 204 when right. */
  async check(auth: FamilyAuth, pin: string): Promise<void> {
    const household = await this.access.household(auth);
    if (!household.pinHash) throw new AppError(409, 'pin_not_set', 'no parental PIN is set');
    await this.verify(auth, pin);
  }

  /** Sets or changes the PIN: a box gives the current one once set (guard); a phone may reset it. */
  async set(auth: FamilyAuth, pin: string, currentPin: string | undefined): Promise<void> {
    await this.guard(auth, currentPin);
    const pinHash = await hashPassword(pin);
    await this.lock.run([auth.householdId], async () => {
      const household = await this.access.household(auth);
      await this.households.save(withoutLock({ ...household, pinHash }));
    });
  }

  private async verify(auth: FamilyAuth, pin: string): Promise<void> {
    await this.lock.run([auth.householdId], async () => {
      const household = await this.access.household(auth);
      const now = this.clock().getTime();
      const lockedUntil = household.pinLockedUntil ? Date.parse(household.pinLockedUntil) : 0;
      if (lockedUntil > now) {
        throw new TooManyRequestsError(
          'pin_locked',
          'too many wrong PINs; try again later',
          (lockedUntil - now) / 1000,
        );
      }
      if (await verifyPassword(pin, household.pinHash ?? '')) {
        if (household.pinFailures || household.pinLockedUntil)
          await this.households.save(withoutLock(household));
        return;
      }
      const failures = (household.pinFailures ?? 0) + 1;
      await this.households.save(
        failures >= MAX_WRONG_TRIES
          ? { ...withoutLock(household), pinLockedUntil: new Date(now + LOCK_SECONDS * 1000).toISOString() }
          : { ...household, pinFailures: failures },
      );
      throw new AppError(403, 'pin_wrong', 'the parental PIN is wrong', [
        { path: 'pin', message: `${Math.max(0, MAX_WRONG_TRIES - failures)} tries left` },
      ]);
    });
  }
}

function withoutLock(household: HouseholdRecord): HouseholdRecord {
  const { pinFailures: _failures, pinLockedUntil: _until, ...rest } = household;
  return rest;
}
