// The renderer settings the app runs with, shared with the benchmark's reference page so both draw alike.
import { WebGlCoreRenderer } from '@lightningjs/renderer/webgl';
import { CanvasTextRenderer } from '@lightningjs/renderer/canvas';
import type { Config } from '@lightningtv/solid';
import { SIZE } from './theme/tokens.ts';

export function baseRendererOptions(): NonNullable<typeof Config.rendererOptions> {
  return {
    appWidth: SIZE.screenWidth,
    appHeight: SIZE.screenHeight,
    deviceLogicalPixelRatio: window.innerHeight / SIZE.screenHeight,
    renderEngine: WebGlCoreRenderer,
    fontEngines: [CanvasTextRenderer],
    // Transparent: the lesson video plays under the canvas.
    clearColor: 0x00000000,
    fpsUpdateInterval: 1000,
    boundsMargin: 100,
  };
}
