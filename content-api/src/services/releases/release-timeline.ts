import type { ReleaseMeta } from '../../stores/release.store.ts';

/** The index of the first time in `sorted` (ascending) after `now`: how many are at or before it. */
function countAtOrBefore(sorted: readonly number[], now: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= now) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A releases revision's publish times, parsed and sorted once (ChannelSets builds one per loaded revision):
 * every device read asks how many releases have taken effect and when the next will, which is then a binary
 * search instead of parsing every release's date.
 */
export class ReleaseTimeline {
  /** Every release's publish time (cancelled ones too: the stamp counts what has taken effect). */
  private readonly published: number[];
  /** The publish times of releases not cancelled: the ones still to take effect change what devices see. */
  private readonly scheduled: number[];

  constructor(metas: readonly ReleaseMeta[]) {
    const timeOf = (meta: ReleaseMeta) => Date.parse(meta.publishAt);
    const ascending = (times: number[]) => times.filter((at) => !Number.isNaN(at)).sort((a, b) => a - b);
    this.published = ascending(metas.map(timeOf));
    this.scheduled = ascending(metas.filter((meta) => !meta.cancelledAt).map(timeOf));
  }

  /** How many releases had been published by `now`. */
  effectiveAt(now: number): number {
    return countAtOrBefore(this.published, now);
  }

  /** When the next release not cancelled takes effect after `now`, if one is waiting. */
  nextAfter(now: number): number | undefined {
    return this.scheduled[countAtOrBefore(this.scheduled, now)];
  }
}
