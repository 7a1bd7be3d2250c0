import type { HomeLayout } from '@ketang/contract';
import type { ScheduledChannel, ScheduledSlot } from './scope.ts';

/** Channels and their slots by channel: a release's or a draft's. */
type Schedule = {
  channels: readonly ScheduledChannel[];
  slots: ReadonlyMap<string, readonly ScheduledSlot[]>;
};

/**
 * What `after` changes against `before`: channels added, changed (any field) or removed, and per channel the
 * slots added and removed (a slot is its start, end and lesson; a moved slot is one removed and one added).
 */
export function compareSchedules(before: Schedule, after: Schedule) {
  const channels = compareChannels(before.channels, after.channels);
  const ids = new Set([...before.channels, ...after.channels].map((channel) => channel.id));
  const slots = [...ids].flatMap((channelId) => {
    const diff = compareSlots(before.slots.get(channelId) ?? [], after.slots.get(channelId) ?? []);
    return diff.added.length + diff.removed.length > 0 ? [{ channelId, ...diff }] : [];
  });
  const hasChanges =
    slots.length > 0 || channels.added.length + channels.changed.length + channels.removed.length > 0;
  return { channels, slots, hasChanges };
}

const channelFingerprint = (channel: ScheduledChannel) =>
  JSON.stringify([
    channel.kind,
    channel.title,
    channel.description ?? null,
    channel.gradeIds,
    channel.catchUpHours,
    channel.timeZone,
    channel.order,
    channel.lessonIds,
    channel.logoUrl ?? null,
  ]);

function compareChannels(before: readonly ScheduledChannel[], after: readonly ScheduledChannel[]) {
  const old = new Map(before.map((channel) => [channel.id, channelFingerprint(channel)]));
  const now = new Map(after.map((channel) => [channel.id, channelFingerprint(channel)]));
  return {
    added: [...now.keys()].filter((id) => !old.has(id)),
    changed: [...now].filter(([id, print]) => old.has(id) && old.get(id) !== print).map(([id]) => id),
    removed: [...old.keys()].filter((id) => !now.has(id)),
  };
}

type SlotChange = { start: string; end: string; lessonId: string };
function compareSlots(before: readonly ScheduledSlot[], after: readonly ScheduledSlot[]) {
  const keyOf = (slot: SlotChange) => `${slot.start}|${slot.end}|${slot.lessonId}`;
  const toChange = (slot: ScheduledSlot): SlotChange => ({
    start: slot.start,
    end: slot.end,
    lessonId: slot.lessonId,
  });
  const old = new Set(before.map(keyOf));
  const now = new Set(after.map(keyOf));
  return {
    added: after.filter((slot) => !old.has(keyOf(slot))).map(toChange),
    removed: before.filter((slot) => !now.has(keyOf(slot))).map(toChange),
  };
}

/** Stages whose layout `after` adds, changes (any rail) or removes against `before`. */
export function compareLayouts(before: readonly HomeLayout[], after: readonly HomeLayout[]) {
  const print = (layout: HomeLayout) => JSON.stringify(layout.rails);
  const old = new Map(before.map((layout) => [layout.stage, print(layout)]));
  const now = new Map(after.map((layout) => [layout.stage, print(layout)]));
  return {
    added: [...now.keys()].filter((stage) => !old.has(stage)),
    changed: [...now].filter(([stage, rails]) => old.has(stage) && old.get(stage) !== rails).map(([s]) => s),
    removed: [...old.keys()].filter((stage) => !now.has(stage)),
  };
}
