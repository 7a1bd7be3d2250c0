import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tools',
    include: [
      'demo-video/**/*.test.ts',
      'e2e/**/*.test.ts',
      'demo/**/*.test.ts',
      'bench/**/*.test.ts',
      'start/**/*.test.ts',
      'carrier/**/*.test.ts',
    ],
    // The TV end-to-end runs share one browser and one server per file: no parallel files fighting for 2 cores.
    fileParallelism: false,
  },
});
