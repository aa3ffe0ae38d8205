/**
 * A command run while `lantern serve` holds the same store (DuckDB: one process writes, and a
 * writer keeps readers out): refused, saying it is the server, where it answers and what to do.
 * Before (QA), a read was told "the store is being changed by another Lantern command, such as an
 * import or a report … run this again when it has finished": the server never finishes.
 */
import { existsSync } from 'node:fs';

import { afterAll, expect, it } from 'vitest';

import { runCli } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { serveProcess } from './helpers/serve-process.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

it('names the server holding the store and its address, for reads and for writes', async () => {
  const db = demoStoreCopy(dir.path, 'served.duckdb');
  const server = await serveProcess(db);
  try {
    for (const args of [
      ['summary', '--area', 'Three Rivers', '--period', '2025'],
      ['plan', 'show'],
      ['check'],
    ]) {
      const refused = runCli([...args, '--db', db]);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain(
        `lantern serve (process ${server.pid}) is serving this store at ${server.url}`,
      );
      expect(refused.stderr).toMatch(/stop the server \(Ctrl\+C where it runs\)/u);
      expect(refused.stderr).not.toMatch(/when it has finished|have finished/u);
    }
    // An address over Node's header limit is answered in JSON, as every error is (it was a bare 431).
    const long = await fetch(`${server.url}api/trends?area=${'x'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(((await long.json()) as { error: { type: string } }).error.type).toBe('too-large');
  } finally {
    expect(await server.stop()).toBe(0);
  }
  // Stopped, it leaves no note behind, and the store is the commands' again.
  expect(existsSync(`${db}.serving`)).toBe(false);
  expect(runCli(['summary', '--area', 'Three Rivers', '--period', '2025', '--db', db]).code).toBe(
    0,
  );
}, 120_000);
