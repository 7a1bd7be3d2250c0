import { createHash } from 'node:crypto';
import type { HomeLayout } from '@ketang/contract';
import type { DocumentCollection, DocumentStore, Filter } from '../db/document-store.ts';
import type { CurationPartRef } from '../services/releases/curation-part.ts';
import type { ScheduledChannel, ScheduledSlot } from '../services/releases/scope.ts';

export const RELEASES = 'releases';
export const SLOT_CHUNKS = 'slot_chunks';

/** What a release is, without its content: what lists and the choice of the current release read. */
export type ReleaseMeta = {
  region: string;
  carrier: string;
  version: number;
  createdAt: string;
  createdBy: string;
  publishAt: string;
  note?: string;
  /** A rollback: the release that was current when it was made. */
  rolledBackFrom?: number;
  /** A rollback: the release whose content it publishes again. */
  restores?: number;
  counts: { channels: number; slots: number };
  cancelledAt?: string;
  /** What the snapshot holds beside channels and timetables, each part by reference (kept small: metas carry it). */
  parts?: ReleaseParts;
};
/**
 * A release's further parts, each a reference to content stored once and shared. Curation is the region's, taken
 * from its draft at publish (absent in releases made before curation joined: the region's baseline then).
 */
export type ReleaseParts = { curation?: CurationPartRef };
/** A channel's slots on one day, by the content hash of the chunk that holds them. */
export type DayRef = { channelId: string; date: string; chunk: string };
/**
 * A release's content: its channels, and its slots as references to day chunks stored once by content hash,
 * so a release shares every unchanged day with the one before it (publishing writes only changed days, a
 * rollback none); and its home layouts by stage (absent in releases made before layouts: the built-in one).
 * Curation joins as a part of the meta (`parts.curation`, a reference to a part stored once).
 */
export type ReleaseContent = { channels: ScheduledChannel[]; days: DayRef[]; layouts?: HomeLayout[] };
export type ReleaseRecord = ReleaseMeta & ReleaseContent;

type ReleaseDocument = ReleaseRecord & { _id: string; scope: string };
type ChunkDocument = { _id: string; slots: ScheduledSlot[] };

const META_FIELDS = [
  'region',
  'carrier',
  'version',
  'createdAt',
  'createdBy',
  'publishAt',
  'note',
  'rolledBackFrom',
  'restores',
  'counts',
  'cancelledAt',
  'parts',
] as const;
/** A day's slots are stored once, under the hash of their content. */
export const chunkIdOf = (slots: readonly ScheduledSlot[]): string =>
  createHash('sha256').update(JSON.stringify(slots)).digest('base64url').slice(0, 32);

const releaseId = (scope: string, version: number) => `${scope}|${String(version).padStart(10, '0')}`;

/** Releases per scope (`region|carrier`) and the day chunks they share. */
export class ReleaseStore {
  private readonly releases: DocumentCollection<ReleaseDocument>;
  private readonly chunks: DocumentCollection<ChunkDocument>;

  constructor(private readonly store: DocumentStore) {
    this.releases = store.collection(RELEASES);
    this.chunks = store.collection(SLOT_CHUNKS);
  }

  static async createIndexes(store: DocumentStore): Promise<void> {
    await store.collection(RELEASES).createIndex({ scope: 1, version: 1 });
  }

  /** Every release's meta, cancelled ones included (they keep their version number). */
  async listMetas(): Promise<ReleaseMeta[]> {
    const docs = await this.releases.find({}, { fields: META_FIELDS });
    return docs.map(({ _id, scope: _scope, ...meta }) => meta as ReleaseMeta);
  }

  async get(scope: string, version: number): Promise<ReleaseRecord | undefined> {
    const doc = await this.releases.findOne({ _id: releaseId(scope, version) } as Filter<ReleaseDocument>);
    if (!doc) return undefined;
    const { _id, scope: _scope, ...record } = doc;
    return record;
  }

  async lastVersion(scope: string): Promise<number> {
    const [last] = await this.releases.find({ scope } as Filter<ReleaseDocument>, {
      sort: { version: -1 },
      limit: 1,
      fields: ['version'],
    });
    return last?.version ?? 0;
  }

  /** Which of these chunks are stored already. */
  async storedChunks(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.chunks.find({ _id: { $in: [...ids] } } as Filter<ChunkDocument>, {
      fields: ['_id'],
    });
    return new Set(docs.map((doc) => doc._id));
  }

  async readChunks(ids: readonly string[]): Promise<Map<string, ScheduledSlot[]>> {
    if (ids.length === 0) return new Map();
    const docs = await this.chunks.find({ _id: { $in: [...ids] } } as Filter<ChunkDocument>);
    return new Map(docs.map((doc) => [doc._id, doc.slots]));
  }

  /** Stores new chunks, then the release that refers to them (a release never names a missing chunk). */
  async add(scope: string, release: ReleaseRecord, newChunks: ReadonlyMap<string, ScheduledSlot[]>) {
    const doc: ReleaseDocument = { ...release, _id: releaseId(scope, release.version), scope };
    const chunkDocs = [...newChunks].map(([id, slots]) => ({ _id: id, slots }));
    await this.store.upsertTogether([
      ...(chunkDocs.length > 0 ? [{ collection: SLOT_CHUNKS, docs: chunkDocs }] : []),
      { collection: RELEASES, docs: [doc] },
    ]);
  }

  async cancel(scope: string, version: number, at: string): Promise<void> {
    await this.releases.updateMany({ _id: releaseId(scope, version) } as Filter<ReleaseDocument>, {
      $set: { cancelledAt: at },
    });
  }
}
