// The renderer settings the app runs with, shared with the benchmark's reference page so both draw alike.
import { WebGlCoreRenderer } from '@lightningjs/renderer/webgl';
import { CanvasTextRenderer } from '@lightningjs/renderer/canvas';
import type { Config } from '@lightningtv/solid';
import { memorySettings, renderScale, type MemorySettings } from './device/memory-class.ts';
import { SIZE } from './theme/tokens.ts';

/** Standard settings unless the box's memory class says otherwise (index.tsx passes the carrier's). */
export function baseRendererOptions(
  memory: MemorySettings = memorySettings({}),
): NonNullable<typeof Config.rendererOptions> {
  const lowMemory = memory.memoryClass === 'low';
  return {
    appWidth: SIZE.screenWidth,
    appHeight: SIZE.screenHeight,
    // The 1920×1080 layout drawn at the window's size, capped by the memory class (1280×720 on 'low').
    deviceLogicalPixelRatio: renderScale(memory, window.innerHeight),
    // A low-memory box draws one canvas pixel per screen pixel, whatever the page's zoom says.
    ...(lowMemory ? { devicePhysicalPixelRatio: 1 } : {}),
    // Set-top boxes share little GPU memory: clean textures early.
    textureMemory: {
      criticalThreshold: memory.textureMemoryBytes,
      targetThresholdLevel: 0.5,
      baselineMemoryAllocation: memory.baselineMemoryBytes,
    },
    renderEngine: WebGlCoreRenderer,
    fontEngines: [CanvasTextRenderer],
    // Transparent: the lesson video plays under the canvas.
    clearColor: 0x00000000,
    fpsUpdateInterval: 1000,
    boundsMargin: 100,
  };
}
