// Runtime configuration: defaults, overridable by the carrier's JSON (`carrier.json` next to the app).
// The codec-family list is the catalogue's, from its zod-free module: the value costs the bundle a few bytes.
import { CODEC_FAMILIES, type CodecFamily } from '@ketang/catalog/codec-family';
import type { CarrierBranding, CarrierFeatures } from '@ketang/contract';
import { readCarrierDocument } from './carrier/carrier-document.ts';
import { boxModel, currentBox, pickDeviceProfile, type BoxIdentity } from './carrier/device-match.ts';
import { MEMORY_CLASSES, type MemoryClass } from './device/memory-class.ts';
import { DEFAULT_KEY_MAP, mergeKeyMap, type KeyMapData } from './focus/key-map.ts';
import { PLATFORM_NAMES, type PlatformName } from './platform/types.ts';
import { DEFAULT_PREFETCH, parsePrefetchConfig, type PrefetchConfig } from './prefetch/prefetch-config.ts';

export type { CodecFamily };

export type DeviceProfile = {
  /** Pin this codec family instead of detecting one. */
  codecFamily?: CodecFamily;
  /** Never pick a rendition taller than this. */
  maxHeight?: number;
  /** Forward buffer in seconds; lower on boxes with small MSE quotas. */
  bufferingGoalSeconds?: number;
  /** 'low' for 720p boxes with 256–512 MB (device/memory-class.ts decides what that changes). */
  memoryClass?: MemoryClass;
  /** The renderer's texture memory budget in MB (10⁶ bytes); the memory class's default when unset. */
  textureMemoryMb?: number;
};

/** How this box gets its household credential (docs/activation.md): the carrier's API decides which it accepts. */
export const ACTIVATION_MODES = ['first-start', 'code'] as const;
export type ActivationMode = (typeof ACTIVATION_MODES)[number];

/** Features a carrier turns on and off; the carrier-config schema adopts the same names and values. */
export type Features = CarrierFeatures;

export type AppConfig = {
  apiBase: string;
  /** Media (manifests, segments) and pictures from a CDN (`endpoints.cdnBase`): api/media-url.ts applies it. */
  cdnBase?: string;
  /** The province whose curation this box shows (`jx`…); the national catalogue when unset. */
  region?: string;
  keyMap: KeyMapData;
  deviceProfile: DeviceProfile;
  /** Milliseconds between repeats of a held key. */
  keyRepeatMs: number;
  features: CarrierFeatures;
  /** The carrier's look (a carrier document's `branding`, logos as URLs); the built-in look when unset. */
  branding?: CarrierBranding;
  carrier?: { id: string; version: string };
  /** The box's model (the platform's word, else the matched device profile's): the QoE dashboards group by it. */
  deviceModel?: string;
  /** Forces a platform adapter instead of detecting one (docs/platform.md). */
  platform?: PlatformName;
  prefetch: PrefetchConfig;
};

export const DEFAULT_CONFIG: AppConfig = {
  apiBase: '',
  keyMap: DEFAULT_KEY_MAP,
  deviceProfile: {},
  keyRepeatMs: 120,
  features: { activation: 'first-start', parentPhonePage: true, search: true, channels: true },
  prefetch: DEFAULT_PREFETCH,
};

// The API's RegionSchema; repeated here because the app imports only types from @ketang/catalog (its schemas
// would bring zod into the initial bundle).
const REGION = /^(national|[a-z]{2,8})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseDeviceProfile(raw: unknown): DeviceProfile {
  if (!isRecord(raw)) throw new Error('deviceProfile: expected an object');
  const { codecFamily, maxHeight, bufferingGoalSeconds, memoryClass, textureMemoryMb } = raw;
  if (codecFamily !== undefined && !(CODEC_FAMILIES as readonly unknown[]).includes(codecFamily)) {
    throw new Error(`deviceProfile.codecFamily: expected one of ${CODEC_FAMILIES.join(', ')}`);
  }
  if (memoryClass !== undefined && !(MEMORY_CLASSES as readonly unknown[]).includes(memoryClass)) {
    throw new Error(`deviceProfile.memoryClass: expected one of ${MEMORY_CLASSES.join(', ')}`);
  }
  for (const [name, value] of Object.entries({ maxHeight, bufferingGoalSeconds, textureMemoryMb })) {
    if (value !== undefined && !(typeof value === 'number' && value > 0)) {
      throw new Error(`deviceProfile.${name}: expected a positive number`);
    }
  }
  return raw as DeviceProfile;
}

function parseFeatures(raw: unknown, base: Features): Features {
  if (!isRecord(raw)) throw new Error('features: expected an object such as { "activation": "code" }');
  const { activation } = raw;
  if (activation !== undefined && !(ACTIVATION_MODES as readonly unknown[]).includes(activation)) {
    throw new Error(`features.activation: expected one of ${ACTIVATION_MODES.join(', ')}`);
  }
  const switches: Partial<Features> = {};
  for (const name of ['parentPhonePage', 'search', 'channels'] as const) {
    if (raw[name] === undefined) continue;
    if (typeof raw[name] !== 'boolean') throw new Error(`features.${name}: expected true or false`);
    switches[name] = raw[name];
  }
  return {
    ...base,
    ...switches,
    ...(activation !== undefined ? { activation: activation as ActivationMode } : {}),
  };
}

/** The app's config from a carrier configuration document (what `npm run carrier -- bundle` writes). */
function applyCarrierDocument(base: AppConfig, raw: unknown, box: BoxIdentity): AppConfig {
  const doc = readCarrierDocument(raw);
  const profile = pickDeviceProfile(doc.deviceProfiles, box);
  const { match: _match, codecFamilies, ...rest } = profile ?? { match: {} };
  const model = boxModel(box, profile);
  return {
    ...base,
    apiBase: doc.endpoints.apiBase.replace(/\/+$/, ''),
    ...(doc.endpoints.cdnBase ? { cdnBase: doc.endpoints.cdnBase.replace(/\/+$/, '') } : {}),
    ...(doc.region ? { region: doc.region } : {}),
    keyMap: mergeKeyMap(base.keyMap, doc.keyMap),
    // The carrier lists the families the box decodes, best first: the first is the one to play.
    deviceProfile: {
      ...base.deviceProfile,
      ...rest,
      ...(codecFamilies ? { codecFamily: codecFamilies[0] } : {}),
    },
    keyRepeatMs: doc.keyRepeatMs ?? base.keyRepeatMs,
    features: doc.features,
    branding: doc.branding,
    carrier: { id: doc.carrier.id, version: doc.version },
    ...(model ? { deviceModel: model } : {}),
  };
}

/**
 * Applies a carrier's configuration: a versioned document (`schemaVersion`), or the older flat overrides
 * (apiBase, region, keyMap, deviceProfile, keyRepeatMs). Throws an error naming the bad field.
 */
export function mergeCarrierConfig(base: AppConfig, overrides: unknown, box?: BoxIdentity): AppConfig {
  if (!isRecord(overrides)) throw new Error('carrier config: expected a JSON object');
  if (overrides.schemaVersion !== undefined)
    return applyCarrierDocument(base, overrides, box ?? currentBox());
  const config = { ...base };
  if (overrides.apiBase !== undefined) {
    if (typeof overrides.apiBase !== 'string') throw new Error('apiBase: expected a URL string');
    config.apiBase = overrides.apiBase.replace(/\/+$/, '');
  }
  if (overrides.cdnBase !== undefined) {
    if (typeof overrides.cdnBase !== 'string' || !/^https?:\/\/[^/]/.test(overrides.cdnBase))
      throw new Error('cdnBase: expected an http(s) URL');
    config.cdnBase = overrides.cdnBase.replace(/\/+$/, '');
  }
  if (overrides.region !== undefined) {
    if (typeof overrides.region !== 'string' || !REGION.test(overrides.region)) {
      throw new Error('region: expected "national" or a province code such as "jx"');
    }
    config.region = overrides.region;
  }
  if (overrides.keyMap !== undefined) {
    if (!isRecord(overrides.keyMap)) throw new Error('keyMap: expected an object of action → keys');
    config.keyMap = mergeKeyMap(base.keyMap, overrides.keyMap);
  }
  if (overrides.deviceProfile !== undefined) {
    config.deviceProfile = { ...base.deviceProfile, ...parseDeviceProfile(overrides.deviceProfile) };
  }
  if (overrides.keyRepeatMs !== undefined) {
    if (typeof overrides.keyRepeatMs !== 'number' || overrides.keyRepeatMs < 0) {
      throw new Error('keyRepeatMs: expected a number of milliseconds ≥ 0');
    }
    config.keyRepeatMs = overrides.keyRepeatMs;
  }
  if (overrides.features !== undefined) config.features = parseFeatures(overrides.features, base.features);
  if (overrides.platform !== undefined) {
    if (!(PLATFORM_NAMES as readonly unknown[]).includes(overrides.platform)) {
      throw new Error(`platform: expected one of ${PLATFORM_NAMES.join(', ')}`);
    }
    config.platform = overrides.platform as PlatformName;
  }
  if (overrides.prefetch !== undefined)
    config.prefetch = parsePrefetchConfig(overrides.prefetch, base.prefetch);
  return config;
}

/** Logos are files beside carrier.json: the app draws them by URL. */
function withAssetUrls(config: AppConfig, documentUrl: string): AppConfig {
  if (!config.branding) return config;
  const at = (file: string) => new URL(file, new URL(documentUrl || './carrier.json', location.href)).href;
  const { bootScreen } = config.branding;
  return {
    ...config,
    branding: {
      ...config.branding,
      logo: at(config.branding.logo),
      bootScreen: { ...bootScreen, ...(bootScreen.logo ? { logo: at(bootScreen.logo) } : {}) },
    },
  };
}

let current: AppConfig = DEFAULT_CONFIG;

export function getConfig(): AppConfig {
  return current;
}

/** Loads `carrier.json`; a missing or broken file keeps the defaults (and says why on the console). */
export async function loadCarrierConfig(url = './carrier.json'): Promise<AppConfig> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (response.ok)
      current = withAssetUrls(mergeCarrierConfig(DEFAULT_CONFIG, await response.json()), response.url);
  } catch (error) {
    console.warn('carrier config ignored:', error instanceof Error ? error.message : error);
  }
  return current;
}
