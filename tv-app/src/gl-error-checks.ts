// Why the app touches the renderer's GL wrapper: see skipGlErrorRoundTrips.

type RendererWithGl = { stage: { renderer: unknown } };

/**
 * @lightningjs/renderer 2.23's WebGlCoreCtxTexture calls gl.getError() after every texture it creates or
 * uploads, in every build. getError waits for the GPU process to answer, so it is the largest single cost of
 * a frame that brings in new text: a quarter of the renderer's JavaScript per frame while focus moves over
 * Home (CPU profile, SwiftShader). Production builds answer it without the round trip; development builds keep
 * the checks. The renderer's newer texture class gates these checks behind `__DEV__` itself: drop this once
 * the app moves to it.
 */
export function skipGlErrorRoundTrips(renderer: RendererWithGl, isProduction: boolean): void {
  if (!isProduction) return;
  const glw = (renderer.stage.renderer as { glw?: { getError: () => number } }).glw;
  if (glw) glw.getError = () => 0; // GL_NO_ERROR
}
