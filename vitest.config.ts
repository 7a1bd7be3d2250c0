import { defineConfig } from 'vitest/config';

// Each workspace owns its vitest.config.ts; the root runs them all as projects.
export default defineConfig({
  test: {
    projects: ['catalog', 'contract', 'content-api', 'content-api/web', 'packager', 'tv-app', 'tools'],
  },
});
