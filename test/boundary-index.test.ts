/**
 * One area's shape is read through an index of the boundaries by code (migration 24), not by
 * reading every stored shape (9 MB of GeoJSON in the demo store: 75-90 ms of CPU on a store just
 * opened, paid by every report, assessment and hotspot map). The shape read is the one the
 * whole-table read gave: the latest vintage of the area's own type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Db } from '../src/store/db.js';
import { AREA_BOUNDARY_SQL, areaBoundary } from '../src/store/boundaries.js';
import { openStore } from '../src/store/open-store.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: Db;
beforeAll(async () => {
  db = await openStore(demoStoreCopy(dir.path));
});
afterAll(() => {
  db.close();
  dir.remove();
});

const indexes = async (store: Db) =>
  (
    await store.query<{ name: string }>(
      "SELECT index_name AS name FROM duckdb_indexes() WHERE table_name = 'boundary'",
    )
  ).map((r) => r.name);

describe("an area's own boundary", () => {
  it('is read through the index of boundaries by code', async () => {
    expect(await indexes(db)).toEqual(['boundary_area_code']);
    const plan = await db.query<{ explain_value: string }>(`EXPLAIN ANALYZE ${AREA_BOUNDARY_SQL}`, {
      code: 'E07000102',
    });
    expect(plan.map((p) => p.explain_value).join('\n')).toMatch(/Type: Index Scan/u);
  });

  it('is the shape the whole-table read gave: the latest vintage of its own type', async () => {
    const held = await db.query<{ code: string; type: string; geometry: string }>(
      `SELECT area_code AS code, area_type AS type, arg_max(geometry, vintage) AS geometry
       FROM boundary GROUP BY area_code, area_type ORDER BY area_code`,
    );
    expect(held.length).toBeGreaterThan(1000);
    for (const h of held.filter((_, i) => i % 50 === 0 || _.type === 'district')) {
      const read = await areaBoundary(db, h.code, h.type as 'district' | 'lsoa');
      expect(read?.geometry, h.code).toEqual(JSON.parse(h.geometry));
    }
    // A code held, asked for as another type; a code not held.
    expect(await areaBoundary(db, 'E07000102', 'lsoa')).toBeNull();
    expect(await areaBoundary(db, 'E07999999', 'district')).toBeNull();
  });
});
