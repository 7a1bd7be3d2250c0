import { NotFoundError, UnauthorizedError } from '../../errors.ts';
import type { HouseholdRecord, HouseholdStore } from '../../stores/household.store.ts';
import type { ProfileRecord, ProfileStore } from '../../stores/profile.store.ts';
import type { FamilyAuth } from './family-auth.ts';
import { zonedDate } from '../time-zone.ts';

/**
 * The one access check of the family routes: the household comes from the credential, and a profile is found
 * only within it, so another household's profile id is a 404 that reveals nothing.
 */
export class HouseholdAccess {
  constructor(
    private readonly households: HouseholdStore,
    private readonly profiles: ProfileStore,
  ) {}

  async household(auth: FamilyAuth): Promise<HouseholdRecord> {
    const household = await this.households.get(auth.householdId);
    if (!household) throw new UnauthorizedError('a valid household credential is required');
    return household;
  }

  async profile(auth: FamilyAuth, profileId: string): Promise<ProfileRecord> {
    const profile = await this.profiles.get(auth.householdId, profileId);
    if (!profile) throw new NotFoundError('profile', profileId);
    return profile;
  }
}

/** The household's local date now: the day usage counts on. */
export const localDate = (household: HouseholdRecord, now: Date) => zonedDate(household.timeZone, now);
