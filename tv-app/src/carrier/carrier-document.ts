// The TV's reader of a carrier configuration document (carriers/<id>/carrier.json, resolved by the bundle):
// zod-free to keep the bundle small, typed by the contract's schema, and tested to agree with it on fixtures
// (test/carrier-reader.contract.test.ts). Errors name the field path, as the schema's do.
import type { CarrierConfig } from '@ketang/contract';
import {
  CARRIER_SCHEMA_VERSION,
  COLOUR_NAMES,
  HEX_COLOUR,
  LOGO_FILE,
  textContrastProblem,
} from '@ketang/contract/carrier-facts';
import { CODEC_FAMILIES } from '@ketang/catalog/codec-family';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(path: string, expected: string): never {
  throw new Error(`${path}: ${expected}`);
}

function recordAt(raw: unknown, path: string): Json {
  if (!isRecord(raw)) fail(path, 'expected an object');
  return raw;
}

function textAt(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || raw.length === 0) fail(path, 'expected a non-empty string');
  return raw;
}

function localTextAt(raw: unknown, path: string): { zh: string; en: string } {
  const text = recordAt(raw, path);
  return { zh: textAt(text.zh, `${path}.zh`), en: textAt(text.en, `${path}.en`) };
}

function colourAt(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || !HEX_COLOUR.test(raw)) fail(path, 'expected a colour #rrggbb');
  return raw;
}

function logoAt(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || !LOGO_FILE.test(raw)) fail(path, 'expected a PNG or SVG file name');
  return raw;
}

function positiveAt(raw: unknown, path: string): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'number' || !(raw > 0)) fail(path, 'expected a positive number');
  return raw;
}

function readBranding(raw: unknown): CarrierConfig['branding'] {
  const branding = recordAt(raw, 'branding');
  const rawColours = recordAt(branding.colours, 'branding.colours');
  const colours = {} as CarrierConfig['branding']['colours'];
  for (const name of COLOUR_NAMES) colours[name] = colourAt(rawColours[name], `branding.colours.${name}`);
  const problem = textContrastProblem(colours.text, colours.background);
  if (problem) throw new Error(`branding.colours.text: ${problem}`);
  const boot = recordAt(branding.bootScreen, 'branding.bootScreen');
  return {
    appName: localTextAt(branding.appName, 'branding.appName'),
    logo: logoAt(branding.logo, 'branding.logo'),
    colours,
    bootScreen: {
      background: colourAt(boot.background, 'branding.bootScreen.background'),
      ...(boot.logo !== undefined ? { logo: logoAt(boot.logo, 'branding.bootScreen.logo') } : {}),
      ...(boot.text !== undefined ? { text: localTextAt(boot.text, 'branding.bootScreen.text') } : {}),
    },
  };
}

function readFeatures(raw: unknown): CarrierConfig['features'] {
  const features = raw === undefined ? {} : recordAt(raw, 'features');
  const activation = features.activation ?? 'first-start';
  if (activation !== 'first-start' && activation !== 'code') {
    fail('features.activation', 'expected "first-start" or "code"');
  }
  const flag = (name: 'parentPhonePage' | 'search' | 'channels'): boolean => {
    const value = features[name] ?? true;
    if (typeof value !== 'boolean') fail(`features.${name}`, 'expected true or false');
    return value;
  };
  return {
    activation,
    parentPhonePage: flag('parentPhonePage'),
    search: flag('search'),
    channels: flag('channels'),
  };
}

function readDeviceProfile(raw: unknown, path: string): CarrierConfig['deviceProfiles'][number] {
  const entry = recordAt(raw, path);
  const match = recordAt(entry.match, `${path}.match`);
  if (match.model === undefined && match.userAgent === undefined)
    fail(`${path}.match`, 'expected model or userAgent');
  if (match.userAgent !== undefined) {
    try {
      new RegExp(textAt(match.userAgent, `${path}.match.userAgent`));
    } catch {
      fail(`${path}.match.userAgent`, 'expected a regular expression source');
    }
  }
  const families = entry.codecFamilies;
  if (families !== undefined) {
    if (!Array.isArray(families) || families.length === 0) fail(`${path}.codecFamilies`, 'expected a list');
    families.forEach((family, index) => {
      if (!CODEC_FAMILIES.includes(family)) {
        fail(`${path}.codecFamilies.${index}`, `expected one of ${CODEC_FAMILIES.join(', ')}`);
      }
    });
  }
  if (entry.memoryClass !== undefined && entry.memoryClass !== 'low' && entry.memoryClass !== 'standard') {
    fail(`${path}.memoryClass`, 'expected "low" or "standard"');
  }
  for (const name of ['maxHeight', 'textureMemoryMb', 'bufferingGoalSeconds'])
    positiveAt(entry[name], `${path}.${name}`);
  return entry as CarrierConfig['deviceProfiles'][number];
}

/** Reads a carrier configuration document; throws an error naming the first bad field. */
export function readCarrierDocument(raw: unknown): CarrierConfig {
  const doc = recordAt(raw, '(document)');
  if (doc.schemaVersion !== CARRIER_SCHEMA_VERSION) {
    fail('schemaVersion', `expected ${CARRIER_SCHEMA_VERSION} (this app reads that version)`);
  }
  const carrier = recordAt(doc.carrier, 'carrier');
  const endpoints = recordAt(doc.endpoints, 'endpoints');
  if (typeof endpoints.apiBase !== 'string') fail('endpoints.apiBase', 'expected an http(s) URL or a path');
  const profiles = doc.deviceProfiles ?? [];
  if (!Array.isArray(profiles)) fail('deviceProfiles', 'expected a list');
  if (doc.keyMap !== undefined) recordAt(doc.keyMap, 'keyMap');
  return {
    schemaVersion: CARRIER_SCHEMA_VERSION,
    carrier: { id: textAt(carrier.id, 'carrier.id'), name: localTextAt(carrier.name, 'carrier.name') },
    version: textAt(doc.version, 'version'),
    ...(doc.region !== undefined ? { region: textAt(doc.region, 'region') } : {}),
    branding: readBranding(doc.branding),
    keyMap: (doc.keyMap ?? {}) as CarrierConfig['keyMap'],
    endpoints: {
      apiBase: endpoints.apiBase,
      ...(typeof endpoints.cdnBase === 'string' ? { cdnBase: endpoints.cdnBase } : {}),
      appOrigins: Array.isArray(endpoints.appOrigins) ? (endpoints.appOrigins as string[]) : [],
    },
    features: readFeatures(doc.features),
    deviceProfiles: profiles.map((entry, index) => readDeviceProfile(entry, `deviceProfiles.${index}`)),
    ...(typeof doc.keyRepeatMs === 'number' ? { keyRepeatMs: doc.keyRepeatMs } : {}),
  };
}
