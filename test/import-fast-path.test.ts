/**
 * The import's fast path (street lines checked straight from the file's bytes, street-line.ts)
 * against reading every row as fields, on every bundled street file and the register's real
 * lookups: the staged bytes, rejected rows, months and placement must be identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PlacementLookups } from '../src/domain/placement.js';
import { parsePoliceFile } from '../src/ingest/police/parse-police-file.js';
import { openStore } from '../src/store/open-store.js';
import { loadPlacementLookups } from '../src/store/placement-lookups.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let lookups: PlacementLookups;
let files: Map<string, Buffer>;

beforeAll(async () => {
  const db = await openStore(`${dir.path}/store.duckdb`);
  lookups = await loadPlacementLookups(db);
  db.close();
  files = await readZipEntries(SAMPLE_ZIP, /-street\.csv$/);
});

afterAll(() => dir.remove());

describe('the fast path on the bundled street files', () => {
  it('stages every file exactly as reading its rows as fields does', () => {
    expect(files.size).toBe(30);
    let asFiled = 0;
    for (const [name, bytes] of files) {
      const parse = (fastPath: boolean) =>
        parsePoliceFile(name, name.split('/').pop() as string, bytes, 'hash', {
          lookups,
          fastPath,
        });
      const fast = parse(true);
      const fields = parse(false);
      expect(Buffer.compare(fast.staged.bytes(), fields.staged.bytes()), name).toBe(0);
      expect({ ...fast, staged: fast.staged.rows }, name).toEqual({
        ...fields,
        staged: fields.staged.rows,
      });
      if (fast.layout === 'as-filed') asFiled++;
    }
    // One file (2025-03) quotes an LSOA name with a comma in it and is read by papaparse.
    expect(asFiled).toBe(29);
  });
});
