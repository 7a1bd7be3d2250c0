import type { Usage } from '../../schemas/progress.schema.ts';
import type { UsageRecord, UsageStore } from '../../stores/usage.store.ts';
import type { FamilyAuth } from './family-auth.ts';
import { localDate, type HouseholdAccess } from './household-access.ts';
import type { KeyedLock } from './keyed-lock.ts';
import { emptyUsage, endBreak, toUsage } from './usage-rules.ts';

/** Today's usage of a profile, and the parent's two exceptions: more minutes today, and ending a break. */
export class UsageService {
  constructor(
    private readonly access: HouseholdAccess,
    private readonly usage: UsageStore,
    private readonly lock: KeyedLock,
    private readonly clock: () => Date,
  ) {}

  async today(auth: FamilyAuth, profileId: string): Promise<Usage> {
    return this.change(auth, profileId, undefined);
  }

  async extend(auth: FamilyAuth, profileId: string, minutes: number): Promise<Usage> {
    return this.change(auth, profileId, (record) => ({
      ...record,
      extraSeconds: record.extraSeconds + minutes * 60,
    }));
  }

  async skipBreak(auth: FamilyAuth, profileId: string): Promise<Usage> {
    return this.change(auth, profileId, (record, now) => endBreak(record, now));
  }

  /** Reads today's record under the profile's lock (the heartbeats' lock), applies a change, answers Usage. */
  private async change(
    auth: FamilyAuth,
    profileId: string,
    apply: ((record: UsageRecord, now: Date) => UsageRecord) | undefined,
  ): Promise<Usage> {
    const [household, profile] = await Promise.all([
      this.access.household(auth),
      this.access.profile(auth, profileId),
    ]);
    return this.lock.run([profile.id], async () => {
      const now = this.clock();
      const date = localDate(household, now);
      const record = (await this.usage.get(profile.id, date)) ?? emptyUsage(household.id, profile.id, date);
      const changed = apply ? apply(record, now) : record;
      if (changed !== record) await this.usage.saveMany([changed]);
      return toUsage(changed, profile.controls, household.timeZone, now);
    });
  }
}
