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
  // What the legacy bundle's listed polyfills leave out (tv-app/build/legacy-polyfills.ts), so a call to one
  // fails here: the typed-array methods newer than Chrome 38 (it has the constructors, `set`, `subarray` and
  // the iterators), and built-ins newer than Chrome 73, the modern bundle's floor.
  const typedArray = Object.getPrototypeOf(Uint8Array) as object;
  for (const name of ['from', 'of']) remove(typedArray, name);
  for (const name of [
    'at',
    'copyWithin',
    'every',
    'fill',
    'filter',
    'find',
    'findIndex',
    'findLast',
    'findLastIndex',
    'forEach',
    'includes',
    'indexOf',
    'join',
    'lastIndexOf',
    'map',
    'reduce',
    'reduceRight',
    'reverse',
    'slice',
    'some',
    'sort',
    'toReversed',
    'toSorted',
    'with',
  ]) {
    remove((typedArray as { prototype: object }).prototype, name);
  }
  for (const name of [
    'union',
    'intersection',
    'difference',
    'symmetricDifference',
    'isSubsetOf',
    'isSupersetOf',
    'isDisjointFrom',
  ])
    remove(Set.prototype, name);
  remove(Promise, 'withResolvers');
  remove(window, 'URLSearchParams'); // Chrome 49; `URL` itself is there, without `searchParams` (Chrome 51)
  remove(URL.prototype, 'searchParams');
  for (const name of ['construct', 'get']) remove(Reflect, name); // Chrome 49
  remove(window, 'Iterator'); // the iterator helpers' global; their methods live on its prototype
  const iteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
  for (const name of [
    'map',
    'filter',
    'find',
    'every',
    'some',
    'forEach',
    'reduce',
    'toArray',
    'flatMap',
    'take',
    'drop',
  ])
    remove(iteratorPrototype, name);
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
