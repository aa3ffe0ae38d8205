/**
 * While files load, DuckDB runs on one thread, writes each full row group at once, and its
 * allocator keeps the memory a load frees for the next load (store/police-batches.ts,
 * LOADING_SETTINGS; docs/benchmarks.md). Those settings hold for the store's whole instance, so
 * the loader must give every one of them back as it found it, whether its files loaded or not:
 * a server that imported an upload goes on answering with its own.
 */
import { afterAll, describe, expect, it } from 'vitest';

import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { PoliceBatchLoader } from '../src/store/police-batches.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { streetBatch } from './helpers/street-batch.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

const NAMES = [
  'threads',
  'write_buffer_row_group_count',
  'allocator_flush_threshold',
  'allocator_bulk_deallocation_flush_threshold',
  'allocator_background_threads',
];

async function settings(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of NAMES) out[name] = await db.setting(name);
  return out;
}

describe("the loader's DuckDB settings", () => {
  it('hold while files load and are given back when the loader closes', async () => {
    const db = await openStore(emptyStoreCopy(dir.path, 'loaded.duckdb'));
    try {
      const before = await settings(db);
      const loader = await PoliceBatchLoader.create(db);
      const during = await settings(db);
      expect(during).toMatchObject({
        threads: '1',
        write_buffer_row_group_count: '1',
        allocator_background_threads: 'true',
      });
      // The allocator keeps what a load frees: far above the 128 MiB and 512 MiB it starts with.
      expect(during.allocator_flush_threshold).toMatch(/GiB$/u);
      expect(during.allocator_bulk_deallocation_flush_threshold).toMatch(/GiB$/u);
      const loaded = loader.add(streetBatch('one', '2025-01', 3));
      await loader.close();
      expect(await loaded).toMatchObject({ ok: true });
      expect(await settings(db)).toEqual(before);
    } finally {
      db.close();
    }
  });

  it('are given back when a file is refused', async () => {
    const db = await openStore(emptyStoreCopy(dir.path, 'refused.duckdb'));
    try {
      const before = await settings(db);
      const loader = await PoliceBatchLoader.create(db);
      // A line cell that is not a number: DuckDB refuses the file's rows.
      const refused = loader.add(streetBatch('bad', '2025-01', 3, 'x'));
      await loader.close();
      expect(await refused).toMatchObject({ ok: false });
      expect(await settings(db)).toEqual(before);
    } finally {
      db.close();
    }
  });
});
