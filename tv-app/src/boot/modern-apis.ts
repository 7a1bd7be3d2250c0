// Which bundle may boot: the modern one only where the engine has the runtime APIs the modern bundle calls
// without polyfills. @vitejs/plugin-legacy's own check is syntax only (import.meta, dynamic import, async
// generators: Chrome ≥ 64 passes), so a Chrome 64–72 or WPE 2.22 engine would run the modern bundle and fail
// on `Object.fromEntries` or `globalThis`. This list, checked by the page before the app loads
// (build/legacy-boot.ts) and by the modern entry itself, sends those engines to the legacy bundle.

/** Dotted paths from `window`; each must exist (Chrome 73 is the first Chrome with all of them). */
export const MODERN_APIS = [
  'globalThis',
  'Object.fromEntries',
  'Promise.prototype.finally',
  'Array.prototype.flat',
  'Array.prototype.flatMap',
  'String.prototype.padStart',
  'queueMicrotask',
  'AbortController',
] as const;

/**
 * True when every path resolves. Self-contained (no imports, no helpers): its source text also runs as the
 * page's detector, a module script that engines without the modern bundle's APIs still execute.
 */
export function hasModernApis(root: object, paths: readonly string[]): boolean {
  return paths.every((path) => {
    let node: unknown = root;
    for (const part of path.split('.')) {
      node = node == null ? undefined : (node as Record<string, unknown>)[part];
    }
    return node !== undefined && node !== null;
  });
}
