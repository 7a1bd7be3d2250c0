// What every web engine offers: localStorage, visibilitychange, the URL. The browser platform is exactly this;
// the others reuse the parts their platform has no better answer for.
import type { LifecycleState, PlatformStorage, Unsubscribe } from './types.ts';

const DEVICE_ID_KEY = 'ketang.deviceId';

// localStorage that never throws: some boxes disable it, or it is full; the app then just forgets.
export const localStorageBackend: PlatformStorage = {
  get(key) {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      globalThis.localStorage?.setItem(key, value);
    } catch {
      // Storage unavailable or full: nothing to remember, nothing lost.
    }
  },
  remove(key) {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // As above.
    }
  },
};

/** A random id made once and kept in storage: a browser has no hardware id to give. */
export function storedDeviceId(storage: PlatformStorage): string {
  const known = storage.get(DEVICE_ID_KEY);
  if (known) return known;
  const id = `web-${crypto.getRandomValues(new Uint32Array(4)).join('-')}`;
  storage.set(DEVICE_ID_KEY, id);
  return id;
}

/** Foreground/background from the page's visibility; `pagehide` as closing. */
export function onVisibility(listener: (state: LifecycleState) => void): Unsubscribe {
  const onChange = () => listener(document.visibilityState === 'hidden' ? 'background' : 'foreground');
  const onHide = () => listener('closing');
  document.addEventListener('visibilitychange', onChange);
  window.addEventListener('pagehide', onHide);
  return () => {
    document.removeEventListener('visibilitychange', onChange);
    window.removeEventListener('pagehide', onHide);
  };
}

/** `?link=lesson/<id>` on the app's URL: how a browser (or a launcher that opens URLs) deep-links. */
export function linkFromUrl(url = globalThis.location?.href ?? ''): string | undefined {
  try {
    // URLSearchParams of `search`, not `URL.searchParams` (Chrome 51): the legacy bundle polyfills the former only.
    return new URLSearchParams(new URL(url).search).get('link') ?? undefined;
  } catch {
    return undefined;
  }
}
