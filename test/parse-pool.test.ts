/**
 * The compiled build's ParsePool (as `lantern import` runs it): files checked on its worker
 * thread and on the calling thread (`thread: false`, what a one-file import uses, since a worker's
 * start costs more than checking one file) must give identical results, bytes for bytes.
 */
import { createHash } from 'node:crypto';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { PlacementLookups } from '../src/domain/placement.js';
import type * as Pool from '../src/ingest/police/parse-pool.js';
import { openStore } from '../src/store/open-store.js';
import { loadPlacementLookups } from '../src/store/placement-lookups.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { readZipEntries } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

// The compiled module (the global setup builds dist/): from the TypeScript sources there is no
// worker to start, so only the build can show both paths.
const { ParsePool } = (await import(
  new URL('../dist/ingest/police/parse-pool.js', import.meta.url).href
)) as typeof Pool;

const dir = tempDir();
let lookups: PlacementLookups;
let files: Map<string, Buffer>;

beforeAll(async () => {
  const db = await openStore(emptyStoreCopy(dir.path, 'store.duckdb'));
  lookups = await loadPlacementLookups(db);
  db.close();
  files = await readZipEntries(SAMPLE_ZIP, /2025-0[16]-hertfordshire-street\.csv$/);
});

afterAll(() => dir.remove());

it('checks a file on the calling thread exactly as on the worker thread', async () => {
  const threaded = new ParsePool(Promise.resolve(lookups));
  const here = new ParsePool(Promise.resolve(lookups), { thread: false });
  try {
    expect(threaded.threaded).toBe(true);
    expect(here.threaded).toBe(false);
    expect(files.size).toBe(2);
    for (const [name, bytes] of files) {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const request = { path: name, baseName: name.split('/').pop() as string, hash };
      // The worker takes its bytes (moved, not copied): each side gets its own copy.
      const [a, b] = await Promise.all([
        threaded.parse({ ...request, bytes: Uint8Array.from(bytes) }),
        here.parse({ ...request, bytes: Uint8Array.from(bytes) }),
      ]);
      expect(a.stagedRows).toBeGreaterThan(8000);
      expect(Buffer.from(b.staged).equals(Buffer.from(a.staged))).toBe(true);
      expect({ ...b, staged: null }).toEqual({ ...a, staged: null });
    }
  } finally {
    await threaded.close();
    await here.close();
  }
});
