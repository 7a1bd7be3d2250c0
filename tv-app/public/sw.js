// The TV app's media worker (tv-app/src/prefetch): /media requests go to the network; when the network
// fails, the answer comes from the overnight prefetch's Cache Storage (the low-rung manifest and segments).
const MEDIA_CACHE = 'ketang-media-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !url.pathname.includes('/media/')) return;
  event.respondWith(
    fetch(event.request).catch(async (error) => {
      const cache = await caches.open(MEDIA_CACHE);
      const kept = await cache.match(event.request.url, { ignoreSearch: true });
      if (kept) return kept;
      throw error;
    }),
  );
});
