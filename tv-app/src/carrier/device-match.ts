// Which of a carrier's device profiles fits this box: the first whose `match` fits, in the document's order.
import type { CarrierDeviceProfile } from '@ketang/contract';

/** What the box says about itself: its model (from the platform, when it tells) and its user agent. */
export type BoxIdentity = { model?: string; userAgent: string };

function fitsModel(model: string, box: BoxIdentity): boolean {
  if (box.model !== undefined) return box.model.toLowerCase() === model.toLowerCase();
  // Without a platform model, many boxes name theirs in the user agent (e.g. `… EC6108V9 …`).
  return new RegExp(
    `(^|[^A-Za-z0-9])${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9]|$)`,
    'i',
  ).test(box.userAgent);
}

export function pickDeviceProfile(
  profiles: readonly CarrierDeviceProfile[],
  box: BoxIdentity,
): CarrierDeviceProfile | undefined {
  return profiles.find(({ match }) => {
    if (match.model !== undefined && !fitsModel(match.model, box)) return false;
    if (match.userAgent !== undefined && !new RegExp(match.userAgent).test(box.userAgent)) return false;
    return true;
  });
}

/** The box as the browser sees it: a launcher may pass the model as `?model=` (Lightning app launchers do). */
export function currentBox(): BoxIdentity {
  const model = new URLSearchParams(location.search).get('model') ?? undefined;
  return { ...(model ? { model } : {}), userAgent: navigator.userAgent };
}

/** The box's model: what the platform says, else the model of the carrier's profile that matched its user agent. */
export function boxModel(box: BoxIdentity, profile: CarrierDeviceProfile | undefined): string | undefined {
  return box.model ?? profile?.match.model;
}
