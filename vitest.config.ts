import { defineConfig } from 'vitest/config';
import { preloadDefine } from './electron/preload/define';

export default defineConfig({
  // The preload's test runs it as built: with the channel names put in.
  define: preloadDefine,
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/fault/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Each file opens real SQLite files in its own temp folder: files can run in parallel.
    pool: 'forks',
  },
});
