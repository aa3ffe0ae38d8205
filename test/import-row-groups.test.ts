/**
 * The loader writes a group's records into full row groups, in file order, so that the
 * checkpoint after an import has nothing to merge. A part-filled row group between two loads (as
 * a load on several DuckDB threads leaves) made the checkpoint rewrite every row group after it:
 * 0.35-0.7 s of a 3 s import of twelve large files (docs/benchmarks.md).
 */
import { afterAll, describe, expect, it } from 'vitest';

import { openStore } from '../src/store/open-store.js';
import { PoliceBatchLoader } from '../src/store/police-batches.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { streetBatch } from './helpers/street-batch.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** DuckDB's rows per row group. */
const ROW_GROUP = 122_880;

describe('a group loaded file by file', () => {
  it('leaves full row groups, all but the last, before any checkpoint', async () => {
    const db = await openStore(emptyStoreCopy(dir.path, 'store.duckdb'));
    try {
      const loader = await PoliceBatchLoader.create(db);
      const sizes = [70_000, 90_000, 80_000, 60_000, 50_000];
      const outcomes: Promise<unknown>[] = [];
      for (const [i, rows] of sizes.entries()) {
        outcomes.push(loader.add(streetBatch(`f${i}`, `2025-0${i + 1}` as '2025-01', rows)));
        // The first files load one by one, as when JavaScript checks the next meanwhile; the
        // last three together, as when they were checked while DuckDB loaded the one before.
        if (i < 2) await loader.backlogBelow(0);
      }
      await loader.close();
      for (const outcome of await Promise.all(outcomes))
        expect(outcome).toMatchObject({ ok: true });
      const groups = await db.query<{ rows: number }>(
        `SELECT row_group_id, max(count)::INTEGER AS rows FROM pragma_storage_info('crime')
         GROUP BY row_group_id ORDER BY row_group_id`,
      );
      const total = sizes.reduce((a, b) => a + b, 0);
      const full = Math.floor(total / ROW_GROUP);
      expect(full).toBe(2);
      expect(groups.map((g) => g.rows)).toEqual([
        ...Array.from({ length: full }, () => ROW_GROUP),
        total - full * ROW_GROUP,
      ]);
      // In file order: the months (one per file) follow each other through the table.
      const months = await db.query<{ month: string }>(
        'SELECT month FROM (SELECT month, row_number() OVER () AS n FROM crime) GROUP BY month ORDER BY min(n)',
      );
      expect(months.map((m) => m.month)).toEqual([
        '2025-01',
        '2025-02',
        '2025-03',
        '2025-04',
        '2025-05',
      ]);
    } finally {
      db.close();
    }
  });
});
