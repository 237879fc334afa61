import { defineConfig } from 'vitest/config';

// Tests live under test/ (the web app's vite.config.ts has its own root; vitest must not inherit it).
export default defineConfig({
  root: import.meta.dirname,
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The CLI picks its language from the locale (src/cli/lang.ts); tests assert the Chinese default whatever
    // the machine's LANG is, and ask for English with --lang en where they test it.
    env: { CAIJIAN_LANG: 'zh' },
  },
});
