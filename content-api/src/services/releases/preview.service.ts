import { randomInt } from 'node:crypto';
import type { DocumentCollection, DocumentStore, Filter } from '../../db/document-store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { SnapshotChannelSet, type ChannelSet } from './channel-set.ts';
import type { DraftService } from './draft.service.ts';
import { scopeKey, type ScheduledSlot, type Scope } from './scope.ts';

export const PREVIEW_TTL_MS = 15 * 60_000;
type PreviewDocument = { _id: string; region: string; carrier: string; expiresAt: string; createdBy: string };

type Clock = () => Date;

/**
 * Pairing codes that let one box see a scope's draft for 15 minutes (`X-Ketang-Preview`). Codes are stored,
 * so every API instance answers them.
 */
export class PreviewService {
  private readonly codes: DocumentCollection<PreviewDocument>;

  constructor(
    store: DocumentStore,
    private readonly drafts: DraftService,
    private readonly clock: Clock = () => new Date(),
  ) {
    this.codes = store.collection('draft_previews');
  }

  async create(principal: Principal, scope: Scope): Promise<{ code: string; expiresAt: string }> {
    requireAbility(principal, 'preview');
    const now = this.clock().getTime();
    await this.codes.deleteMany({
      expiresAt: { $lte: new Date(now).toISOString() },
    } as Filter<PreviewDocument>);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now + PREVIEW_TTL_MS).toISOString();
    await this.codes.upsertMany([
      { _id: code, region: scope.region, carrier: scope.carrier, expiresAt, createdBy: principal.actor },
    ]);
    return { code, expiresAt };
  }

  /** The scope a valid code previews, or undefined for an unknown or expired one. */
  async scopeOf(code: string): Promise<Scope | undefined> {
    if (!/^\d{6}$/.test(code)) return undefined;
    const preview = await this.codes.findOne({ _id: code } as Filter<PreviewDocument>);
    if (!preview || Date.parse(preview.expiresAt) <= this.clock().getTime()) return undefined;
    return { region: preview.region, carrier: preview.carrier };
  }

  /** The region whose draft curation a valid code shows (catalogue reads under a preview). */
  async regionOf(code: string): Promise<string | undefined> {
    return (await this.scopeOf(code))?.region;
  }

  /** The draft a valid code shows, read afresh (a draft changes while it is previewed). */
  async channelSetOf(code: string): Promise<ChannelSet | undefined> {
    const scope = await this.scopeOf(code);
    if (!scope) return undefined;
    const draft = await this.drafts.asChannelSet(scope);
    const slots = new Map<string, ScheduledSlot[]>();
    for (const day of draft.days)
      slots.set(day.channelId, [...(slots.get(day.channelId) ?? []), ...day.slots]);
    const key = `draft:${scopeKey(scope)}|${draft.revision}`;
    return new SnapshotChannelSet(key, draft.channels, slots, undefined, draft.layouts);
  }
}
