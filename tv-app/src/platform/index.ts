// Boot: pick the platform, load only its chunk, and wire what it offers into the app: storage, remote codes,
// deep links (at launch and while running), lifecycle (pause playback in the background).
import { mergeKeyMap, type KeyMapData } from '../focus/key-map.ts';
import { openOrHold } from '../state/held-link.ts';
import { activeProfile } from '../state/profile.ts';
import { setPlatform } from './current.ts';
import { routeOfLink } from './deep-link.ts';
import { detectPlatform, type PlatformGlobals } from './detect.ts';
import { reportPlayback } from './playback-metrics.ts';
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

/** The carrier's key map with the platform's remote codes added (the carrier's own codes stay). */
export function withPlatformKeys(keyMap: KeyMapData, platform: Platform): KeyMapData {
  const added = Object.fromEntries(
    Object.entries(platform.keyCodes).map(([action, codes]) => [
      action,
      [...new Set([...keyMap[action as keyof KeyMapData], ...(codes ?? [])])],
    ]),
  );
  return mergeKeyMap(keyMap, added);
}

function openLink(link: string): void {
  const route = routeOfLink(link);
  if (!route) return void console.warn('deep link ignored:', link);
  // Without a profile yet the family creates or picks one first; Home then opens the held link.
  openOrHold(route, activeProfile() !== undefined, (to) => (window.location.hash = `#${to}`));
}

/** Deep links and lifecycle, once the first screen renders. */
export async function wirePlatform(platform: Platform): Promise<void> {
  platform.onLink(openLink);
  reportPlayback(platform);
  platform.onLifecycle((state) => {
    // Nothing plays behind the launcher: the child resumes where they were (the player keeps its position).
    if (state !== 'foreground') document.querySelectorAll('video').forEach((video) => video.pause());
  });
  const link = await platform.launchLink().catch(() => undefined);
  if (link) openLink(link);
  platform.ready();
}
