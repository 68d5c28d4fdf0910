import { defineConfig } from 'vitest/config';

// The optional real-data tier: runs the national import and publish on KPU's real exports when the
// data folder next to the repository exists (../shared/data, or JN_REAL_DATA), and says plainly when
// it does not. Generated lists go to a temporary folder, never into the repository.
export default defineConfig({
  test: {
    include: ['tests/real-data/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
