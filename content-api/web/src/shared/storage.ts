// Web storage that never throws (private mode, disabled storage): the page then just forgets.
type Area = 'local' | 'session';

function areaOf(area: Area): Storage | undefined {
  try {
    return area === 'local' ? globalThis.localStorage : globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function readStored(key: string, area: Area = 'local'): string | null {
  try {
    return areaOf(area)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string, area: Area = 'local'): void {
  try {
    areaOf(area)?.setItem(key, value);
  } catch {
    // Unavailable or full: nothing to remember, nothing lost.
  }
}

export function removeStored(key: string, area: Area = 'local'): void {
  try {
    areaOf(area)?.removeItem(key);
  } catch {
    // As above.
  }
}
