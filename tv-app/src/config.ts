// Runtime configuration: defaults, overridable by the carrier's JSON (`carrier.json` next to the app).
// The codec-family list is the catalogue's, from its zod-free module: the value costs the bundle a few bytes.
import { CODEC_FAMILIES, type CodecFamily } from '@ketang/catalog/codec-family';
import { MEMORY_CLASSES, type MemoryClass } from './device/memory-class.ts';
import { DEFAULT_KEY_MAP, mergeKeyMap, type KeyMapData } from './focus/key-map.ts';

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

export type AppConfig = {
  apiBase: string;
  /** The province whose curation this box shows (`jx`…); the national catalogue when unset. */
  region?: string;
  keyMap: KeyMapData;
  deviceProfile: DeviceProfile;
  /** Milliseconds between repeats of a held key. */
  keyRepeatMs: number;
};

export const DEFAULT_CONFIG: AppConfig = {
  apiBase: '',
  keyMap: DEFAULT_KEY_MAP,
  deviceProfile: {},
  keyRepeatMs: 120,
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

/** Applies a carrier's overrides to the defaults; throws an error naming the bad field. */
export function mergeCarrierConfig(base: AppConfig, overrides: unknown): AppConfig {
  if (!isRecord(overrides)) throw new Error('carrier config: expected a JSON object');
  const config = { ...base };
  if (overrides.apiBase !== undefined) {
    if (typeof overrides.apiBase !== 'string') throw new Error('apiBase: expected a URL string');
    config.apiBase = overrides.apiBase.replace(/\/+$/, '');
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
  return config;
}

let current: AppConfig = DEFAULT_CONFIG;

export function getConfig(): AppConfig {
  return current;
}

/** Loads `carrier.json`; a missing or broken file keeps the defaults (and says why on the console). */
export async function loadCarrierConfig(url = './carrier.json'): Promise<AppConfig> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (response.ok) current = mergeCarrierConfig(DEFAULT_CONFIG, await response.json());
  } catch (error) {
    console.warn('carrier config ignored:', error instanceof Error ? error.message : error);
  }
  return current;
}
