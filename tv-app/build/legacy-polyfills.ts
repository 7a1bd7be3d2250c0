// The legacy bundle's core-js polyfills, listed instead of detected. @vitejs/plugin-legacy builds ONE polyfills
// chunk from Babel's usage scan of EVERY legacy chunk, and the scan takes a method name on any object (`x.map`,
// `x.at`, `x.union`) for a possible typed-array, iterator-helper or Set-method call: that was 68.8 KiB gzip of
// the legacy bundle's first load. This list is the scan's result (2026-12-06, core-js 3.51: the modules the
// chunks and Babel's ES5 helpers asked for) minus what the code cannot need on the legacy targets:
// - what Chrome 73 lacks (iterator helpers, the Set methods, `Promise.withResolvers`, JSON.parse's source,
//   URLSearchParams' `size` and two-argument `has`/`delete`, Error's `cause`, the ES-next proposals): the
//   modern bundle ships no polyfills and runs from Chrome 73 (the detector's floor, src/boot/modern-apis.ts),
//   so the app cannot rely on them (one exception is kept below: `String.prototype.replaceAll`, Chrome 85,
//   which pages/App.tsx calls);
// - typed arrays and ArrayBuffer: Chrome 38 and Safari 11 have them natively, and the renderer uses their
//   constructors, `set` and `subarray` only; core-js would replace the constructors for spec details and add
//   the ES2015+ methods (shaka's media code uses those, and it needs Chrome 47-class engines, which have them);
// - `URL` and the DOMException constructor (below);
// - what is native on the targets and replaced only for details the code does not use: WeakMap/WeakSet
//   (Chrome 36; core-js wants 51 for subclassing and spec corners), `Number` (Chrome 41 parses '0b1'/'0o7'
//   strings), `Reflect.construct`/`Reflect.get` (Babel's class helpers test for them and fall back).
// From 68.8 KiB gzip to 41.5 KiB (docs/benchmarks.md, issue 14).
// tools/e2e/old-engine.ts deletes those methods before the legacy bundle boots and plays a lesson
// (legacy-bundle.e2e.test.ts), so a call the list misses fails there. After adding code that calls a built-in
// Chrome 38 or Safari 11 lacks, add its module here (names as in core-js/modules/, without `.js`).
export const LEGACY_POLYFILLS: string[] = [
  // Babel's ES5 helpers (classes, spread, super calls); `Reflect.ownKeys` (Chrome 49) stays
  'es.symbol',
  'es.symbol.description',
  'es.symbol.iterator',
  'es.symbol.to-primitive',
  'es.symbol.to-string-tag',
  'es.date.to-primitive',
  'es.object.get-own-property-descriptors',
  'es.reflect.own-keys',
  // Array
  'es.array.concat',
  'es.array.fill',
  'es.array.filter',
  'es.array.find',
  'es.array.find-index',
  'es.array.flat',
  'es.array.flat-map',
  'es.array.from',
  'es.array.includes',
  'es.array.index-of',
  'es.array.iterator',
  'es.array.last-index-of',
  'es.array.map',
  'es.array.push',
  'es.array.reduce',
  'es.array.reduce-right',
  'es.array.reverse',
  'es.array.slice',
  'es.array.sort',
  'es.array.splice',
  'es.array.unscopables.flat',
  'es.array.unscopables.flat-map',
  'es.array.unshift',
  // Object, globals
  'es.global-this',
  'es.math.to-string-tag',
  'es.object.assign',
  'es.object.entries',
  'es.object.freeze',
  'es.object.from-entries',
  'es.object.get-own-property-descriptor',
  'es.object.get-own-property-names',
  'es.object.get-prototype-of',
  'es.object.is-extensible',
  'es.object.keys',
  'es.object.seal',
  'es.object.to-string',
  'es.object.values',
  'es.json.stringify',
  'es.json.to-string-tag',
  // Promise, collections
  'es.promise',
  'es.promise.finally',
  'es.map',
  'es.set',
  // RegExp and String (Babel rewrites sticky, dotAll and named-group literals into calls on these)
  'es.regexp.constructor',
  'es.regexp.dot-all',
  'es.regexp.exec',
  'es.regexp.flags',
  'es.regexp.sticky',
  'es.regexp.test',
  'es.regexp.to-string',
  'es.string.ends-with',
  'es.string.from-code-point',
  'es.string.includes',
  'es.string.iterator',
  'es.string.match',
  'es.string.pad-start',
  'es.string.repeat',
  'es.string.replace',
  'es.string.replace-all',
  'es.string.search',
  'es.string.split',
  'es.string.starts-with',
  'es.string.trim',
  'es.string.trim-start',
  // Web: URLSearchParams (Chrome 49; the API client builds queries with it). Not `web.url` (9 KiB: a whole URL
  // parser): Chrome 38 and Safari 11 have `URL`; only its `searchParams` (Chrome 51) is newer, and the app
  // reads `new URLSearchParams(url.search)` instead. Not DOMException's constructor (Chrome 46): the fetch and
  // AbortController polyfills fall back from it, and shaka needs Chrome 47-class engines.
  'web.dom-collections.for-each',
  'web.dom-collections.iterator',
  'web.queue-microtask',
  'web.self',
  'web.url-search-params',
];
