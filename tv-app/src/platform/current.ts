// The platform chosen at boot; until then (and in unit tests) the plain web storage.
import type { Platform, PlatformStorage } from './types.ts';
import { localStorageBackend } from './web-platform.ts';

let current: Platform | undefined;

export function setPlatform(platform: Platform): void {
  current = platform;
}

export function currentPlatform(): Platform | undefined {
  return current;
}

export function platformStorage(): PlatformStorage {
  return current?.storage ?? localStorageBackend;
}
