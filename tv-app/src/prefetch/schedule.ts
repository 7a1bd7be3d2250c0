// When the prefetch runs: once a night inside the configured local window, checked every few minutes (a
// box's clock may jump; a timer set for hours ahead would miss it). Registers the service worker first.
import type { PrefetchConfig } from './prefetch-config.ts';
import { localDate } from './local-date.ts';
import type { PrefetchReport } from './prefetch.ts';

const CHECK_MS = 5 * 60_000;

export function inWindow(hour: number, config: Pick<PrefetchConfig, 'startHour' | 'endHour'>): boolean {
  const { startHour, endHour } = config;
  return startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
}

/** Where the platform allows: a service worker and Cache Storage (modern engines, secure context). */
export function canPrefetch(): boolean {
  return 'serviceWorker' in navigator && 'caches' in globalThis && globalThis.isSecureContext;
}

export async function registerMediaWorker(): Promise<void> {
  await navigator.serviceWorker.register('./sw.js', { scope: './' });
}

/** Starts the nightly check; returns the run itself (the tests' hook: `__ketang.prefetchNow(gradeId?)`). */
export function schedulePrefetch(
  config: PrefetchConfig,
  gradeId: () => string | undefined,
): (gradeOverride?: string) => Promise<PrefetchReport | undefined> {
  let lastRunFor = '';
  const run = async (gradeOverride?: string) => {
    const grade = gradeOverride ?? gradeId();
    if (!grade) return undefined;
    // The prefetch itself (manifest cutting, downloads) loads only when it runs.
    const { prefetchDay } = await import('./prefetch.ts');
    return prefetchDay(grade, config);
  };
  if (config.enabled && canPrefetch()) {
    void registerMediaWorker().catch((error) => console.warn('media worker not registered:', error));
    setInterval(() => {
      const now = new Date();
      if (!inWindow(now.getHours(), config) || lastRunFor === localDate(now)) return;
      lastRunFor = localDate(now);
      void run().catch((error) => console.warn('prefetch failed:', error));
    }, CHECK_MS);
  }
  return run;
}
