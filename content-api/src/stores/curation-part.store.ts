import type { DocumentCollection, DocumentStore, Filter } from '../db/document-store.ts';
import { curationPartId, type CurationPart } from '../services/releases/curation-part.ts';

export const CURATION_PARTS = 'curation_parts';
export const CURATION_BASELINE = 'curation_baseline';

type PartDocument = { _id: string; part: CurationPart };
/** Per region, the part that was live when curation became a draft: what a region without a release shows. */
type BaselineDocument = { _id: 'baseline'; layers: Record<string, string> };

/**
 * Published curation: region parts stored once by content hash (releases refer to them, as they do to day
 * chunks), and the baseline taken from the live curation on upgrade.
 */
export class CurationPartStore {
  private readonly parts: DocumentCollection<PartDocument>;
  private readonly baselines: DocumentCollection<BaselineDocument>;

  constructor(private readonly store: DocumentStore) {
    this.parts = store.collection(CURATION_PARTS);
    this.baselines = store.collection(CURATION_BASELINE);
  }

  async read(ids: readonly string[]): Promise<Map<string, CurationPart>> {
    if (ids.length === 0) return new Map();
    const docs = await this.parts.find({ _id: { $in: [...ids] } } as Filter<PartDocument>);
    return new Map(docs.map((doc) => [doc._id, doc.part]));
  }

  /** Stores parts (idempotent: a part's id is its content) and answers their ids. */
  async add(parts: readonly CurationPart[]): Promise<string[]> {
    const docs = parts.map((part) => ({ _id: curationPartId(part), part }));
    if (docs.length > 0) await this.parts.upsertMany(docs);
    return docs.map((doc) => doc._id);
  }

  /** The baseline's part id per region, or undefined before the upgrade took it. */
  async baseline(): Promise<Record<string, string> | undefined> {
    const doc = await this.baselines.findOne({ _id: 'baseline' } as Filter<BaselineDocument>);
    return doc?.layers;
  }

  /** Stores the baseline's parts, then the baseline that names them (it never names a missing part). */
  async setBaseline(parts: readonly CurationPart[]): Promise<Record<string, string>> {
    const docs = parts.map((part) => ({ _id: curationPartId(part), part }));
    const layers = Object.fromEntries(docs.map((doc) => [doc.part.region, doc._id]));
    const baseline: BaselineDocument = { _id: 'baseline', layers };
    await this.store.upsertTogether([
      ...(docs.length > 0 ? [{ collection: CURATION_PARTS, docs }] : []),
      { collection: CURATION_BASELINE, docs: [baseline] },
    ]);
    return layers;
  }
}
