import path from 'node:path';
import { defineConfig } from 'vite';
import solidPlugin from 'vite-plugin-solid';
import { pageHead } from './page-head.ts';
import { WEB_PAGES, WEB_ASSETS_DIR } from './pages.ts';

// One multi-page build: each page is `<page>/index.html`, served by the content API at `/<page>/`; the
// shared chunks (locale, API client, solid-js) land once in `/web-assets/`, apart from the TV app's `/assets/`.
const API_TARGET = process.env.KETANG_API_TARGET ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [solidPlugin(), pageHead()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: WEB_ASSETS_DIR,
    target: 'es2020',
    sourcemap: false,
    reportCompressedSize: true,
    // The chart's lazy chunk (ECharts, tree-shaken) is ~530 kB minified, ~180 kB gzipped: measured, accepted.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      input: Object.fromEntries(
        WEB_PAGES.map((page) => [page, path.join(import.meta.dirname, page, 'index.html')]),
      ),
    },
  },
  server: { host: '127.0.0.1', port: 5174, proxy: { '/v1': API_TARGET } },
});
