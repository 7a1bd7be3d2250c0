import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, mergeCarrierConfig } from './config.ts';

describe('carrier config', () => {
  it('overrides the API base, key map and device profile', () => {
    const config = mergeCarrierConfig(DEFAULT_CONFIG, {
      apiBase: 'https://tv.example.cn/',
      keyMap: { Info: [457] },
      deviceProfile: { codecFamily: 'hevc', maxHeight: 2160 },
      keyRepeatMs: 200,
      region: 'jx',
    });
    expect(config.region).toBe('jx');
    expect(config.apiBase).toBe('https://tv.example.cn');
    expect(config.keyMap.Info).toEqual([457]);
    expect(config.deviceProfile).toEqual({ codecFamily: 'hevc', maxHeight: 2160 });
    expect(config.keyRepeatMs).toBe(200);
    expect(DEFAULT_CONFIG.apiBase).toBe('');
    expect(config.features).toEqual(DEFAULT_CONFIG.features);
    expect(mergeCarrierConfig(DEFAULT_CONFIG, { features: { activation: 'code' } }).features).toEqual({
      ...DEFAULT_CONFIG.features,
      activation: 'code',
    });
  });

  it('names the bad field', () => {
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, [])).toThrow(/expected a JSON object/);
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { deviceProfile: { codecFamily: 'vp9' } })).toThrow(
      /deviceProfile\.codecFamily: expected one of h264, hevc, av1/,
    );
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { deviceProfile: { maxHeight: -1 } })).toThrow(
      /deviceProfile\.maxHeight/,
    );
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { deviceProfile: { memoryClass: 'tiny' } })).toThrow(
      /deviceProfile\.memoryClass: expected one of low, standard/,
    );
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { deviceProfile: { textureMemoryMb: '40' } })).toThrow(
      /deviceProfile\.textureMemoryMb: expected a positive number/,
    );
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { apiBase: 3 })).toThrow(/apiBase/);
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { region: 'Jiangxi' })).toThrow(/region: expected/);
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { features: { activation: 'qr' } })).toThrow(
      /features\.activation: expected one of first-start, code/,
    );
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { features: 'code' })).toThrow(/features: expected/);
    expect(
      mergeCarrierConfig(DEFAULT_CONFIG, { features: { parentPhonePage: false } }).features.parentPhonePage,
    ).toBe(false);
    expect(() => mergeCarrierConfig(DEFAULT_CONFIG, { features: { parentPhonePage: 'no' } })).toThrow(
      'features.parentPhonePage: expected true or false',
    );
  });

  it('takes a low-memory profile with its texture budget', () => {
    const config = mergeCarrierConfig(DEFAULT_CONFIG, {
      deviceProfile: { memoryClass: 'low', textureMemoryMb: 32 },
    });
    expect(config.deviceProfile).toEqual({ memoryClass: 'low', textureMemoryMb: 32 });
  });
});
