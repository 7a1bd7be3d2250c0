// Boot: pick the platform and load only its chunk. main.ts starts it beside the app's chunk (the platform's
// storage holds the household credential, which the home's first reads need), index.tsx wires the rest.
import { setPlatform } from './current.ts';
import { detectPlatform, type PlatformGlobals } from './detect.ts';
import type { Platform, PlatformName } from './types.ts';

type Globals = PlatformGlobals & Record<string, unknown>;

// One dynamic import per platform: each becomes its own chunk, fetched only on its boxes.
const LOADERS: Record<PlatformName, (globals: Globals) => Promise<Platform>> = {
  browser: () => import('./browser.ts').then((m) => m.createBrowserPlatform()),
  tizen: (g) => import('./tizen.ts').then((m) => m.createTizenPlatform(g.tizen as never, g.webapis as never)),
  webos: (g) =>
    import('./webos.ts').then((m) => m.createWebOsPlatform((g.webOSSystem ?? g.PalmSystem ?? {}) as never)),
  firebolt: () => import('./firebolt.ts').then((m) => m.createFireboltPlatform()),
  rdk: (g) => import('./rdk.ts').then((m) => m.createRdkPlatform((g.__platformSettings ?? {}) as never)),
};

export async function loadPlatform(configured?: PlatformName): Promise<Platform> {
  const globals = globalThis as unknown as Globals;
  const name = detectPlatform(globals, configured);
  let platform: Platform;
  try {
    platform = await LOADERS[name](globals);
  } catch (error) {
    // A platform whose API is missing or broken must not stop the app: the browser's services always work.
    console.warn(
      `platform ${name} unavailable, using browser:`,
      error instanceof Error ? error.message : error,
    );
    platform = await LOADERS.browser(globals);
  }
  setPlatform(platform);
  return platform;
}
