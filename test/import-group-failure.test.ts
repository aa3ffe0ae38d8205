/**
 * Files load in groups, one transaction per group. When the group's transaction fails, nothing
 * of it stays in the store and its files are loaded again one by one: the file DuckDB cannot
 * load is refused on its own, the others are imported, as if each had been loaded alone.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { openStore } from '../src/store/open-store.js';
import { PoliceBatchLoader } from '../src/store/police-batches.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { streetBatch } from './helpers/street-batch.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const batch = streetBatch;

describe('a group whose transaction fails', () => {
  it('refuses only the file that cannot be loaded, and imports the others of its group', async () => {
    const db = await openStore(emptyStoreCopy(dir.path, 'store.duckdb'));
    try {
      const loader = await PoliceBatchLoader.create(db);
      const outcomes = Promise.all([
        loader.add(batch('a', '2025-01', 3)),
        loader.add(batch('bad', '2025-02', 2, 'not-a-line-number')),
        loader.add(batch('c', '2025-03', 4)),
      ]);
      await loader.endGroup();
      const [a, bad, c] = await outcomes;
      expect(a).toEqual({ ok: true, loaded: { batchId: 1, accepted: 3, replaced: 0 } });
      expect(bad?.ok).toBe(false);
      expect(c).toEqual({ ok: true, loaded: { batchId: 2, accepted: 4, replaced: 0 } });
      // The next group goes on from the store as the fallback left it.
      const next = loader.add(batch('d', '2025-01', 5));
      await loader.close();
      expect(await next).toEqual({ ok: true, loaded: { batchId: 3, accepted: 5, replaced: 3 } });
      const rows = await db.query<{ id: number; status: string; n: number }>(
        `SELECT b.id, b.status, (SELECT count(*) FROM crime c WHERE c.batch_id = b.id) AS n
         FROM import_batch b ORDER BY b.id`,
      );
      expect(rows).toEqual([
        { id: 1, status: 'replaced', n: 0 },
        { id: 2, status: 'imported', n: 4 },
        { id: 3, status: 'imported', n: 5 },
      ]);
    } finally {
      db.close();
    }
  });
});
