/**
 * `lantern serve` stopped (SIGTERM, as systemd or a container stops it; Ctrl+C is SIGINT) while an
 * upload's import runs: it lets the import finish before it closes the store, and says so. Closed
 * under it (QA, the partnership's shared server), the import failed with "unexpected failure:
 * Failed to connect: instance closed", the uploader's events stopped without a word, and the
 * process still exited 0: nobody knew which files were stored.
 */
import { afterAll, expect, it } from 'vitest';

import { demoStoreCopy } from './helpers/demo-store.js';
import { serveProcess, uploadAndAwaitImport } from './helpers/serve-process.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

it('finishes the running import before it stops, and says so', async () => {
  const db = demoStoreCopy(dir.path, 'stop.duckdb');
  const server = await serveProcess(db);
  const url = server.url;

  // Stopped as soon as the import has its files (no longer "an upload being received").
  await uploadAndAwaitImport(url, (now) =>
    expect(now.running, 'the import ended before the server could be stopped').toBe(true),
  );
  expect(await server.stop('SIGTERM')).toBe(0);
  const { stdout, stderr } = server.output();
  expect(stderr).not.toMatch(/unexpected failure|instance closed/u);
  expect(stdout).toMatch(/Stopping: waiting for the import of .*merseyside.* to finish/u);
  expect(stdout).toContain('The import has finished.');
  // Both files are in the store, whole.
  const months = await queryStore<{ force: string; n: string }>(
    db,
    `SELECT force, count(*)::VARCHAR AS n FROM batch_month WHERE month = '2019-01' AND kind = 'street'
       AND force IN ('merseyside', 'gwent') GROUP BY force ORDER BY force`,
  );
  expect(months.map((m) => m.force)).toEqual(['gwent', 'merseyside']);
}, 120_000);
