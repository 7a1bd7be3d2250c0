import type { DraftChannel, DraftChannelBody, HomeLayout } from '@ketang/contract';
import { InvalidRequestError, NotFoundError } from '../../errors.ts';
import type { AuditStore } from '../../stores/audit.store.ts';
import type { DraftDay, DraftStore } from '../../stores/draft.store.ts';
import { requireAbility, type Principal } from '../auth.service.ts';
import { auditDraftChange } from './draft-audit.ts';
import type { CatalogueViews } from '../catalogue-view.ts';
import { zonedDate } from '../time-zone.ts';
import type { ChannelSet } from './channel-set.ts';
import type { ChannelSets } from './channel-sets.ts';
import { compareLayouts, compareSchedules } from './draft-changes.ts';
import { compareCuration } from './curation-part.ts';
import type { PublishedCuration } from './published-curation.ts';
import { addDays, planDraftSlots, type SlotsChange } from './slot-plan.ts';
import { scopeKey, type ScheduledChannel, type ScheduledSlot, type Scope } from './scope.ts';

/**
 * A scope's draft of channels, timetables and home layouts: what operators edit before a release. A scope's
 * draft begins as a copy of what its devices see now (its release, by the fallback chain, else the catalogue's
 * channels and no layouts). Layouts are written by the LayoutDraftService.
 */
export class DraftService {
  constructor(
    private readonly drafts: DraftStore,
    private readonly channelSets: ChannelSets,
    private readonly views: CatalogueViews,
    private readonly audit: AuditStore,
    private readonly curation: PublishedCuration,
  ) {}

  async listChannels(principal: Principal, scope: Scope): Promise<{ items: DraftChannel[] }> {
    requireAbility(principal, 'readSchedule');
    return { items: (await this.asChannelSet(scope)).channels.map(toDraftChannel) };
  }

  async putChannel(principal: Principal, scope: Scope, channelId: string, body: DraftChannelBody) {
    requireAbility(principal, 'editSchedule');
    await this.checkGrades(body.gradeIds, scope.region);
    await this.ensureDraft(scope);
    const key = scopeKey(scope);
    const before = await this.drafts.getChannel(key, channelId);
    const channel: ScheduledChannel = {
      id: channelId,
      kind: before?.kind ?? 'linear',
      lessonIds: before?.lessonIds ?? [],
      ...(before?.logoUrl ? { logoUrl: before.logoUrl } : {}),
      title: body.title,
      ...(body.description ? { description: body.description } : {}),
      gradeIds: body.gradeIds,
      catchUpHours: body.catchUpHours,
      timeZone: body.timeZone,
      order: body.order,
    };
    await this.drafts.putChannel(key, channel);
    await this.record(principal, 'draft.channel.put', scope, channelId, before, channel);
    return toDraftChannel(channel);
  }

  async removeChannel(principal: Principal, scope: Scope, channelId: string): Promise<void> {
    requireAbility(principal, 'editSchedule');
    // An unknown channel is 404 before the draft is started: a failed removal writes nothing.
    if (!(await this.asChannelSet(scope)).channels.some((channel) => channel.id === channelId))
      throw new NotFoundError('channel', channelId);
    const channel = await this.draftChannel(scope, channelId);
    await this.drafts.removeChannel(scopeKey(scope), channelId);
    await this.record(principal, 'draft.channel.remove', scope, channelId, channel, undefined);
  }

  async slots(principal: Principal, scope: Scope, channelId: string, range: { from: string; days: number }) {
    requireAbility(principal, 'readSchedule');
    const draft = await this.asChannelSet(scope);
    if (!draft.channels.some((channel) => channel.id === channelId))
      throw new NotFoundError('channel', channelId);
    const until = addDays(range.from, range.days);
    const days = draft.days
      .filter((day) => day.channelId === channelId && day.date >= range.from && day.date < until)
      .sort((a, b) => a.date.localeCompare(b.date));
    return {
      items: await this.withLessons(
        days.flatMap((day) => day.slots),
        scope.region,
      ),
    };
  }

  /**
   * Replaces a channel's draft slots on the days [from, from+days) of its time zone (and the repeated weekdays
   * after), all or nothing. Problems come back as one 400 with a detail per problem, each with the slot's
   * `index` in `change.slots`, so an importer can name the spreadsheet row.
   */
  async replaceDraftSlots(principal: Principal, scope: Scope, channelId: string, change: SlotsChange) {
    requireAbility(principal, 'editSchedule');
    const channel = await this.draftChannel(scope, channelId);
    const view = await this.views.current(scope.region);
    const key = scopeKey(scope);
    const [dayBefore] = await this.drafts.daysBetween(key, channelId, addDays(change.from, -1), change.from);
    const plan = planDraftSlots({
      change,
      channelId,
      timeZone: channel.timeZone,
      durationOf: (lessonId) => view.lessons.get(lessonId)?.durationSeconds,
      keptBefore: dayBefore?.slots ?? [],
    });
    if ('problems' in plan) {
      throw new InvalidRequestError(
        `the timetable has ${plan.problems.length} problem(s); nothing was changed`,
        plan.problems,
      );
    }
    await this.drafts.putDays(key, plan.days);
    await this.record(principal, 'draft.slots.replace', scope, channelId, undefined, {
      from: change.from,
      days: change.days,
      repeat: change.repeat,
      daysWritten: plan.days.length,
      slots: plan.days.reduce((sum, day) => sum + day.slots.length, 0),
    });
    const written = plan.days.filter((day) => day.date < addDays(change.from, change.days));
    return {
      items: await this.withLessons(
        written.flatMap((day) => day.slots),
        scope.region,
      ),
    };
  }

  /**
   * What the draft changes against what the scope's devices see now: the console's "unpublished changes", the
   * region's curation among them (every carrier of the region shares it).
   */
  async changes(principal: Principal, scope: Scope) {
    requireAbility(principal, 'readSchedule');
    const draft = await this.asChannelSet(scope);
    const published = await this.channelSets.published(scope);
    const [before, beforeSlots, curationBefore, curationAfter] = await Promise.all([
      published.channels(),
      published.allSlots(),
      this.curation.publishedPart(scope.region),
      this.curation.draftPart(scope.region),
    ]);
    const curation = compareCuration(curationBefore, curationAfter);
    const draftSlots = new Map<string, ScheduledSlot[]>();
    for (const day of draft.days)
      draftSlots.set(day.channelId, [...(draftSlots.get(day.channelId) ?? []), ...day.slots]);
    const { channels, slots, hasChanges } = compareSchedules(
      { channels: before, slots: beforeSlots },
      { channels: draft.channels, slots: draftSlots },
    );
    const layouts = compareLayouts(published.layouts(), draft.layouts);
    return {
      region: scope.region,
      carrier: scope.carrier,
      against: published.release ?? null,
      channels,
      slots,
      layouts,
      curation,
      hasChanges:
        hasChanges ||
        layouts.added.length + layouts.changed.length + layouts.removed.length > 0 ||
        curation.hasChanges,
    };
  }

  /** The draft's channels, layouts and non-empty days by chunk id (a release's content, without the slots). */
  async dayRefs(scope: Scope) {
    await this.ensureDraft(scope);
    const key = scopeKey(scope);
    const [channels, days, layouts] = await Promise.all([
      this.drafts.listChannels(key),
      this.drafts.dayRefs(key),
      this.drafts.listLayouts(key),
    ]);
    const kept = new Set(channels.map((channel) => channel.id));
    return { channels, days: days.filter((day) => kept.has(day.channelId)), layouts };
  }

  /** Slots of the draft's days by chunk id. */
  chunks(scope: Scope, ids: readonly string[]) {
    return this.drafts.chunks(scopeKey(scope), ids);
  }

  /**
   * The draft as a channel set: what a release would hold, and what a preview shows. A scope without a draft
   * reads what its draft would begin as, and nothing is written (revision 0): a draft starts at its first write.
   */
  async asChannelSet(scope: Scope): Promise<{
    channels: ScheduledChannel[];
    days: DraftDay[];
    layouts: readonly HomeLayout[];
    revision: number;
  }> {
    const key = scopeKey(scope);
    const revision = await this.drafts.revision(key);
    if (revision === undefined) {
      const published = await this.channelSets.published(scope);
      const [channels, days] = await Promise.all([published.channels(), daysOf(published)]);
      return { channels, days, layouts: published.layouts(), revision: 0 };
    }
    const [channels, days, layouts] = await Promise.all([
      this.drafts.listChannels(key),
      this.drafts.allDays(key),
      this.drafts.listLayouts(key),
    ]);
    const kept = new Set(channels.map((channel) => channel.id));
    return { channels, days: days.filter((day) => kept.has(day.channelId)), layouts, revision };
  }

  /** Starts a scope's draft when it has none (before its first write); answers its revision. */
  async ensureDraft(scope: Scope): Promise<number> {
    const key = scopeKey(scope);
    const revision = await this.drafts.revision(key);
    if (revision !== undefined) return revision;
    const published = await this.channelSets.published(scope);
    await this.drafts.create(key, await published.channels(), await daysOf(published), published.layouts());
    return 1;
  }

  private async draftChannel(scope: Scope, channelId: string): Promise<ScheduledChannel> {
    await this.ensureDraft(scope);
    const channel = await this.drafts.getChannel(scopeKey(scope), channelId);
    if (!channel) throw new NotFoundError('channel', channelId);
    return channel;
  }

  private async checkGrades(gradeIds: readonly string[], region: string): Promise<void> {
    const view = await this.views.current(region);
    const problems = gradeIds.flatMap((id, index) =>
      view.facets.get(id)?.kind === 'grade'
        ? []
        : [{ path: `body.gradeIds.${index}`, message: `unknown grade "${id}"` }],
    );
    if (problems.length > 0) throw new InvalidRequestError('the channel names unknown grades', problems);
  }

  private async withLessons(slots: readonly ScheduledSlot[], region: string) {
    const view = await this.views.current(region);
    return slots.map((slot) => {
      const lesson = view.lessons.get(slot.lessonId);
      return {
        id: slot.id,
        start: slot.start,
        end: slot.end,
        lessonId: slot.lessonId,
        ...(lesson
          ? {
              lesson: {
                title: lesson.title,
                durationSeconds: lesson.durationSeconds,
                playable: lesson.playable,
              },
            }
          : {}),
      };
    });
  }

  private record(
    principal: Principal,
    action: string,
    scope: Scope,
    channelId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> {
    return auditDraftChange(this.audit, principal, {
      action,
      scope,
      kind: 'channel',
      id: channelId,
      before,
      after,
    });
  }
}

/** A channel set's slots as draft days: each slot under its start's date in its channel's zone. */
export async function daysOf(set: ChannelSet): Promise<DraftDay[]> {
  const channels = await set.channels();
  const all = await set.allSlots();
  const days = new Map<string, DraftDay>();
  for (const channel of channels) {
    for (const slot of all.get(channel.id) ?? []) {
      const date = zonedDate(channel.timeZone, new Date(slot.start));
      const key = `${channel.id}|${date}`;
      const day = days.get(key) ?? { channelId: channel.id, date, slots: [] };
      day.slots.push(slot);
      days.set(key, day);
    }
  }
  return [...days.values()];
}

export function toDraftChannel(channel: ScheduledChannel): DraftChannel {
  return {
    id: channel.id,
    kind: channel.kind,
    title: channel.title,
    ...(channel.description ? { description: channel.description } : {}),
    gradeIds: channel.gradeIds,
    catchUpHours: channel.catchUpHours,
    timeZone: channel.timeZone,
    order: channel.order,
  };
}
