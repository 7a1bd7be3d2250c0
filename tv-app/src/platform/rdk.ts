// RDK / Metrological boxes through the Lightning SDK's platform plugins: Profile (uid, household, country),
// Storage (namespaced local storage), Metrics (media events) and Pin (the platform's parental PIN).
// Only modules that do not import the Lightning 2 engine are used (docs/platform.md has the bundle figures);
// we do here, for these modules only, what the SDK's Launch does: hand them the platform settings and plugins.
// Not tested on hardware; tested in Chromium against a fake `__platformSettings` global.
import Log from '@lightningjs/sdk/src/Log/index.js';
import Settings, { initSettings } from '@lightningjs/sdk/src/Settings/index.js';
import Storage, { initStorage } from '@lightningjs/sdk/src/Storage/index.js';
import { initLightningSdkPlugin } from '@metrological/sdk/src/LightningSdkPlugins/index.js';
import Metrics, { initMetrics } from '@metrological/sdk/src/Metrics/index.js';
import Pin, { initPin } from '@metrological/sdk/src/Pin/index.js';
import Profile, { initProfile } from '@metrological/sdk/src/Profile/index.js';
import { messageLinks } from './browser.ts';
import type { Platform, PlaybackMetric } from './types.ts';
import { linkFromUrl, onVisibility } from './web-platform.ts';

/** What the box's app loader hands a Lightning app (the SDK's `platformSettings`). */
export type RdkPlatformSettings = {
  id?: string;
  plugins?: { profile?: object; metrics?: object; pin?: object };
  [key: string]: unknown;
};

function asText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function createRdkPlatform(platformSettings: RdkPlatformSettings): Platform {
  initSettings({}, platformSettings);
  initLightningSdkPlugin.settings = Settings;
  initLightningSdkPlugin.log = Log;
  const plugins = platformSettings.plugins ?? {};
  if (plugins.profile) initProfile(plugins.profile);
  if (plugins.metrics) initMetrics(plugins.metrics);
  if (plugins.pin) initPin(plugins.pin);
  initStorage();

  return {
    name: 'rdk',
    async device() {
      const [uid, household, country] = await Promise.all([
        Profile.uid(),
        Profile.household(),
        Profile.countryCode(),
      ]);
      return {
        deviceId: asText(uid) ?? 'rdk-unknown',
        householdId: asText(household),
        region: asText(country),
      };
    },
    parentalPin: platformSettings.plugins?.pin
      ? { check: (pin) => Pin.submit(pin, 'parental').then(Boolean, () => false) }
      : undefined,
    storage: {
      // The SDK stores JSON; the app's values are strings.
      get: (key) => {
        const value = Storage.get(key);
        return typeof value === 'string' ? value : null;
      },
      set: (key, value) => void Storage.set(key, value),
      remove: (key) => Storage.remove(key),
    },
    sendMetric(metric: PlaybackMetric) {
      const media = Metrics.media(metric.lessonId);
      const { type, lessonId: _, ...params } = metric;
      if (metric.type === 'error') media.error(metric.message, metric.code);
      else if (type === 'play' || type === 'pause' || type === 'waiting' || type === 'ended') media[type]();
      else media.event(type, params);
    },
    launchLink: () => Promise.resolve(linkFromUrl()),
    onLink: messageLinks,
    onLifecycle: onVisibility,
    ready: () => undefined,
    close: () => window.close(),
    keyCodes: {},
  };
}
