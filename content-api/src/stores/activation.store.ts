import type { DocumentCollection, Filter } from '../db/document-store.ts';

/**
 * One activation code a box showed (docs/activation.md). `pending` until a phone or a CRM binds it; `burned`
 * after too many failed binds. The box's credential is issued at its first poll after binding, once
 * (`handedOutAt`), so the store never holds a usable secret: only the hash of the poll token.
 */
export type ActivationRecord = {
  code: string;
  pollTokenHash: string;
  createdAt: string;
  expiresAt: string;
  state: 'pending' | 'bound' | 'burned';
  failedBinds: number;
  householdId?: string;
  deviceId?: string;
  region?: string;
  boundAt?: string;
  boundBy?: string;
  handedOutAt?: string;
};
type ActivationDocument = Omit<ActivationRecord, 'code'> & { _id: string };
type Bound = Required<Pick<ActivationRecord, 'householdId' | 'deviceId' | 'boundAt' | 'boundBy'>> &
  Pick<ActivationRecord, 'region'>;

const toRecord = ({ _id, ...rest }: ActivationDocument): ActivationRecord => ({ ...rest, code: _id });

/** Activation codes by code; each conditional update is one atomic filter + set, so two binds cannot both win. */
export class ActivationStore {
  constructor(private readonly activations: DocumentCollection<ActivationDocument>) {}

  static async createIndexes(activations: DocumentCollection<ActivationDocument>): Promise<void> {
    await activations.createIndex({ pollTokenHash: 1 });
    await activations.createIndex({ expiresAt: 1 });
  }

  async add(record: ActivationRecord): Promise<void> {
    const { code, ...rest } = record;
    await this.activations.upsertMany([{ ...rest, _id: code }]);
  }

  async byCode(code: string): Promise<ActivationRecord | undefined> {
    const doc = await this.activations.findOne({ _id: code } as Filter<ActivationDocument>);
    return doc ? toRecord(doc) : undefined;
  }

  async byPollTokenHash(pollTokenHash: string): Promise<ActivationRecord | undefined> {
    const doc = await this.activations.findOne({ pollTokenHash } as Filter<ActivationDocument>);
    return doc ? toRecord(doc) : undefined;
  }

  /** Binds a pending, unexpired code; false when it was no longer pending (another bind won) or expired. */
  async bind(code: string, now: Date, bound: Bound): Promise<boolean> {
    const filter = { _id: code, state: 'pending', expiresAt: { $gt: now.toISOString() } };
    const changed = await this.activations.updateMany(filter as Filter<ActivationDocument>, {
      $set: { ...bound, state: 'bound' },
    });
    return changed === 1;
  }

  /** Counts a failed bind; at `limit` the code is burned (the box shows a new one). */
  async failBind(record: ActivationRecord, limit: number): Promise<void> {
    const failedBinds = record.failedBinds + 1;
    const filter = { _id: record.code, state: 'pending' };
    await this.activations.updateMany(filter as Filter<ActivationDocument>, {
      $set: { failedBinds, ...(failedBinds >= limit ? { state: 'burned' as const } : {}) },
    });
  }

  /** Marks the credential handed out; true for exactly one caller. */
  async claimHandout(code: string, now: Date): Promise<boolean> {
    const filter = { _id: code, state: 'bound', handedOutAt: { $exists: false } };
    const changed = await this.activations.updateMany(filter as Filter<ActivationDocument>, {
      $set: { handedOutAt: now.toISOString() },
    });
    return changed === 1;
  }

  /** Codes that expired before `before` are of no more use (the bound ones were handed out or abandoned). */
  async purgeExpired(before: Date): Promise<number> {
    return this.activations.deleteMany({
      expiresAt: { $lt: before.toISOString() },
    } as Filter<ActivationDocument>);
  }
}
