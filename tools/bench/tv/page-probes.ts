/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// What the benchmark reads inside the page: the renderer's JavaScript time per frame, key-to-focus
// latency, cold start to a focused home, texture memory. Both the app and the reference page expose
// `window.__ketang` with `renderer`, `focusedText()` and `activeElement()`.
import type { Page } from 'playwright-core';

/** tsx (esbuild keepNames) wraps named functions in `__name(...)`, which pages do not define. */
export const KEEP_NAMES_SHIM = { content: 'globalThis.__name = (fn) => fn;' };

export type FrameProbe = { frameMs: number[]; frameAt: number[]; keyToFocusMs: number[] };

/** Resolves with performance.now() (ms since navigation) at the first frame showing a focused tile. */
export function waitForFocusedHome(page: Page, timeoutMs = 30_000): Promise<number> {
  return page.evaluate(
    (timeout) =>
      new Promise<number>((resolve, reject) => {
        const started = performance.now();
        const check = () => {
          const hooks = (window as unknown as { __ketang?: { focusedText?: () => string } }).__ketang;
          const text = hooks?.focusedText?.() ?? '';
          // A tile, not the navigation bar's first button (the app focuses the first rail).
          if (text.length > 0) return requestAnimationFrame(() => resolve(performance.now()));
          if (performance.now() - started > timeout) return reject(new Error('home never focused'));
          requestAnimationFrame(check);
        };
        check();
      }),
    timeoutMs,
  );
}

/**
 * Wraps the renderer's per-frame work (animations update + drawFrame, which builds and submits the draw)
 * and times each key from its event to the end of the first frame drawn after focus changed.
 */
export function installFrameProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Stage = Record<'updateAnimations' | 'drawFrame', () => void>;
    const hooks = (
      window as unknown as { __ketang: { renderer: { stage: Stage }; activeElement: () => unknown } }
    ).__ketang;
    const stage = hooks.renderer.stage;
    const probe = { frameMs: [] as number[], frameAt: [] as number[], keyToFocusMs: [] as number[] };
    (window as unknown as { __benchProbe: typeof probe }).__benchProbe = probe;
    let animationMs = 0;
    let pendingKey: { at: number; before: unknown } | undefined;
    const update = stage.updateAnimations.bind(stage);
    const draw = stage.drawFrame.bind(stage);
    stage.updateAnimations = () => {
      const start = performance.now();
      update();
      animationMs = performance.now() - start;
    };
    stage.drawFrame = () => {
      const start = performance.now();
      draw();
      const end = performance.now();
      probe.frameMs.push(animationMs + end - start);
      probe.frameAt.push(end);
      if (pendingKey && hooks.activeElement() !== pendingKey.before) {
        probe.keyToFocusMs.push(end - pendingKey.at);
        pendingKey = undefined;
      }
    };
    window.addEventListener(
      'keydown',
      (event) => (pendingKey = { at: event.timeStamp, before: hooks.activeElement() }),
      true,
    );
  });
}

export function readFrameProbe(page: Page): Promise<FrameProbe> {
  return page.evaluate(() => (window as unknown as { __benchProbe: FrameProbe }).__benchProbe);
}

export function resetFrameProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const probe = (window as unknown as { __benchProbe: FrameProbe }).__benchProbe;
    probe.frameMs.length = 0;
    probe.frameAt.length = 0;
    probe.keyToFocusMs.length = 0;
  });
}

export function textureMemoryBytes(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Renderer = { stage: { txMemManager: { getMemoryInfo(): { memUsed: number } } } };
    return (
      window as unknown as { __ketang: { renderer: Renderer } }
    ).__ketang.renderer.stage.txMemManager.getMemoryInfo().memUsed;
  });
}

/** From OK on the lesson page to the first video frame presented (requestVideoFrameCallback). */
export function armFirstFrameTimer(page: Page): Promise<void> {
  return page.evaluate(() => {
    const video = document.getElementById('ketang-video') as HTMLVideoElement;
    const result: { pressedAt?: number; firstFrameMs?: number } = {};
    (window as unknown as { __benchFirstFrame: typeof result }).__benchFirstFrame = result;
    window.addEventListener('keydown', (event) => (result.pressedAt = event.timeStamp), {
      capture: true,
      once: true,
    });
    video.requestVideoFrameCallback(() => {
      result.firstFrameMs = performance.now() - (result.pressedAt ?? Number.NaN);
    });
  });
}

export async function readFirstFrameMs(page: Page, timeoutMs = 20_000): Promise<number> {
  await page.waitForFunction(
    () =>
      (window as unknown as { __benchFirstFrame: { firstFrameMs?: number } }).__benchFirstFrame
        .firstFrameMs !== undefined,
    undefined,
    { timeout: timeoutMs },
  );
  return page.evaluate(
    () =>
      (window as unknown as { __benchFirstFrame: { firstFrameMs: number } }).__benchFirstFrame.firstFrameMs,
  );
}

export type SceneCounts = { nodes: number; textNodes: number; drawnMegapixels: number };

/**
 * Nodes the renderer draws now (in the viewport, with a colour or a texture), how many of them are text (each
 * canvas text node is its own texture, rendered with the 2D canvas and uploaded), and the pixels their quads
 * cover, overlaps counted each time: what software GL fills on every frame.
 */
export function sceneCounts(page: Page): Promise<SceneCounts> {
  return page.evaluate(() => {
    type Node = {
      children: Node[];
      text?: unknown;
      renderState?: number;
      worldAlpha?: number;
      isRenderable?: boolean;
      width: number;
      height: number;
      globalTransform?: { ta: number; td: number };
    };
    const IN_VIEWPORT = 8; // CoreNodeRenderState.InViewport
    const hooks = (window as unknown as { __ketang: { renderer: { root: Node } } }).__ketang;
    const counts = { nodes: 0, textNodes: 0, drawnMegapixels: 0 };
    const visit = (node: Node) => {
      const isDrawn = node.renderState === IN_VIEWPORT && node.isRenderable && (node.worldAlpha ?? 1) > 0;
      if (isDrawn) {
        counts.nodes += 1;
        if (typeof node.text === 'string' && node.text.length > 0) counts.textNodes += 1;
        const scale = Math.abs((node.globalTransform?.ta ?? 1) * (node.globalTransform?.td ?? 1));
        counts.drawnMegapixels += (node.width * node.height * scale) / 1e6;
      }
      for (const child of node.children) visit(child);
    };
    visit(hooks.renderer.root);
    return counts;
  });
}
