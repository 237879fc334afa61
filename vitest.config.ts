import { defineConfig } from 'vitest/config';

// Tests live under test/ (the web app's vite.config.ts has its own root; vitest must not inherit it).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
