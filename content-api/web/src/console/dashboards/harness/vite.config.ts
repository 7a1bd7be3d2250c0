// Builds the harness (tools/e2e/dashboards.e2e.test.ts): `vite build --config <this file> --outDir <dir>`.
import { defineConfig } from 'vite';
import solidPlugin from 'vite-plugin-solid';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [solidPlugin()],
  logLevel: 'warn',
  build: { emptyOutDir: true, target: 'es2020', chunkSizeWarningLimit: 1_000 },
});
