/**
 * hotspots and repeat-locations on the demo store: real police.uk points for Three Rivers and the
 * demo's synthetic fly-tipping points. Counts are checked against DuckDB queries of the store
 * itself (a different path from the commands' own), the map against GeoJSON's rules.
 */
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli, runCliJson } from './helpers/cli.js';
import { queryStore, updateStore } from './helpers/store-query.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;

beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

const sql = <T>(query: string) => queryStore<T>(db, query);

interface HotspotJson {
  incidents: number;
  outsideGrid: number;
  cells: number;
  cellSize: number;
  features: number;
  ranked: {
    rank: number;
    count: number;
    gistar: number;
    pAdjusted: number;
    hotspot: string | null;
    topLocations: { location: string; count: number }[];
  }[];
  classification: {
    periods: { from: string; to: string }[];
    skipped: { from: string; to: string }[];
    classes: Record<string, number>;
  } | null;
  notes: string[];
  warnings: string[];
}

describe('lantern hotspots', () => {
  it('maps every located ASB record of 2025 in Three Rivers onto the grid, ranked by Gi*', async () => {
    const out = `${dir.path}/asb.geojson`;
    const r = runCliJson<HotspotJson>([
      'hotspots',
      '--area',
      'Three Rivers',
      '--category',
      'anti-social-behaviour',
      '--period',
      '2025-01..2025-12',
      '--out',
      out,
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const [{ n }] = (await sql<{ n: string }>(
      `SELECT count(*) AS n FROM crime WHERE district_code = 'E07000102' AND category = 'anti-social-behaviour'
       AND month BETWEEN '2025-01' AND '2025-12' AND longitude IS NOT NULL`,
    )) as [{ n: string }];
    expect(r.json.incidents).toBe(Number(n));
    const geo = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      features: { geometry: { coordinates: number[][][] }; properties: { count: number } }[];
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(r.json.cells);
    // Every incident is in a cell or counted outside the area's cells.
    expect(geo.features.reduce((s, f) => s + f.properties.count, 0) + r.json.outsideGrid).toBe(
      r.json.incidents,
    );
    for (const f of geo.features.slice(0, 50))
      for (const [lon, lat] of f.geometry.coordinates[0]!) {
        expect(lon).toBeGreaterThan(-0.6);
        expect(lon).toBeLessThan(-0.3);
        expect(lat).toBeGreaterThan(51.5);
        expect(lat).toBeLessThan(51.8);
      }
    // Ranked by Gi*, the top cells significant hotspots after Benjamini–Hochberg.
    const z = r.json.ranked.map((c) => c.gistar);
    expect(z).toEqual([...z].sort((a, b) => b - a));
    expect(r.json.ranked[0]).toMatchObject({ rank: 1, hotspot: 'hotspot' });
    expect(r.json.ranked[0]!.pAdjusted).toBeLessThan(0.05);
    expect(r.json.notes.join(' ')).toMatch(/Benjamini–Hochberg/u);
  });

  it('classifies cells over the quarters held, skipping the quarters the bundled gaps leave incomplete', () => {
    const r = runCliJson<HotspotJson>([
      'hotspots',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--classify',
      '--period',
      '2021-01..2025-12',
      '--cell',
      '500',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    // 60 months → quarters. Held: 2021 Q1–Q4 and 2025 Q1–Q4; 2022 Q1 lacks Feb and Mar; 2022–2024 none.
    expect(r.json.classification!.periods.map((p) => p.from)).toEqual([
      '2021-01',
      '2021-04',
      '2021-07',
      '2021-10',
      '2025-01',
      '2025-04',
      '2025-07',
      '2025-10',
    ]);
    expect(r.json.classification!.skipped).toHaveLength(12);
    const tally = Object.values(r.json.classification!.classes).reduce((a, b) => a + b, 0);
    expect(tally).toBe(r.json.cells);
  });

  it('works on dated partner points, labelled synthetic', () => {
    const r = runCliJson<HotspotJson>([
      'hotspots',
      '--area',
      'Three Rivers',
      '--dataset',
      'fly-tipping',
      '--method',
      'kde',
      '--bandwidth',
      '600',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    expect(r.json.notes[0]).toMatch(/^SYNTHETIC DATA/u);
    expect(r.json.incidents).toBeGreaterThan(1500);
  });

  it('refuses bad input with a clear message', () => {
    const bad = (args: string[], message: RegExp) => {
      const r = runCli([
        'hotspots',
        '--area',
        'Three Rivers',
        '--period',
        '2025-01..2025-12',
        '--db',
        db,
        ...args,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    };
    bad(
      ['--category', 'burglary', '--method', 'heat'],
      /--method: "heat" is not count, kde or gistar/u,
    );
    bad(['--category', 'burglary', '--cell', '2'], /--cell: 2 m is too small/u);
    bad(
      ['--category', 'burglary', '--cell', '1', '--bandwidth', 'x'],
      /--bandwidth: "x" is not a number/u,
    );
    bad(['--dataset', 'domestic-abuse'], /domestic-abuse holds aggregate counts, not incidents/u);
  });
});

describe('hotspots at the scale of a force', () => {
  it('maps 200,000 points of an area with no boundaries held (a box around the points, not a stack overflow)', async () => {
    // A force whose boundaries the store does not hold gets a grid over the box around its
    // points; that box was once found by spreading every point into Math.min, which overflows
    // the stack at about 125,000 points (issue 14, item 7). Every Hertfordshire crime of the 30
    // bundled months, with the bundled boundaries removed, is such an area.
    const bare = demoStoreCopy(dir.path, 'no-boundaries.duckdb');
    await updateStore(bare, 'DELETE FROM boundary');
    const r = runCliJson<HotspotJson>([
      'hotspots',
      '--area',
      'hertfordshire',
      '--category',
      'all-crime',
      '--period',
      '2018-10..2025-12',
      '--method',
      'count',
      '--db',
      bare,
    ]);
    expect(r.stderr).not.toMatch(/call stack/u);
    expect(r.code).toBe(0);
    const [{ n }] = (await queryStore<{ n: string }>(
      bare,
      // The crimes with a location in the districts of the force area (E23000027: Hertfordshire).
      `SELECT count(*) AS n FROM crime
       WHERE category <> 'anti-social-behaviour' AND longitude IS NOT NULL AND district_code IN (
         SELECT d.code FROM area d JOIN area csp ON csp.code = d.parent
         WHERE d.type = 'district' AND csp.parent = 'E23000027')`,
    )) as [{ n: string }];
    expect(Number(n)).toBeGreaterThan(150_000);
    // With no boundary, every point lies in the grid's box: none falls outside.
    expect(r.json.incidents).toBe(Number(n));
    expect(r.json.outsideGrid).toBe(0);
  });
});

describe('lantern repeat-locations', () => {
  it('shares at the top places equal a direct count of the store, over every map point of the area', async () => {
    const r = runCliJson<{
      places: number;
      incidents: number;
      top: { percent: number; places: number; incidents: number }[];
      gini: number;
    }>([
      'repeat-locations',
      '--area',
      'Three Rivers',
      '--category',
      'shoplifting',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    const [{ places }] = (await sql<{ places: string }>(
      `SELECT count(*) AS places FROM (SELECT DISTINCT longitude, latitude FROM crime
       WHERE district_code = 'E07000102' AND longitude IS NOT NULL)`,
    )) as [{ places: string }];
    const counts = (
      await sql<{ n: string }>(
        `SELECT count(*) AS n FROM crime WHERE district_code = 'E07000102' AND category = 'shoplifting'
         AND month BETWEEN '2025-01' AND '2025-12' AND longitude IS NOT NULL
         GROUP BY longitude, latitude ORDER BY n DESC`,
      )
    ).map((row) => Number(row.n));
    expect(r.json.places).toBe(Number(places));
    expect(r.json.incidents).toBe(counts.reduce((a, b) => a + b, 0));
    const k = Math.ceil(0.01 * Number(places));
    expect(r.json.top[0]).toMatchObject({
      percent: 1,
      places: k,
      incidents: counts.slice(0, k).reduce((a, b) => a + b, 0),
    });
    expect(r.json.gini).toBeGreaterThan(0.9);
  });
});
