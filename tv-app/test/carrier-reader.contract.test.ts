// The TV's zod-free reader of carrier.json and the contract's schema agree: on the example carriers and on
// broken documents, both accept or both refuse, naming the same field first. Tests may import the schema.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCarrierConfig, resolveCarrierRegion } from '@ketang/contract';
import { describe, expect, it } from 'vitest';
import { readCarrierDocument } from '../src/carrier/carrier-document.ts';
import { pickDeviceProfile } from '../src/carrier/device-match.ts';
import { DEFAULT_CONFIG, mergeCarrierConfig } from '../src/config.ts';

const CARRIERS = path.resolve(import.meta.dirname, '../../carriers');
const example = (id: string) => JSON.parse(readFileSync(path.join(CARRIERS, id, 'carrier.json'), 'utf8'));
const jx = () => example('jx-telecom');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break arbitrary fields of the JSON
type Edit = (doc: Record<string, any>) => void;
const BROKEN: [string, Edit][] = [
  ['schemaVersion', (doc) => (doc.schemaVersion = 2)],
  ['carrier.name.en', (doc) => delete doc.carrier.name.en],
  ['branding.colours.text', (doc) => (doc.branding.colours.text = '#3b0b13')],
  ['branding.colours.focus', (doc) => (doc.branding.colours.focus = 'gold')],
  ['branding.logo', (doc) => (doc.branding.logo = '../logo.gif')],
  ['branding.bootScreen.background', (doc) => delete doc.branding.bootScreen.background],
  ['features.activation', (doc) => (doc.features.activation = 'sms')],
  ['deviceProfiles.0.codecFamilies.0', (doc) => (doc.deviceProfiles[0].codecFamilies = ['vp9'])],
  ['deviceProfiles.1.match.userAgent', (doc) => (doc.deviceProfiles[1].match.userAgent = '(')],
  ['deviceProfiles.0.memoryClass', (doc) => (doc.deviceProfiles[0].memoryClass = 'tiny')],
  ['endpoints.apiBase', (doc) => (doc.endpoints.apiBase = 42)],
];

describe("the TV's carrier reader and the contract's schema", () => {
  it.each(['demo', 'jx-telecom'])('both accept the %s example and read it alike', (id) => {
    const parsed = parseCarrierConfig(example(id));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { regions: _regions, $schema: _schema, ...schemaView } = parsed.config;
    expect(readCarrierDocument(example(id))).toEqual(schemaView);
    // What the bundle writes (the region resolved) reads the same too.
    expect(readCarrierDocument(resolveCarrierRegion(parsed.config)).carrier.id).toBe(id);
  });

  it.each(BROKEN)('both refuse a bad %s, naming it', (field, edit) => {
    const doc = jx();
    edit(doc);
    const parsed = parseCarrierConfig(doc);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toContain(field);
    expect(() => readCarrierDocument(doc)).toThrow(new RegExp(`^${field.replaceAll('.', '\\.')}: `));
  });
});

describe('a carrier document as the app config', () => {
  it('takes the endpoints, region, key map, features and branding, keeping the other keys', () => {
    const config = mergeCarrierConfig(DEFAULT_CONFIG, jx(), { userAgent: 'Mozilla/5.0 Chrome/120' });
    expect(config.region).toBe('jx');
    expect(config.keyMap.Back).toEqual(['Backspace', 'Escape', 8, 27, 640]);
    expect(config.keyMap.Enter).toEqual(DEFAULT_CONFIG.keyMap.Enter);
    expect(config.features.activation).toBe('code');
    expect(config.branding?.colours.background).toBe('#3a0a12');
    expect(config.carrier).toEqual({ id: 'jx-telecom', version: '2.1.0' });
    expect(config.deviceProfile).toEqual({});
  });

  it("picks the first device profile whose match fits the box's model or user agent", () => {
    const profiles = readCarrierDocument(jx()).deviceProfiles;
    const ua = 'Mozilla/5.0 (Linux; Android 4.4; EC6108V9 Build/KOT49H) Chrome/38';
    expect(pickDeviceProfile(profiles, { userAgent: ua })?.maxHeight).toBe(720);
    expect(pickDeviceProfile(profiles, { model: 'ec6108v9', userAgent: 'x' })?.maxHeight).toBe(720);
    expect(pickDeviceProfile(profiles, { userAgent: 'EC6108V90 Hisilicon' })?.maxHeight).toBe(1080);
    expect(pickDeviceProfile(profiles, { userAgent: 'Mozilla/5.0 Chrome/120' })).toBeUndefined();
    const config = mergeCarrierConfig(DEFAULT_CONFIG, jx(), { userAgent: ua });
    expect(config.deviceProfile).toEqual({
      codecFamily: 'h264',
      maxHeight: 720,
      memoryClass: 'low',
      textureMemoryMb: 40,
      bufferingGoalSeconds: 10,
    });
  });
});
