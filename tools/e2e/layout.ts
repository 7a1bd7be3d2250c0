/// <reference lib="dom" />
// (page.evaluate callbacks run in the browser)
// What the renderer drew where: the text nodes on screen with their boxes, and how wide a label really draws
// in the app's font, so a test can tell overlapping or clipped text from a screenshot's worth of pixels.
import type { Page } from 'playwright-core';

export type TextBox = { text: string; x: number; y: number; width: number; height: number };

/** Every visible text node with its box in screen pixels (zero-width spaces removed from the text). */
export function textBoxes(page: Page): Promise<TextBox[]> {
  return page.evaluate(() => {
    type Node = {
      x: number;
      y: number;
      width: number;
      height: number;
      alpha: number;
      text?: string;
      children: Node[];
    };
    const root = (window as unknown as { __ketang: { renderer: { root: Node } } }).__ketang.renderer.root;
    const boxes: TextBox[] = [];
    const visit = (node: Node, x: number, y: number) => {
      if (node.alpha === 0) return;
      const left = x + node.x;
      const top = y + node.y;
      if (typeof node.text === 'string' && node.text.length > 0)
        boxes.push({
          text: node.text.replaceAll('\u200b', ''),
          x: left,
          y: top,
          width: node.width,
          height: node.height,
        });
      for (const child of node.children) visit(child, left, top);
    };
    visit(root, 0, 0);
    return boxes;
  });
}

/** The box of the text node showing exactly `text`; fails the test when there is none. */
export async function textBox(page: Page, text: string): Promise<TextBox> {
  const box = (await textBoxes(page)).find((candidate) => candidate.text === text);
  if (!box) throw new Error(`no text node shows "${text}"`);
  return box;
}

/** How wide `text` draws in the app's own font at `fontSize` (canvas measurement, as the renderer draws). */
export function drawnWidth(page: Page, text: string, fontSize: number): Promise<number> {
  return page.evaluate(
    async ({ text, fontSize }) => {
      const font = `${fontSize}px KetangSC`;
      await document.fonts.load(font, text);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = font;
      return context.measureText(text).width;
    },
    { text, fontSize },
  );
}

/** The colour (0xRRGGBBAA) the renderer draws behind the text node showing `text`: its parent node's colour. */
export function surfaceColorOf(page: Page, text: string): Promise<number> {
  return page.evaluate((wanted) => {
    type Node = { color: number; alpha: number; text?: string; parent: Node | null; children: Node[] };
    const root = (window as unknown as { __ketang: { renderer: { root: Node } } }).__ketang.renderer.root;
    const find = (node: Node): Node | undefined => {
      if (node.alpha === 0) return undefined;
      if (node.text?.replaceAll('\u200b', '') === wanted) return node;
      for (const child of node.children) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const found = find(root);
    if (!found?.parent) throw new Error(`no text node shows "${wanted}"`);
    return found.parent.color >>> 0;
  }, text);
}
