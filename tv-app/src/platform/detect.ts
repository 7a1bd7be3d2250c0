// Which platform this box is: carrier.json's `platform` wins, else the globals each platform puts on window.
import type { PlatformName } from './types.ts';

export type PlatformGlobals = {
  tizen?: unknown;
  webOSSystem?: unknown;
  PalmSystem?: unknown;
  __firebolt?: unknown;
  __platformSettings?: unknown;
};

export function detectPlatform(globals: PlatformGlobals, configured?: PlatformName): PlatformName {
  if (configured) return configured;
  if (globals.tizen) return 'tizen';
  if (globals.webOSSystem || globals.PalmSystem) return 'webos';
  if (globals.__firebolt) return 'firebolt';
  if (globals.__platformSettings) return 'rdk';
  return 'browser';
}
