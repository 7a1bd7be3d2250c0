import { isAllowedSize } from '@ketang/contract';
import { afterEach, describe, expect, it } from 'vitest';
import { sizedImageUrl } from '../src/api/formatters/image.formatter.ts';
import { DEFAULT_CONFIG, loadCarrierConfig } from '../src/config.ts';
import { IMAGE } from '../src/theme/tokens.ts';
import { canvasScale, memorySettings } from '../src/device/memory-class.ts';

/** Loads a carrier config the way the box does (fetch of carrier.json), from a data: URL. */
function useCarrier(overrides: unknown) {
  return loadCarrierConfig(`data:application/json,${encodeURIComponent(JSON.stringify(overrides))}`);
}

describe('memory class', () => {
  afterEach(() => useCarrier(DEFAULT_CONFIG));

  it('keeps the standard box as it was: 1080p, 100 MB of textures, one rail and two tiles buffered', () => {
    const standard = memorySettings({});
    expect(standard).toMatchObject({ memoryClass: 'standard', textureMemoryBytes: 100e6, railBuffer: 1 });
    expect(standard.tileBuffer).toBe(2);
    expect(canvasScale(standard, 1080)).toEqual({ logical: 1 });
    expect(canvasScale(standard, 720).logical).toBeCloseTo(2 / 3);
  });

  it("draws a 'low' box at 1280×720 with a 40 MB budget, one tile buffered, pictures at 2/3", () => {
    const low = memorySettings({ memoryClass: 'low' });
    expect(low).toMatchObject({ textureMemoryBytes: 40e6, railBuffer: 1, tileBuffer: 1 });
    // A 720p window: the layout at 2/3, one canvas pixel per CSS pixel.
    const in720 = canvasScale(low, 720);
    expect(1920 * in720.logical * in720.physical!).toBeCloseTo(1280);
    // A 1080p window: the layout fills it, the canvas still has 1280×720 pixels.
    expect(canvasScale(low, 1080).logical).toBe(1);
    expect(1920 * canvasScale(low, 1080).physical!).toBeCloseTo(1280);
    expect(low.baselineMemoryBytes).toBeLessThan(memorySettings({}).baselineMemoryBytes / 2);
    expect(memorySettings({ memoryClass: 'low', textureMemoryMb: 32 }).textureMemoryBytes).toBe(32e6);
    // The virtual lists read 0 as "default" (2): no class may ask for it.
    for (const memoryClass of ['standard', 'low'] as const) {
      const { railBuffer, tileBuffer } = memorySettings({ memoryClass });
      expect(Math.min(railBuffer, tileBuffer)).toBeGreaterThanOrEqual(1);
    }
  });

  it('asks the image endpoint for the smaller size on a low-memory box', async () => {
    const picture = '/v1/images/abc.0123456789012345678901';
    expect(sizedImageUrl(picture, { width: 400, height: 240 })).toBe(`${picture}?w=400&h=240`);
    await useCarrier({ deviceProfile: { memoryClass: 'low' } });
    expect(sizedImageUrl(picture, { width: 400, height: 240 })).toBe(`${picture}?w=267&h=160`);
  });

  it('asks only for sizes the image endpoint makes, on every memory class', () => {
    for (const memoryClass of ['standard', 'low'] as const) {
      const { imageScale } = memorySettings({ memoryClass });
      for (const size of Object.values(IMAGE)) {
        const scaled = {
          width: Math.round(size.width * imageScale),
          height: Math.round(size.height * imageScale),
        };
        expect(isAllowedSize(scaled), `${memoryClass} ${scaled.width}x${scaled.height}`).toBe(true);
      }
    }
  });
});
