// The last Browse choice (facet path and unit), so a family lands where it left off.
import { readStoredJson, writeStored } from './storage.ts';

const STORAGE_KEY = 'ketang.browse';
export type BrowseChoice = { path: string[]; unitId?: string };

export function readBrowseChoice(): BrowseChoice {
  const stored = readStoredJson<BrowseChoice>(STORAGE_KEY);
  const isValid = stored && Array.isArray(stored.path) && stored.path.every((id) => typeof id === 'string');
  return isValid ? stored : { path: [] };
}

export function writeBrowseChoice(choice: BrowseChoice): void {
  writeStored(STORAGE_KEY, JSON.stringify(choice));
}
