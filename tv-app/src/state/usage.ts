// The latest Usage the server answered to a heartbeat (docs/family.md), for whoever enforces the day's
// limits on the box (the break card, quota and bedtime screens). Shape documented in docs/tv-app.md.
import { createSignal } from 'solid-js';
import type { Usage } from '../api/family-types.ts';

/** `receivedAt` is the box's `Date.now()` when the answer arrived: count down locally from there. */
export type UsageSnapshot = { usage: Usage; receivedAt: number };

const [latestUsage, setLatestUsage] = createSignal<Readonly<Record<string, UsageSnapshot>>>({});

/** The latest Usage of a profile, or undefined before its first heartbeat answer. */
export function usageOf(profileId: string): UsageSnapshot | undefined {
  return latestUsage()[profileId];
}

export function recordUsage(usages: readonly Usage[], receivedAt = Date.now()): void {
  if (usages.length === 0) return;
  setLatestUsage((known) => {
    const next = { ...known };
    for (const usage of usages) next[usage.profileId] = { usage, receivedAt };
    return next;
  });
}
