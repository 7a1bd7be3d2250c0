// The region the operator works on (a province code such as `jx`), remembered in this browser.
import { createSignal } from 'solid-js';
import { readStored, writeStored } from '../shared/storage.ts';

const STORAGE_KEY = 'ketang.console.region';
export const REGION_PATTERN = /^(national|[a-z]{2,8})$/;

const [region, setRegionSignal] = createSignal(readStored(STORAGE_KEY) ?? 'jx');
export { region };

export function setRegion(next: string): void {
  if (!REGION_PATTERN.test(next)) return;
  writeStored(STORAGE_KEY, next);
  setRegionSignal(next);
}
