import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { ReleaseMeta, ReleaseStore } from '../../stores/release.store.ts';
import type { RevisionStore } from '../../stores/revision.store.ts';
import { RevisionTracker } from '../revision-tracker.ts';
import type { ChannelSet } from './channel-set.ts';
import { ChannelSets } from './channel-sets.ts';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const MINUTE = 60_000;

/** A release meta whose publishAt counts its reads. */
function meta(version: number, publishAt: number, reads: { count: number }, cancelled = false) {
  const base: Omit<ReleaseMeta, 'publishAt'> = {
    region: 'jx',
    carrier: 'default',
    version,
    createdAt: new Date(T0).toISOString(),
    createdBy: 'admin',
    counts: { channels: 1, slots: 1 },
    ...(cancelled ? { cancelledAt: new Date(T0).toISOString() } : {}),
  };
  return Object.defineProperty(base, 'publishAt', {
    enumerable: true,
    get: () => {
      reads.count++;
      return new Date(publishAt).toISOString();
    },
  }) as ReleaseMeta;
}

async function channelSetsOver(metas: () => ReleaseMeta[], clock: () => Date) {
  let revision = 1;
  const revisions = { read: async () => revision, bump: async () => ++revision } as unknown as RevisionStore;
  const tracker = new RevisionTracker(revisions, pino({ level: 'silent' }));
  await tracker.refresh();
  const releases = { listMetas: async () => metas() } as unknown as ReleaseStore;
  const sets = new ChannelSets({} as ChannelSet, releases, tracker, clock);
  await sets.releaseMetas(); // loads the revision's metas
  return sets;
}

describe('ChannelSets.stamp and secondsUntilChange', () => {
  it('parse the release dates once per revision, not per call', async () => {
    const reads = { count: 0 };
    const metas = Array.from({ length: 50 }, (_, index) => meta(index + 1, T0 + index * MINUTE, reads));
    const sets = await channelSetsOver(
      () => metas,
      () => new Date(T0 + 10 * MINUTE),
    );
    const afterLoad = reads.count;
    for (let call = 0; call < 1_000; call++) {
      sets.stamp();
      sets.secondsUntilChange();
    }
    expect(reads.count).toBe(afterLoad);
    expect(afterLoad).toBeLessThanOrEqual(2 * metas.length);
  });

  it('count the releases in effect and say when the next one not cancelled comes, as the clock moves', async () => {
    const reads = { count: 0 };
    let now = T0;
    const metas = [
      meta(1, T0 - MINUTE, reads),
      meta(2, T0 + MINUTE, reads, true), // cancelled: counts once its time has come, but is not waited for
      meta(3, T0 + 5 * MINUTE + 30_500, reads),
      meta(4, T0 + 5 * MINUTE + 30_500, reads), // two at the same instant
    ];
    const sets = await channelSetsOver(
      () => metas,
      () => new Date(now),
    );
    expect(sets.stamp()).toBe('1.1');
    expect(sets.secondsUntilChange()).toBe(5 * 60 + 30);
    now = T0 + MINUTE;
    expect(sets.stamp()).toBe('1.2');
    now = T0 + 5 * MINUTE + 30_500;
    expect(sets.stamp()).toBe('1.4');
    expect(sets.secondsUntilChange()).toBeUndefined();
  });

  it('take a new revision’s releases once it is loaded', async () => {
    const reads = { count: 0 };
    let metas = [meta(1, T0 - MINUTE, reads)];
    const sets = await channelSetsOver(
      () => metas,
      () => new Date(T0),
    );
    expect(sets.stamp()).toBe('1.1');
    expect(sets.secondsUntilChange()).toBeUndefined();
    metas = [...metas, meta(2, T0 + 2 * MINUTE, reads)];
    await sets.reload();
    expect(sets.stamp()).toBe('2.1');
    expect(sets.secondsUntilChange()).toBe(120);
  });
});
