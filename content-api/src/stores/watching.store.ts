import type { ClaimResult } from '../db/document-store.ts';
import type { WriteCoalescer } from '../db/write-coalescer.ts';
import {
  HEARTBEAT_COLLECTION,
  heartbeatKey,
  toHeartbeatDocument,
  type HeartbeatRecord,
} from './heartbeat.store.ts';
import {
  PROGRESS_COLLECTION,
  progressKey,
  toProgressDocument,
  type ProgressRecord,
} from './progress.store.ts';
import type { ReadCache } from './read-cache.ts';
import { toUsageDocument, USAGE_COLLECTION, usageKey, type UsageRecord } from './usage.store.ts';

/** What a batch's new heartbeats change: the merged progress and today's usage. */
export type WatchingChange = {
  progress: readonly ProgressRecord[];
  usage: readonly UsageRecord[];
};

/**
 * A claim can only meet an id it did not see when the id's profile was written meanwhile by another process
 * (this one's writes of a profile are serialised by the service's lock): one retry is the expected most.
 */
const MAX_ATTEMPTS = 3;

/** The embedded store rolled this write back (an id was counted already): the caches keep nothing of it. */
class NotWritten extends Error {}

/**
 * Counts heartbeats once and writes what they change, coalesced with other boxes' batches, without reading
 * which ids are new first: the heartbeat ids are inserted only where new (DocumentStore.writeClaimed) in the
 * same write as the change they make, computed for every id not counted before. When some id was counted
 * already (a resend), the change is computed again without it: the embedded store has rolled the whole write
 * back (one savepoint), and it is written again; MongoDB has written it (progress and usage first, the ids
 * after: a crash in between counts a resent heartbeat twice rather than losing it), and the change without
 * the resent ids is written over it. Resolves once durable with the heartbeats counted now. The progress and
 * usage stores' caches hold the records written from then on.
 */
export class WatchingStore {
  constructor(
    private readonly writes: Pick<WriteCoalescer, 'writeClaimed'>,
    private readonly caches: { progress: ReadCache<ProgressRecord>; usage: ReadCache<UsageRecord> },
  ) {}

  /** `changeOf` answers what these heartbeats change; it is asked again if some of them were counted before. */
  async save(
    heartbeats: readonly HeartbeatRecord[],
    changeOf: (fresh: readonly HeartbeatRecord[]) => WatchingChange,
  ): Promise<HeartbeatRecord[]> {
    let fresh = [...heartbeats];
    let claimed = fresh;
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.write(claimed, changeOf(fresh));
      if (result.existing.length === 0) return fresh;
      if (attempt === MAX_ATTEMPTS) throw new Error('heartbeat ids kept changing while being counted');
      const existing = new Set(result.existing);
      fresh = fresh.filter((heartbeat) => !existing.has(heartbeatKey(heartbeat.profileId, heartbeat.id)));
      // Written regardless (MongoDB): the new ids are in; what is left is the change without the resent ones.
      claimed = result.isWritten ? [] : fresh;
      if (claimed.length === 0 && !result.isWritten) return fresh;
    }
  }

  private async write(claimed: readonly HeartbeatRecord[], change: WatchingChange): Promise<ClaimResult> {
    const write = {
      claim: { collection: HEARTBEAT_COLLECTION, docs: claimed.map(toHeartbeatDocument) },
      upserts: [
        { collection: PROGRESS_COLLECTION, docs: change.progress.map(toProgressDocument) },
        { collection: USAGE_COLLECTION, docs: change.usage.map(toUsageDocument) },
      ],
    };
    let result: ClaimResult | undefined;
    try {
      await this.caches.progress.writeMany(
        change.progress.map((record) => [progressKey(record), record]),
        () =>
          this.caches.usage.writeMany(
            change.usage.map((record) => [usageKey(record), record]),
            async () => {
              result = await this.writes.writeClaimed(write);
              if (!result.isWritten) throw new NotWritten();
            },
          ),
      );
    } catch (error) {
      if (!(error instanceof NotWritten)) throw error;
    }
    return result!;
  }
}
