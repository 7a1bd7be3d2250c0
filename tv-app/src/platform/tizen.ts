// Samsung Tizen TVs (not tested on hardware; tested in Chromium against a fake `tizen` global, see
// docs/platform.md). Keys beyond the arrows, Enter and Return must be registered with
// tizen.tvinputdevice before the app receives them; their codes come from the same API.
import { messageLinks } from './browser.ts';
import type { KeyAction, KeyBinding } from '../focus/key-map.ts';
import type { Platform } from './types.ts';
import { localStorageBackend, onVisibility, storedDeviceId } from './web-platform.ts';

type TizenAppControl = { data?: { key: string; value: string[] }[] };
export type TizenGlobal = {
  tvinputdevice?: {
    registerKey(name: string): void;
    getKey(name: string): { name: string; code: number } | null;
  };
  application?: {
    getCurrentApplication(): {
      exit(): void;
      getRequestedAppControl(): { appControl: TizenAppControl } | null;
    };
  };
};
type WebApis = { productinfo?: { getDuid?(): string } };

// The remote's keys we act on, by their Tizen names (tizen.tvinputdevice.getSupportedKeys()).
const TIZEN_KEYS: Partial<Record<KeyAction, string>> = {
  PlayPause: 'MediaPlayPause',
  Play: 'MediaPlay',
  Pause: 'MediaPause',
  Stop: 'MediaStop',
  Rewind: 'MediaRewind',
  FastForward: 'MediaFastForward',
  Info: 'Info',
  Profiles: 'ColorF3Blue',
  ...Object.fromEntries(Array.from({ length: 10 }, (_, n) => [`Digit${n}`, String(n)])),
};
/** Return on a Samsung remote (also `tizenhwkey` on older firmware). */
export const TIZEN_BACK = 10009;

function appControlLink(control: TizenAppControl | undefined): string | undefined {
  const entry = control?.data?.find((item) => item.key === 'link' || item.key === 'PAYLOAD');
  return entry?.value[0];
}

export function createTizenPlatform(tizen: TizenGlobal, webapis?: WebApis): Platform {
  const storage = localStorageBackend;
  const keyCodes: Partial<Record<KeyAction, KeyBinding[]>> = { Back: [TIZEN_BACK] };
  for (const [action, name] of Object.entries(TIZEN_KEYS) as [KeyAction, string][]) {
    try {
      tizen.tvinputdevice?.registerKey(name);
      const code = tizen.tvinputdevice?.getKey(name)?.code;
      if (code !== undefined) keyCodes[action] = [code];
    } catch {
      // A remote without this key: the default codes stay.
    }
  }
  const app = () => tizen.application?.getCurrentApplication();
  return {
    name: 'tizen',
    device: () => Promise.resolve({ deviceId: webapis?.productinfo?.getDuid?.() ?? storedDeviceId(storage) }),
    storage,
    sendMetric: () => undefined,
    launchLink: () => Promise.resolve(appControlLink(app()?.getRequestedAppControl()?.appControl)),
    onLink(listener) {
      // A running app relaunched with new data gets `appcontrol`; a hosting page may post a link too.
      const onControl = () => {
        const link = appControlLink(app()?.getRequestedAppControl()?.appControl);
        if (link) listener(link);
      };
      window.addEventListener('appcontrol', onControl);
      const stopMessages = messageLinks(listener);
      return () => {
        window.removeEventListener('appcontrol', onControl);
        stopMessages();
      };
    },
    onLifecycle: onVisibility,
    ready: () => undefined,
    close: () => app()?.exit(),
    keyCodes,
  };
}
