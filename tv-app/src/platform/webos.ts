// LG webOS TVs (not tested on hardware; tested in Chromium against a fake `PalmSystem`/`webOSSystem`
// global). Back is key code 461; launch parameters arrive as JSON in launchParams, a relaunch while running
// as a `webOSRelaunch` event on the document.
import { messageLinks } from './browser.ts';
import type { Platform } from './types.ts';
import { localStorageBackend, onVisibility, storedDeviceId } from './web-platform.ts';

export type WebOsSystem = { launchParams?: string; platformBack?(): void };
export const WEBOS_BACK = 461;

function linkFromParams(params: unknown): string | undefined {
  const parsed = typeof params === 'string' ? safeJson(params) : params;
  const link = (parsed as { link?: unknown } | null)?.link;
  return typeof link === 'string' ? link : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function createWebOsPlatform(system: WebOsSystem): Platform {
  const storage = localStorageBackend;
  return {
    name: 'webos',
    // The hardware id needs a Luna service call (webOSTV.js); a stored random id stands until someone needs it.
    device: () => Promise.resolve({ deviceId: storedDeviceId(storage) }),
    storage,
    sendMetric: () => undefined,
    launchLink: () => Promise.resolve(linkFromParams(system.launchParams)),
    onLink(listener) {
      const onRelaunch = (event: Event) => {
        const link = linkFromParams((event as CustomEvent).detail ?? system.launchParams);
        if (link) listener(link);
      };
      document.addEventListener('webOSRelaunch', onRelaunch);
      const stopMessages = messageLinks(listener);
      return () => {
        document.removeEventListener('webOSRelaunch', onRelaunch);
        stopMessages();
      };
    },
    onLifecycle: onVisibility,
    ready: () => undefined,
    close: () => (system.platformBack ? system.platformBack() : window.close()),
    keyCodes: { Back: [WEBOS_BACK] },
  };
}
