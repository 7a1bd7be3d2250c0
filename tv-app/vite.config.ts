import { defineConfig, type PluginOption } from 'vite';
import solidPlugin from 'vite-plugin-solid';

// The content API serves the production build and the API same-origin; in development the dev server
// proxies the API and the packaged media to a locally running content API.
const API_TARGET = process.env.KETANG_API_TARGET ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: './',
  // vite-plugin-solid is hoisted next to the root's vite; its types name that copy, not ours.
  plugins: [
    solidPlugin({
      solid: { moduleName: '@lightningtv/solid', generate: 'universal' },
    }) as unknown as PluginOption,
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
  build: { target: 'chrome69', sourcemap: false, reportCompressedSize: true },
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': API_TARGET, '/media': API_TARGET },
  },
});
