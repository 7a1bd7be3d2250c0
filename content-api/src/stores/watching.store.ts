import type { WriteCoalescer } from '../db/write-coalescer.ts';
import { HEARTBEAT_COLLECTION, toHeartbeatDocument, type HeartbeatRecord } from './heartbeat.store.ts';
import {
  PROGRESS_COLLECTION,
  progressKey,
  toProgressDocument,
  type ProgressRecord,
} from './progress.store.ts';
import type { ReadCache } from './read-cache.ts';
import { toUsageDocument, USAGE_COLLECTION, usageKey, type UsageRecord } from './usage.store.ts';

/** What one batch of heartbeats changes: the merged progress, today's usage, and the heartbeat ids counted. */
export type WatchingChange = {
  progress: readonly ProgressRecord[];
  usage: readonly UsageRecord[];
  heartbeats: readonly HeartbeatRecord[];
};

/**
 * Writes a batch's change as one write, coalesced with other boxes' batches: one transaction on the embedded
 * store; on MongoDB progress and usage before the heartbeat ids, so a crash in between counts a resent
 * heartbeat twice rather than losing it. Resolves once durable. The progress and usage stores' caches hold
 * the records written from then on.
 */
export class WatchingStore {
  constructor(
    private readonly writes: Pick<WriteCoalescer, 'write'>,
    private readonly caches: { progress: ReadCache<ProgressRecord>; usage: ReadCache<UsageRecord> },
  ) {}

  async save(change: WatchingChange): Promise<void> {
    const upserts = [
      { collection: PROGRESS_COLLECTION, docs: change.progress.map(toProgressDocument) },
      { collection: USAGE_COLLECTION, docs: change.usage.map(toUsageDocument) },
      { collection: HEARTBEAT_COLLECTION, docs: change.heartbeats.map(toHeartbeatDocument) },
    ];
    await this.caches.progress.writeMany(
      change.progress.map((record) => [progressKey(record), record]),
      () =>
        this.caches.usage.writeMany(
          change.usage.map((record) => [usageKey(record), record]),
          () => this.writes.write(upserts),
        ),
    );
  }
}
