import type { Release } from '@ketang/contract';
import { AppError, ConflictError, InvalidRequestError } from '../../errors.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { DayRef, ReleaseMeta, ReleaseRecord, ReleaseStore } from '../../stores/release.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { currentRelease, type ChannelSets } from './channel-sets.ts';
import { toDraftChannel, type DraftService } from './draft.service.ts';
import type { PublishedCuration } from './published-curation.ts';
import { scopeKey, type ScheduledSlot, type Scope } from './scope.ts';

/** A publishAt this far in the past is a mistake, not "now" from a slow clock. */
const PAST_TOLERANCE_MS = 60_000;

type Clock = () => Date;

class ReleaseNotFoundError extends AppError {
  constructor(scope: Scope, version: number) {
    super(404, 'not_found', `release ${version} of ${scopeKey(scope)} does not exist`, [
      { path: 'params.version', message: 'unknown release' },
    ]);
  }
}

/**
 * Releases: immutable, versioned snapshots of a scope's draft (channels, slots and home layouts) and of its
 * region's draft curation (`parts.curation`). Which one is current is decided on read (the newest whose
 * publishAt has come), so a scheduled release needs no timer.
 */
export class ReleaseService {
  /** Versions are numbered per scope: writes of one scope wait for each other in this process. */
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly releases: ReleaseStore,
    private readonly drafts: DraftService,
    private readonly channelSets: ChannelSets,
    private readonly audit: AuditStore,
    private readonly curation: PublishedCuration,
    private readonly clock: Clock = () => new Date(),
  ) {}

  async publish(principal: Principal, scope: Scope, input: { note?: string; publishAt?: string }) {
    requireAbility(principal, 'publish');
    const now = this.clock().getTime();
    if (input.publishAt && Date.parse(input.publishAt) < now - PAST_TOLERANCE_MS) {
      throw new InvalidRequestError('publishAt is in the past', [
        { path: 'body.publishAt', message: 'a time to come (or leave it out to publish now)' },
      ]);
    }
    const publishAt = new Date(Math.max(now, input.publishAt ? Date.parse(input.publishAt) : now));
    // Only the days no release holds yet are read whole: publishing costs what changed.
    const draft = await this.drafts.dayRefs(scope);
    const days: DayRef[] = draft.days.map(({ channelId, date, chunk }) => ({ channelId, date, chunk }));
    const chunkIds = [...new Set(days.map((day) => day.chunk))];
    const stored = await this.releases.storedChunks(chunkIds);
    const chunks = await this.drafts.chunks(
      scope,
      chunkIds.filter((id) => !stored.has(id)),
    );
    const slotCount = draft.days.reduce((sum, day) => sum + day.count, 0);
    const curation = await this.curation.snapshotDraft(scope.region);
    return this.addRelease(principal, scope, 'release.publish', {
      content: { channels: draft.channels, days, layouts: draft.layouts, parts: { curation } },
      newChunks: chunks,
      counts: { channels: draft.channels.length, slots: slotCount },
      publishAt: publishAt.toISOString(),
      note: input.note,
    });
  }

  /** A new release, published now, with the content of an earlier one (one step, whatever came since). */
  async rollback(principal: Principal, scope: Scope, version: number) {
    requireAbility(principal, 'publish');
    const target = await this.record(scope, version);
    if (stateOf(target, await this.currentVersion(scope), this.clock().getTime()) === 'scheduled') {
      throw new ConflictError(`release ${version} has not been published yet; cancel it instead`);
    }
    const curation = await this.curation.partOfRelease(target);
    return this.addRelease(principal, scope, 'release.rollback', {
      content: {
        channels: target.channels,
        days: target.days,
        layouts: target.layouts ?? [],
        parts: { ...target.parts, curation },
      },
      newChunks: new Map(),
      counts: target.counts,
      publishAt: this.clock().toISOString(),
      restores: version,
    });
  }

  async cancel(principal: Principal, scope: Scope, version: number): Promise<void> {
    requireAbility(principal, 'publish');
    await this.locked(scope, async () => {
      const target = await this.record(scope, version);
      if (stateOf(target, await this.currentVersion(scope), this.clock().getTime()) !== 'scheduled') {
        throw new ConflictError(
          `release ${version} is not scheduled: only a release still to come can be cancelled`,
        );
      }
      await this.releases.cancel(scopeKey(scope), version, this.clock().toISOString());
      await this.audit.add({
        actor: principal.actor,
        action: 'release.cancel',
        target: `release:${scopeKey(scope)}|${version}`,
        region: scope.region,
        before: { version, publishAt: target.publishAt },
      });
      await this.channelSets.reload();
    });
  }

  async list(principal: Principal, scope: Scope): Promise<{ items: Release[]; current: number | null }> {
    requireAbility(principal, 'readSchedule');
    const metas = (await this.channelSets.scopeMetas(scope)).filter((meta) => !meta.cancelledAt);
    const now = this.clock().getTime();
    const current = currentRelease(metas, now)?.version ?? null;
    const items = metas.sort((a, b) => b.version - a.version).map((meta) => toRelease(meta, current, now));
    return { items, current };
  }

  async get(principal: Principal, scope: Scope, version: number) {
    requireAbility(principal, 'readSchedule');
    const record = await this.record(scope, version);
    const chunks = await this.releases.readChunks([...new Set(record.days.map((day) => day.chunk))]);
    const channels = record.channels.map((channel) => ({
      ...toDraftChannel(channel),
      slots: record.days
        .filter((day) => day.channelId === channel.id)
        .flatMap((day) => chunks.get(day.chunk) ?? [])
        .map((slot) => ({ id: slot.id, start: slot.start, end: slot.end, lessonId: slot.lessonId })),
    }));
    const release = toRelease(record, await this.currentVersion(scope), this.clock().getTime());
    return { ...release, channels, layouts: record.layouts ?? [] };
  }

  private async addRelease(
    principal: Principal,
    scope: Scope,
    action: 'release.publish' | 'release.rollback',
    input: {
      content: Pick<ReleaseRecord, 'channels' | 'days' | 'layouts' | 'parts'>;
      newChunks: Map<string, ScheduledSlot[]>;
      counts: ReleaseMeta['counts'];
      publishAt: string;
      note?: string;
      restores?: number;
    },
  ): Promise<Release> {
    return this.locked(scope, async () => {
      const key = scopeKey(scope);
      const before = await this.currentVersion(scope);
      const version = (await this.releases.lastVersion(key)) + 1;
      const record: ReleaseRecord = {
        region: scope.region,
        carrier: scope.carrier,
        version,
        createdAt: this.clock().toISOString(),
        createdBy: principal.actor,
        publishAt: input.publishAt,
        ...(input.note ? { note: input.note } : {}),
        ...(input.restores !== undefined
          ? { rolledBackFrom: before ?? undefined, restores: input.restores }
          : {}),
        counts: input.counts,
        ...input.content,
      };
      await this.releases.add(key, record, input.newChunks);
      await this.channelSets.reload();
      const after = await this.currentVersion(scope);
      await this.audit.add({
        actor: principal.actor,
        action,
        target: `release:${key}|${version}`,
        region: scope.region,
        before: { version: before },
        after: { version, current: after, publishAt: input.publishAt, restores: input.restores },
      });
      return toRelease(record, after, this.clock().getTime());
    });
  }

  private async record(scope: Scope, version: number): Promise<ReleaseRecord> {
    const record = await this.releases.get(scopeKey(scope), version);
    if (!record || record.cancelledAt) throw new ReleaseNotFoundError(scope, version);
    return record;
  }

  private async currentVersion(scope: Scope): Promise<number | null> {
    const metas = await this.channelSets.scopeMetas(scope);
    return currentRelease(metas, this.clock().getTime())?.version ?? null;
  }

  private async locked<T>(scope: Scope, work: () => Promise<T>): Promise<T> {
    const key = scopeKey(scope);
    const previous = this.locks.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const settled = run.catch(() => undefined);
    this.locks.set(key, settled);
    try {
      return await run;
    } finally {
      if (this.locks.get(key) === settled) this.locks.delete(key);
    }
  }
}

function stateOf(meta: ReleaseMeta, current: number | null, now: number): Release['state'] {
  if (meta.version === current) return 'current';
  return Date.parse(meta.publishAt) > now ? 'scheduled' : 'past';
}

function toRelease(meta: ReleaseMeta, current: number | null, now: number): Release {
  return {
    version: meta.version,
    region: meta.region,
    carrier: meta.carrier,
    createdAt: meta.createdAt,
    createdBy: meta.createdBy,
    publishAt: meta.publishAt,
    ...(meta.note ? { note: meta.note } : {}),
    ...(meta.rolledBackFrom !== undefined ? { rolledBackFrom: meta.rolledBackFrom } : {}),
    ...(meta.restores !== undefined ? { restores: meta.restores } : {}),
    counts: meta.counts,
    ...(meta.parts?.curation ? { parts: { curation: meta.parts.curation.counts } } : {}),
    state: stateOf(meta, current, now),
  };
}
