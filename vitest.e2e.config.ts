import { defineConfig } from 'vitest/config';

// End-to-end tests of the BUILT extension in real headless Chromium. One file at a time: each
// launches its own browser, and the machine has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
