// Why the app touches the renderer's node class: see skipEmptyQuads.

type NodeInternals = {
  props: { shader: unknown };
  stage: { defShaderCtr: unknown };
  hasShader(): boolean;
};
type RendererWithRoot = { root: unknown };

/**
 * @lightningjs/renderer 2.23 gives every node the default shader, and counts a node with a shader and a size
 * as renderable: so every sized container without a colour (pages, rails, rows, Home's 1920 × 1080 layers)
 * is drawn as a fully transparent, blended quad on every frame. On Home that was about 60 quads covering
 * some 15 megapixels, seven screens' worth, that software GL (SwiftShader) fills for nothing. A node with
 * the default shader needs a colour (or a texture, checked before this) to show anything, so it counts as
 * having no shader of its own; nodes with their own shader (rounded corners, borders) are unchanged.
 */
export function skipEmptyQuads(renderer: RendererWithRoot): void {
  const nodeClass = Object.getPrototypeOf(renderer.root) as NodeInternals;
  nodeClass.hasShader = function (this: NodeInternals) {
    return this.props.shader !== null && this.props.shader !== this.stage.defShaderCtr;
  };
}
