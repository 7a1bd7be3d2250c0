import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'packager',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end files encode real video: one file at a time keeps the shared 2 cores usable.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
