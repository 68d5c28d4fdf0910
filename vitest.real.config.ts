import { defineConfig } from 'vitest/config';

// Real-markup tier: the site adapters on real saved pages (../shared/real-dom) in headless
// Chromium. Skipped, and says so, where that folder is absent.
export default defineConfig({
  test: {
    include: ['tests/real/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
