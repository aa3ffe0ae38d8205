/**
 * An import killed mid-file (SIGKILL, no chance to clean up) leaves the store consistent: every
 * batch it holds is complete, no rows exist without their batch, and the next import completes
 * the job. DuckDB replays only committed transactions, and each group of files is one
 * transaction; the import here uses small groups (about two files each), so it commits often.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { openStore } from '../src/store/open-store.js';
import { runCliJson } from './helpers/cli.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const BIN = new URL('../bin/lantern.js', import.meta.url).pathname;
const dir = tempDir();
afterAll(() => dir.remove());

/** Starts an import and kills it `delayMs` after the store's log first holds a committed file. */
async function importAndKill(db: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, 'import', SAMPLE_ZIP, '--db', db], {
    stdio: 'ignore',
    env: { ...process.env, LANTERN_IMPORT_GROUP_ROWS: '15000' },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const wal = `${db}.wal`;
  const started = Date.now();
  while (!(existsSync(wal) && statSync(wal).size > 0) && Date.now() - started < 60_000) {
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, delayMs));
  child.kill('SIGKILL');
  await exited;
}

async function consistency(path: string) {
  const db = await openStore(path);
  try {
    const [row] = await db.query<{
      batches: number;
      rows: number;
      orphans: number;
      incomplete: number;
    }>(
      `SELECT
         (SELECT count(*) FROM import_batch) AS batches,
         (SELECT count(*) FROM crime) + (SELECT count(*) FROM outcome) AS rows,
         (SELECT count(*) FROM crime WHERE batch_id NOT IN (SELECT id FROM import_batch)) AS orphans,
         (SELECT count(*) FROM import_batch b WHERE b.rows_accepted <>
            (SELECT count(*) FROM crime c WHERE c.batch_id = b.id)
            + (SELECT count(*) FROM outcome o WHERE o.batch_id = b.id)) AS incomplete`,
    );
    return row!;
  } finally {
    db.close();
  }
}

describe('an import killed mid-file', () => {
  it.each([150, 900])(
    'leaves the store consistent when killed %i ms into the import, and the next import completes',
    async (delay) => {
      const db = `${dir.path}/killed-${delay}.duckdb`;
      (await openStore(db)).close(); // create the store: its log is then empty
      await importAndKill(db, delay);
      const after = await consistency(db);
      expect(after.batches).toBeGreaterThan(0);
      expect(after.batches).toBeLessThan(43); // killed before the end
      expect(after.orphans).toBe(0);
      expect(after.incomplete).toBe(0);

      const resumed = runCliJson<{ files: { status: string }[] }>([
        'import',
        SAMPLE_ZIP,
        '--db',
        db,
      ]);
      expect(resumed.code).toBe(0);
      const statuses = resumed.json.files.map((f) => f.status);
      expect(statuses.filter((s) => s === 'already-imported')).toHaveLength(after.batches);
      expect(statuses.filter((s) => s === 'imported')).toHaveLength(43 - after.batches);
      const done = await consistency(db);
      expect(done).toEqual({ batches: 43, rows: 348_450, orphans: 0, incomplete: 0 });
    },
  );
});
