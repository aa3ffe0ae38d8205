/**
 * A store upgraded by a later version of Lantern is refused plainly by this one, before anything
 * is read or written. QA opened today's store with the release before: it read St Helens' repeat
 * victims, which the file never gave, as 0 (the later schema marks them unknown), and its writes
 * failed half-way with the database's "table partner_coverage has 6 columns but 5 values were
 * supplied"; a store recording a change this version does not know was opened without a word.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { MIGRATIONS } from '../src/store/migrations/index.js';
import { run } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { MERSEYSIDE_JANUARY_2019 } from './helpers/merseyside.js';
import { queryStore, updateStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('a store upgraded by a later version', () => {
  it('is refused by a read and by an import, and left as it was', async () => {
    const db = emptyStoreCopy(dir.path, 'later.duckdb');
    await updateStore(
      db,
      "INSERT INTO schema_migration VALUES (99, 'a change of a later version', now())",
    );
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    for (const args of [
      ['summary', '--area', 'Liverpool', '--period', '2019-01'],
      ['import', MERSEYSIDE_JANUARY_2019],
    ]) {
      const r = await run([...args, '--db', db]);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain(
        `${db}: this store was upgraded by a later version of Lantern (its schema has change 99, "a change of a later version"; this version knows changes up to ${latest}). Use that version or a later one; nothing was read or written.`,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /u);
    }
    expect(await queryStore(db, 'SELECT count(*)::INTEGER AS n FROM crime')).toEqual([{ n: 0 }]);
  });
});
