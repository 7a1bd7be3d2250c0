/// <reference lib="dom" />
// (addInitScript callbacks run in the browser)
// Chromium made to look like an old TV engine, for the legacy bundle's test and benchmark: the APIs those
// engines lack are deleted before any script of the page runs, and (for an engine without modules) the page's
// `type=module` scripts are refused while its `nomodule` ones run.
import type { BrowserContext, Page } from 'playwright-core';

export type OldEngine = {
  /** Chrome 38–60: no ES modules; also no fetch or streams (Chrome 38–41), so their polyfill paths run. */
  withModules: boolean;
};

/** What Chrome 38–72 and WPE 2.2x lack that the modern bundle or its libraries may call. */
function removeModernApis(withoutFetch: boolean): void {
  const remove = (owner: object, name: string) => {
    Reflect.deleteProperty(owner, name);
    if (name in owner) throw new Error(`could not remove ${name}`);
  };
  remove(Object, 'fromEntries');
  remove(Promise.prototype, 'finally');
  remove(Array.prototype, 'flat');
  remove(Array.prototype, 'flatMap');
  remove(String.prototype, 'padStart');
  for (const name of [
    'queueMicrotask',
    'structuredClone',
    'AbortController',
    'IntersectionObserver',
    'ResizeObserver',
    'globalThis',
  ]) {
    remove(window, name);
  }
  if (withoutFetch) for (const name of ['fetch', 'ReadableStream', 'Request']) remove(window, name);
}

/** An engine without modules runs `nomodule` scripts and never a `type=module` one. */
export function withoutModules(html: string): string {
  return html.replace(/ type="module"/g, ' type="text/x-refused-module"').replace(/ nomodule/g, '');
}

/** Makes `target` (a page or a whole context) behave as the old engine for pages of `origin`. */
export async function emulateOldEngine(
  target: Page | BrowserContext,
  origin: string,
  engine: OldEngine,
): Promise<void> {
  await target.addInitScript(removeModernApis, !engine.withModules);
  if (engine.withModules) return;
  await target.route(`${origin}/`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: withoutModules(await response.text()) });
  });
}
