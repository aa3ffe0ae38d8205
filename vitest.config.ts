import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { defineConfig } from 'vitest/config';

/**
 * Three projects (docs/architecture.md, "Tests"):
 * - unit: pure code and small stores, no set-up at all;
 * - integration: commands and use cases run in this process on a copy of the demo store, built
 *   once per change of the code or data (test/helpers/global-setup.ts), with no compile step;
 * - e2e: what needs the real `lantern` process: exit codes, stdout holding only JSON, kills,
 *   a terminal, a full disk, the report's Chromium and the fake police.uk server.
 * `npm run test:fast` runs the first two.
 */
/** Test files that start a process (the built binary, a shell): these need dist/ built. */
const E2E = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/${f}`)
  .filter(
    (f) =>
      // serveProcess (test/helpers/serve-process.ts) spawns the built `lantern serve`.
      /\b(runCli\w*|spawn\w*|execFile\w*|serveProcess)\s*[<(]/u.test(readFileSync(f, 'utf8')) ||
      // The kill test's twin: it cuts the log of a real 348,450-row commit at 15 points.
      f === 'test/import-torn-log.test.ts',
  )
  .sort();

/**
 * Every temporary folder of a run under one folder, removed when the run ends: the tests' own
 * (test/helpers/temp.ts), and what Lantern and Chromium make in the processes the tests start (an
 * import's staging folder left by the kill tests, an upload's folder, a browser profile), which no
 * test can remove. Without it each run left about 10 GB in the machine's /tmp. Workers and the
 * processes they start read it from TMPDIR (`os.tmpdir()`).
 */
const RUN_TMP = (process.env.LANTERN_TEST_TMPDIR ??= mkdtempSync(join(tmpdir(), 'lantern-run-')));
// As /tmp is (sticky, open to all): tests run some commands as another user (store-damaged).
chmodSync(RUN_TMP, 0o1777);
process.once('exit', () => rmSync(RUN_TMP, { recursive: true, force: true }));

export default defineConfig({
  test: {
    pool: 'forks', // DuckDB is a native addon
    // Vitest's default is one worker fewer than the cores: one, here. Much test time is spent
    // waiting on DuckDB, Chromium or a spawned `lantern`, so two files at a time use both cores.
    maxWorkers: 2,
    // Two test files at a time on two cores: DuckDB's own two threads in each would put four on
    // two cores, and the switching costs more than the second thread gives a test's small
    // statements (the suite took 325 s with two threads, 291 s with one: docs/benchmarks.md).
    // Commands the tests spawn inherit it. Lantern itself keeps its default of two.
    env: { LANTERN_DUCKDB_THREADS: '1', TMPDIR: RUN_TMP },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        // Pure modules: a worker keeps them loaded from one file to the next.
        test: { name: 'unit', include: ['src/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          // Use cases keep no module-level state (a command's shared reads live in CommandReads),
          // so a worker keeps modules loaded from one file to the next; each file has its own store.
          isolate: false,
          exclude: E2E,
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/helpers/build-setup.ts', 'test/helpers/global-setup.ts'],
        },
      },
    ],
  },
});
