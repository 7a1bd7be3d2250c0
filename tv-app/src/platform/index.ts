// Boot: wire what the box's platform (platform/load.ts picks and loads it) offers into the app: remote codes,
// deep links (at launch and while running), lifecycle (pause playback in the background).
import { mergeKeyMap, type KeyMapData } from '../focus/key-map.ts';
import { openOrHold } from '../state/held-link.ts';
import { activeProfile } from '../state/profile.ts';
import { routeOfLink } from './deep-link.ts';
import { reportPlayback } from './playback-metrics.ts';
import type { Platform } from './types.ts';

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
