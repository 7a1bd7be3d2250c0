// Tells the box's loader (tools/carrier/loader) that this version works: called once the home is focused.
// Until then the loader counts the version as being tried, and boots the last good one after a failed try.
import { BOOT_STATE_KEY } from '@ketang/contract/carrier-facts';

let isMarked = false;

export function markBootGood(version: string | undefined): void {
  if (isMarked || !version) return;
  isMarked = true;
  try {
    const state = JSON.parse(localStorage.getItem(BOOT_STATE_KEY) ?? '{}') as Record<string, unknown>;
    if (state.trying === version) delete state.trying;
    localStorage.setItem(BOOT_STATE_KEY, JSON.stringify({ ...state, good: version }));
  } catch {
    // No storage (private mode, a full quota) or a broken entry: the loader keeps its own state.
  }
}
