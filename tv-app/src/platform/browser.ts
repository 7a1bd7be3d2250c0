// The default: a plain web engine. Deep links at launch from `?link=`, while running from a `ketang:link`
// window message ({ type: 'ketang:link', link }) a hosting page can post; metrics go nowhere (the API gets
// heartbeats already).
import { linkFromUrl, localStorageBackend, onVisibility, storedDeviceId } from './web-platform.ts';
import type { Platform } from './types.ts';

export function messageLinks(listener: (link: string) => void): () => void {
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; link?: unknown } | null;
    if (data?.type === 'ketang:link' && typeof data.link === 'string') listener(data.link);
  };
  window.addEventListener('message', onMessage);
  return () => window.removeEventListener('message', onMessage);
}

export function createBrowserPlatform(): Platform {
  const storage = localStorageBackend;
  return {
    name: 'browser',
    device: () => Promise.resolve({ deviceId: storedDeviceId(storage) }),
    storage,
    sendMetric: () => undefined,
    launchLink: () => Promise.resolve(linkFromUrl()),
    onLink: messageLinks,
    onLifecycle: onVisibility,
    ready: () => undefined,
    close: () => window.close(),
    keyCodes: {},
  };
}
