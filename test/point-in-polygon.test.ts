/**
 * Records that come with a point only (the police.uk API gives no LSOA) are placed first by the
 * police.uk map point they are snapped to (exact: the LSOA police.uk publishes is the map
 * point's), else by point-in-polygon against the bundled LSOA (2011) boundaries. Checked on the
 * bundled real data: 2025-12 records placed as if they came from the API, knowing only the
 * other months, against the LSOA police.uk gave each of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PointLocator } from '../src/geo/point-locator.js';
import { PolygonIndex } from '../src/geo/polygon-index.js';
import { loadBoundaries } from '../src/store/boundaries.js';
import type { Db } from '../src/store/db.js';
import { knownMapPoints, lsoaNames } from '../src/store/map-points.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { parseRaw, readZipEntries, type RawRow } from './helpers/raw-police.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: Db;
let polygons: PolygonIndex;
let december: RawRow[];

beforeAll(async () => {
  db = await openStore(emptyStoreCopy(dir.path, 'pip.duckdb'));
  polygons = PolygonIndex.build(await loadBoundaries(db, 'lsoa', '2011'));
  const raw = await readZipEntries(
    new URL('../data/police/hertfordshire-sample.zip', import.meta.url).pathname,
    /2025-\d\d-hertfordshire-street\.csv$/,
  );
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(`${dir.path}/2025`);
  for (const [name, bytes] of raw) {
    if (name.includes('2025-12')) december = parseRaw(bytes);
    else writeFileSync(`${dir.path}/2025/${name.split('/').pop()}`, bytes);
  }
  await importPoliceData(db, [`${dir.path}/2025`]); // 2025-01..11: the map points already seen
});
afterAll(() => {
  db?.close();
  dir.remove();
});

describe('placing points in LSOAs', () => {
  it('holds the 690 bundled Hertfordshire LSOA boundaries', () => {
    expect(polygons.size).toBe(690);
  });

  it('puts real records in the LSOA police.uk gave them: exactly at known map points, nearly always by polygon', async () => {
    const locator = new PointLocator(await knownMapPoints(db), polygons, await lsoaNames(db));
    const tally: Record<string, [number, number]> = {
      'map-point': [0, 0],
      polygon: [0, 0],
      none: [0, 0],
    };
    for (const r of december.filter((x) => x.Longitude !== '')) {
      const found = locator.locate(Number(r.Longitude), Number(r.Latitude));
      const counts = tally[found.method] as [number, number];
      counts[0]++;
      if (found.lsoaCode === r['LSOA code']) counts[1]++;
    }
    const [atPoints, samePoints] = tally['map-point'] as [number, number];
    const [byPolygon, samePolygon] = tally.polygon as [number, number];
    // Measured: 7,871 records at known map points (7,867 agree: the rest changed LSOA code
    // between vintages); 251 by polygon (240 agree: generalised edges); 84 outside Hertfordshire.
    expect(atPoints).toBeGreaterThan(7800);
    expect(samePoints / atPoints).toBeGreaterThan(0.999);
    expect(samePolygon / byPolygon).toBeGreaterThan(0.9);
    expect(tally.none?.[1]).toBe(0);
  });

  it('finds no LSOA for points outside the stored boundaries', () => {
    expect(polygons.locate(-1.6, 55.0)).toBeNull(); // Newcastle
  });
});
