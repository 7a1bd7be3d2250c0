// Builds the benchmark reference page with the app's own Vite settings (same plugin, dedupe, target).
import path from 'node:path';
import { mergeConfig } from 'vite';
import appConfig from '../../vite.config.ts';

export default mergeConfig(appConfig, {
  root: import.meta.dirname,
  publicDir: false,
  build: {
    outDir: path.resolve(import.meta.dirname, '../../../.cache/bench-tv/reference'),
    emptyOutDir: true,
  },
});
