import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks', // DuckDB is a native addon
    // Vitest's default is one worker fewer than the cores: one, here. Most test time is spent
    // waiting on spawned `lantern` processes, so two files at a time use both cores.
    maxWorkers: 2,
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/**/*.test.ts'] } },
    ],
  },
});
