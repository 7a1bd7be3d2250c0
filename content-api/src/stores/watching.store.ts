import type { WriteCoalescer } from '../db/write-coalescer.ts';
import { HEARTBEAT_COLLECTION, toHeartbeatDocument, type HeartbeatRecord } from './heartbeat.store.ts';
import { PROGRESS_COLLECTION, toProgressDocument, type ProgressRecord } from './progress.store.ts';
import { toUsageDocument, USAGE_COLLECTION, type UsageRecord } from './usage.store.ts';

/** What one batch of heartbeats changes: the merged progress, today's usage, and the heartbeat ids counted. */
export type WatchingChange = {
  progress: readonly ProgressRecord[];
  usage: readonly UsageRecord[];
  heartbeats: readonly HeartbeatRecord[];
};

/**
 * Writes a batch's change as one write, coalesced with other boxes' batches: one transaction on the embedded
 * store; on MongoDB progress and usage before the heartbeat ids, so a crash in between counts a resent
 * heartbeat twice rather than losing it. Resolves once durable.
 */
export class WatchingStore {
  constructor(private readonly writes: Pick<WriteCoalescer, 'write'>) {}

  async save(change: WatchingChange): Promise<void> {
    await this.writes.write([
      { collection: PROGRESS_COLLECTION, docs: change.progress.map(toProgressDocument) },
      { collection: USAGE_COLLECTION, docs: change.usage.map(toUsageDocument) },
      { collection: HEARTBEAT_COLLECTION, docs: change.heartbeats.map(toHeartbeatDocument) },
    ]);
  }
}
