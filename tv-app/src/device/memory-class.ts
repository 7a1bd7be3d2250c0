// The one place that decides what a box's memory class changes: how large the canvas is drawn, the renderer's
// texture budget, how many rails and tiles stay alive off screen, and how large pictures are asked for.
// The layout is always 1920×1080 (theme/tokens.ts); a smaller canvas scales it (deviceLogicalPixelRatio).
// Types only from config.ts, which imports this module's class names to check a carrier's profile.
import type { DeviceProfile } from '../config.ts';

export const MEMORY_CLASSES = ['low', 'standard'] as const;
export type MemoryClass = (typeof MEMORY_CLASSES)[number];

/** Decimal megabytes, as the renderer counts its thresholds (`124e6` is its "118 MB" default). */
const MB = 1e6;
const LAYOUT_HEIGHT = 1080;

export type MemorySettings = {
  memoryClass: MemoryClass;
  /** The canvas is drawn at most this many pixels high (the window's height when smaller). */
  maxRenderHeight: number;
  /** Texture memory above which the renderer frees textures off screen at once (bytes). */
  textureMemoryBytes: number;
  /** What a WebGL context of that size costs before any texture (the renderer counts 25 MB at 1080p). */
  baselineMemoryBytes: number;
  /** Rails kept alive beyond the visible ones on Home (at least 1: the VirtualColumn's floor). */
  railBuffer: number;
  /** Tiles kept alive beyond the visible ones in a rail (at least 1, as for rails). */
  tileBuffer: number;
  /** Pictures are asked for at this fraction of their layout size: the size they end up on screen. */
  imageScale: number;
};

type ClassDefaults = Omit<MemorySettings, 'memoryClass' | 'textureMemoryBytes' | 'baselineMemoryBytes'> & {
  textureMemoryMb: number;
};

const DEFAULTS: Record<MemoryClass, ClassDefaults> = {
  standard: {
    maxRenderHeight: LAYOUT_HEIGHT,
    textureMemoryMb: 100,
    railBuffer: 1,
    tileBuffer: 2,
    imageScale: 1,
  },
  // A 720p box with 256–512 MB: a 1280×720 canvas, a 40 MB texture budget, one tile kept either side of the
  // visible ones, pictures at the 2/3 size a 720p canvas draws them. Rails stay at one buffered: it is the
  // least the VirtualColumn keeps (`bufferSize || 2`: a 0 would keep two).
  low: {
    maxRenderHeight: 720,
    textureMemoryMb: 40,
    railBuffer: 1,
    tileBuffer: 1,
    imageScale: 720 / LAYOUT_HEIGHT,
  },
};

const BASELINE_AT_1080P = 25 * MB;

export function memorySettings(profile: DeviceProfile): MemorySettings {
  const memoryClass = profile.memoryClass ?? 'standard';
  const { textureMemoryMb, ...rest } = DEFAULTS[memoryClass];
  const scale = rest.maxRenderHeight / LAYOUT_HEIGHT;
  return {
    ...rest,
    memoryClass,
    textureMemoryBytes: (profile.textureMemoryMb ?? textureMemoryMb) * MB,
    baselineMemoryBytes: Math.round(BASELINE_AT_1080P * scale * scale),
  };
}

/**
 * How the 1920×1080 layout reaches a window `windowHeight` CSS pixels high: `logical` scales it to fill the
 * window (the renderer's deviceLogicalPixelRatio), `physical` (its devicePhysicalPixelRatio) caps the canvas's
 * own pixels at the class's height; undefined leaves the renderer's default, the browser's devicePixelRatio.
 * A low-memory box in a 1080p window draws 1280×720 pixels, stretched to the screen.
 */
export function canvasScale(
  settings: MemorySettings,
  windowHeight: number,
): { logical: number; physical?: number } {
  const logical = windowHeight / LAYOUT_HEIGHT;
  if (settings.maxRenderHeight >= LAYOUT_HEIGHT) return { logical };
  return { logical, physical: Math.min(1, settings.maxRenderHeight / windowHeight) };
}
