import { defineConfig, type PluginOption } from 'vite';
import legacy from '@vitejs/plugin-legacy';
import solidPlugin from 'vite-plugin-solid';
import { legacyBoot } from './build/legacy-boot.ts';
import { LEGACY_POLYFILLS } from './build/legacy-polyfills.ts';

// The content API serves the production build and the API same-origin; in development the dev server
// proxies the API and the packaged media to a locally running content API.
const API_TARGET = process.env.KETANG_API_TARGET ?? 'http://127.0.0.1:8080';

/** WPE 2.2x's JavaScriptCore is about Safari 11–12; Chrome 38 is the floor the renderer supports. */
const LEGACY_TARGETS = ['chrome >= 38', 'safari >= 11'];

export default defineConfig({
  base: './',
  // vite-plugin-solid is hoisted next to the root's vite; its types name that copy, not ours.
  plugins: [
    solidPlugin({
      solid: { moduleName: '@lightningtv/solid', generate: 'universal' },
    }) as unknown as PluginOption,
    // The legacy bundle (SystemJS, ES5, the core-js polyfills listed in build/legacy-polyfills.ts) for Chrome
    // 38-class and WPE 2.2x engines; docs/tv-app.md says how the page picks one bundle.
    legacy({
      targets: LEGACY_TARGETS,
      // Listed, not detected by usage: the scan over-counts (build/legacy-polyfills.ts says what and why).
      polyfills: LEGACY_POLYFILLS,
      // DOM APIs the usage scan does not cover (it sees only ES built-ins): fetch is Chrome 42, AbortController
      // 66. The patch makes fetch (native or whatwg-fetch) reject when a polyfilled signal aborts, so the API
      // client's timeout works on Chrome 42–65, whose fetch ignores `signal`.
      additionalLegacyPolyfills: ['whatwg-fetch', 'abortcontroller-polyfill/dist/polyfill-patch-fetch'],
    }),
    legacyBoot(),
  ],
  resolve: {
    conditions: ['@lightningtv/source'],
    dedupe: [
      'solid-js',
      'solid-js/universal',
      '@solidjs/router',
      '@lightningtv/solid',
      '@lightningtv/solid/primitives',
    ],
  },
  optimizeDeps: { exclude: ['@lightningtv/solid', '@lightningjs/renderer'] },
  // No build.target: plugin-legacy sets the modern bundle's (its modernTargets default, Chrome 64+) and would
  // override ours with a warning.
  build: { sourcemap: false, reportCompressedSize: true },
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': API_TARGET, '/media': API_TARGET },
  },
});
