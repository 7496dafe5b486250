import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Each file opens real SQLite files in its own temp folder: files can run in parallel.
    pool: 'forks',
  },
});
