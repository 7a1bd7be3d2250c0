// Firebolt devices (RDK-based, Comcast/Sky and others) through @firebolt-js/sdk: Device.id, Lifecycle,
// Parameters/Discovery for deep links, Metrics. Not tested on hardware; tested in Chromium with the SDK's own
// mock transport (`window.__firebolt.mockTransportLayer = true`, the stand-in for the device).
import { Device, Discovery, Lifecycle, Metrics, Parameters } from '@firebolt-js/sdk';
import type { LifecycleState, Platform, PlaybackMetric } from './types.ts';
import { localStorageBackend } from './web-platform.ts';

type Intent = { action?: string; data?: { entityId?: string; entityType?: string; programType?: string } };

/** A Firebolt navigation intent as one of the app's links. */
export function intentLink(intent: Intent | undefined): string | undefined {
  const id = intent?.data?.entityId;
  if (!id) return undefined;
  if (intent.action === 'playback') return `play/${id}`;
  if (intent.data?.entityType === 'channel' || intent.data?.programType === 'channel') return `channel/${id}`;
  return `lesson/${id}`;
}

function sendMetric(metric: PlaybackMetric): void {
  const id = metric.lessonId;
  const sent: Record<PlaybackMetric['type'], () => unknown> = {
    start: () => Metrics.startContent(id),
    play: () => Metrics.mediaPlay(id),
    pause: () => Metrics.mediaPause(id),
    waiting: () => Metrics.mediaWaiting(id),
    ended: () => Metrics.mediaEnded(id),
    progress: () => metric.type === 'progress' && Metrics.mediaProgress(id, metric.positionSeconds),
    rendition: () =>
      metric.type === 'rendition' && Metrics.mediaRenditionChange(id, metric.bandwidth, 0, metric.height, ''),
    error: () =>
      metric.type === 'error' && Metrics.error(Metrics.ErrorType.MEDIA, metric.code, metric.message, false),
  };
  // Metrics are best effort: a refused call must not reach playback.
  void Promise.resolve(sent[metric.type]()).catch(() => undefined);
}

export function createFireboltPlatform(): Platform {
  return {
    name: 'firebolt',
    device: async () => ({ deviceId: await Device.id() }),
    storage: localStorageBackend,
    sendMetric,
    launchLink: async () => {
      const init = (await Parameters.initialization()) as { discovery?: { navigateTo?: Intent } };
      return intentLink(init.discovery?.navigateTo);
    },
    onLink(listener) {
      const id = Discovery.listen('navigateTo', (intent: unknown) => {
        const link = intentLink(intent as Intent);
        if (link) listener(link);
      });
      return () => void id.then((listenerId) => Discovery.clear(listenerId));
    },
    onLifecycle(listener: (state: LifecycleState) => void) {
      const ids = [
        Lifecycle.listen('background', () => listener('background')),
        Lifecycle.listen('foreground', () => listener('foreground')),
        Lifecycle.listen('unloading', () => listener('closing')),
      ];
      return () => ids.forEach((id) => void id.then((listenerId) => Lifecycle.clear(listenerId)));
    },
    ready: () => void Lifecycle.ready().catch(() => undefined),
    close: () => void Lifecycle.close(Lifecycle.CloseReason.USER_EXIT).catch(() => undefined),
    keyCodes: {},
  };
}
