import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tv-app',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
