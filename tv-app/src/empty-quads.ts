// Why the app touches the renderer's node class: see skipEmptyQuads.

type NodeInternals = {
  props: { shader: unknown };
  stage: { defShaderCtr: unknown };
  /** Set by `setSurfaceCovered`: an opaque child hides this node's own quad. */
  isSurfaceCovered?: boolean;
  hasShader(): boolean;
  hasColorProperties(): boolean;
  setUpdateType(type: number): void;
};
/** @lightningjs/renderer 2.23's `UpdateType.IsRenderable` (not exported): asks for `updateIsRenderable`. */
const UPDATE_IS_RENDERABLE = 1024;
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
  const hasColorProperties = nodeClass.hasColorProperties;
  nodeClass.hasShader = function (this: NodeInternals) {
    if (this.isSurfaceCovered === true) return false;
    return this.props.shader !== null && this.props.shader !== this.stage.defShaderCtr;
  };
  // Only asked of nodes without a texture: a covered surface then draws nothing, its children still do.
  nodeClass.hasColorProperties = function (this: NodeInternals) {
    return this.isSurfaceCovered !== true && hasColorProperties.call(this);
  };
}

/**
 * A node whose own quad an opaque child covers (a tile's surface under its loaded picture: only its 8-pixel
 * edge would show) is not drawn while `covered`; its children are. About 1 MP a frame on Home.
 */
export function setSurfaceCovered(node: { lng?: unknown }, covered: boolean): void {
  const core = node.lng as NodeInternals | undefined;
  if (!core || typeof core.setUpdateType !== 'function' || (core.isSurfaceCovered ?? false) === covered)
    return;
  core.isSurfaceCovered = covered;
  core.setUpdateType(UPDATE_IS_RENDERABLE);
}
