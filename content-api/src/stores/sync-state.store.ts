import type { PreviousSmarteduState, SyncState } from '@ketang/catalog';
import type { DocumentCollection, Filter } from '../db/document-store.ts';

export type SyncTarget = 'textbook' | 'section';

type SyncStateDocument = { _id: string; target: SyncTarget | 'marker'; id: string } & Partial<SyncState>;

const PENDING_REVISION = 'marker:pending-revision';
const keyOf = (target: SyncTarget, id: string) => `${target}:${id}`;

/**
 * What the last sync saw of each textbook and section upstream (its content hash and update time), so the next
 * one skips what is unchanged, plus a marker saying a sync wrote records devices have not been told about yet.
 */
export class SyncStateStore {
  constructor(private readonly states: DocumentCollection<SyncStateDocument>) {}

  async previous(): Promise<Required<PreviousSmarteduState>> {
    const docs = await this.states.find({
      target: { $in: ['textbook', 'section'] },
    } as Filter<SyncStateDocument>);
    const previous: Required<PreviousSmarteduState> = { textbooks: {}, sections: {} };
    for (const doc of docs) {
      const state: SyncState = {
        hash: doc.hash ?? '',
        ...(doc.updatedAt ? { updatedAt: doc.updatedAt } : {}),
      };
      (doc.target === 'textbook' ? previous.textbooks : previous.sections)[doc.id] = state;
    }
    return previous;
  }

  async save(target: SyncTarget, id: string, state: SyncState): Promise<void> {
    await this.states.upsertMany([{ _id: keyOf(target, id), target, id, ...state }]);
  }

  async forget(target: SyncTarget, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.states.deleteMany({
      _id: { $in: ids.map((id) => keyOf(target, id)) },
    } as Filter<SyncStateDocument>);
  }

  /** Set before a sync's first write; cleared once the catalogue revision is bumped (even after a kill). */
  async markRevisionPending(): Promise<void> {
    await this.states.upsertMany([{ _id: PENDING_REVISION, target: 'marker', id: PENDING_REVISION }]);
  }

  async isRevisionPending(): Promise<boolean> {
    return (await this.states.count({ _id: PENDING_REVISION } as Filter<SyncStateDocument>)) > 0;
  }

  async clearRevisionPending(): Promise<void> {
    await this.states.deleteMany({ _id: PENDING_REVISION } as Filter<SyncStateDocument>);
  }
}
