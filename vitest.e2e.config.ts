import { defineConfig } from 'vitest/config';

// Real-browser tests: headless Debian Chromium driven by playwright-core against the built app.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false, // two cores: one browser at a time keeps runs steady
  },
});
