// The box's key/value storage, through the platform adapter (localStorage on a browser; never throws).
import { platformStorage } from '../platform/current.ts';

export function readStored(key: string): string | null {
  return platformStorage().get(key);
}

export function writeStored(key: string, value: string): void {
  platformStorage().set(key, value);
}

export function readStoredJson<T>(key: string): T | null {
  const raw = readStored(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
