/**
 * A checkpoint while other sessions of the same store read (the HTTP server: an import's final
 * checkpoint while requests are being answered). DuckDB 1.5 checkpoints with other transactions
 * open, and a reader's snapshot is kept: if an upgrade changed either, the server's imports
 * would fail, or its readers would see rows move under them, and this test says so.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { Db } from './db.js';

const dir = mkdtempSync(join(tmpdir(), 'lantern-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Db.checkpoint with other sessions in transactions', () => {
  it('writes the log into the file while a session holds a snapshot, which it keeps', async () => {
    const path = join(dir, 'store.duckdb');
    const db = await Db.open(path);
    const reader = await db.session();
    try {
      await db.run('CREATE TABLE t AS SELECT range AS i, range % 10 AS m FROM range(100000)');
      await db.checkpoint();
      const count = async () =>
        Number((await reader.query<{ n: number }>('SELECT count(*) AS n FROM t'))[0]?.n);
      await reader.transaction(async () => {
        expect(await count()).toBe(100_000);
        // Another session replaces rows and commits, then checkpoints: no refusal.
        await db.transaction(async () => {
          await db.run('DELETE FROM t WHERE m = 3');
          await db.run('INSERT INTO t SELECT range, 3 FROM range(5)');
        });
        expect(statSync(`${path}.wal`).size).toBeGreaterThan(0);
        await db.checkpoint();
        expect(statSync(`${path}.wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
        // The reader's snapshot is the store before the change, still.
        expect(await count()).toBe(100_000);
      });
      expect(await count()).toBe(90_005);
    } finally {
      reader.close();
      db.close();
    }
  });
});
