// The renderer settings the app runs with, shared with the benchmark's reference page so both draw alike.
import { WebGlCoreRenderer } from '@lightningjs/renderer/webgl';
import { CanvasTextRenderer } from '@lightningjs/renderer/canvas';
import type { Config } from '@lightningtv/solid';
import { canvasScale, memorySettings, type MemorySettings } from './device/memory-class.ts';
import { SIZE } from './theme/tokens.ts';

/** Standard settings unless the box's memory class says otherwise (index.tsx passes the carrier's). */
export function baseRendererOptions(
  memory: MemorySettings = memorySettings({}),
): NonNullable<typeof Config.rendererOptions> {
  // The 1920×1080 layout fills the window; the memory class caps the canvas's pixels (1280×720 on 'low').
  const scale = canvasScale(memory, window.innerHeight);
  return {
    appWidth: SIZE.screenWidth,
    appHeight: SIZE.screenHeight,
    deviceLogicalPixelRatio: scale.logical,
    ...(scale.physical === undefined ? {} : { devicePhysicalPixelRatio: scale.physical }),
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
