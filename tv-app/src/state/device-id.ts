// A stable anonymous id for this box, so progress and "continue watching" follow it.
import { readStored, writeStored } from './storage.ts';

const STORAGE_KEY = 'ketang.deviceId';

function randomId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `tv-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function getDeviceId(): string {
  const known = readStored(STORAGE_KEY);
  if (known && /^[A-Za-z0-9._:-]{1,128}$/.test(known)) return known;
  const id = randomId();
  writeStored(STORAGE_KEY, id);
  return id;
}
