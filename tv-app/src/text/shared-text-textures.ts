// Why the app touches the renderer's canvas text renderer: see shareTextTextures.

type Settings = Record<string, unknown> & { trFontFace?: unknown };
type Painter = {
  settings: Settings;
  draw(renderInfo: RenderInfo, lines: { lines: unknown; lineWidths: unknown }): void;
};
type RenderInfo = { lines: unknown; lineWidths: unknown };
type Texture = { state: string };
type TextState = {
  node?: { warmsTextTexture?: boolean };
  props: { color: number };
  renderInfo?: RenderInfo;
  lightning2TextRenderer: Painter;
  textureNode?: { texture: Texture; alpha: number };
};
type CanvasTextRendererInternals = {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): unknown };
  stage: {
    txManager: {
      createTexture(type: 'ImageTexture', props: object): Texture;
      loadTexture(texture: Texture, priority?: boolean): Promise<void>;
    };
    createNode(props: object): { texture: Texture; alpha: number };
  };
  setStatus(state: TextState, status: string): void;
  renderSingleCanvasPage(state: TextState): void;
};

/** The key of a text texture: everything that decides its pixels (the font face object aside: its name is in). */
export function textTextureKey(settings: Settings): string {
  return `text:${JSON.stringify(settings, (name, value: unknown) => (name === 'trFontFace' ? undefined : value))}`;
}

/**
 * @lightningjs/renderer 2.23's canvas text renderer draws every text node into a texture of its own, in the
 * frame the node first shows (fillText and a getImageData read-back): a rail heading or a caption that scrolls
 * back in, or a second node with the same text and style, is drawn again. Here the texture is keyed by what
 * it draws, so it is drawn once and shared while the renderer keeps it (its memory manager frees unused ones
 * as before), and `warmTextTexture` can draw a text ahead, in idle time, for a node that will show it.
 * The texture draws with its own copy of the layout settings, so a node whose text changes later cannot
 * change what a shared texture redraws after being freed. Otherwise the renderer's own method, unchanged.
 */
export function shareTextTextures(canvasTextRenderer: { prototype: unknown }): void {
  const proto = canvasTextRenderer.prototype as CanvasTextRendererInternals;
  proto.renderSingleCanvasPage = function (this: CanvasTextRendererInternals, state: TextState) {
    const renderInfo = state.renderInfo!;
    const shared = state.lightning2TextRenderer;
    const painter = new (shared.constructor as new (c: unknown, x: unknown) => Painter)(
      this.canvas,
      this.context,
    );
    painter.settings = { ...shared.settings };
    const texture = this.stage.txManager.createTexture('ImageTexture', {
      premultiplyAlpha: true,
      key: textTextureKey(shared.settings),
      src: () => {
        painter.draw(renderInfo, { lines: renderInfo.lines, lineWidths: renderInfo.lineWidths });
        if (this.canvas.width === 0 || this.canvas.height === 0) return null;
        return this.context.getImageData(0, 0, this.canvas.width, this.canvas.height);
      },
    });
    const alpha = (state.props.color & 0xff) / 255; // the renderer's getNormalizedAlphaComponent
    if (state.textureNode) {
      state.textureNode.texture = texture;
      state.textureNode.alpha = alpha;
    } else {
      state.textureNode = this.stage.createNode({ parent: state.node, texture, autosize: true, alpha });
    }
    this.setStatus(state, 'loaded');
    if (state.node?.warmsTextTexture === true) void this.stage.txManager.loadTexture(texture, true);
  };
}

type TextNode = { warmsTextTexture?: boolean; destroy(): void; once(event: string, cb: () => void): void };
export type TextRendererHost = { createTextNode(props: object): TextNode };

/**
 * Draws (and uploads) the texture a text node with these props will use, without showing it: a node outside
 * the scene lays the text out, the shared texture is loaded at once, then the node goes. Resolves when done.
 */
export function warmTextTexture(renderer: TextRendererHost, props: object): Promise<void> {
  return new Promise((resolve) => {
    const node = renderer.createTextNode({ ...props, x: 0, y: 0 });
    node.warmsTextTexture = true;
    const done = () => {
      node.destroy();
      resolve();
    };
    // The text node's own `loaded` comes once its texture is made; its texture loads with priority then.
    node.once('loaded', () => setTimeout(done, 0));
    node.once('failed', done);
  });
}
