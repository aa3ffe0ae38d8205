/**
 * hotspots and repeat-locations on the demo store: real police.uk points for Three Rivers and the
 * demo's synthetic fly-tipping points. Counts are checked against DuckDB queries of the store
 * itself (a different path from the commands' own), the map against GeoJSON's rules.
 */
import { copyFileSync, readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { toBng } from '../src/geo/bng.js';
import { openStore } from '../src/store/open-store.js';
import { nameCells } from '../src/usecases/hotspot-names.js';
import { hotspots, type HotspotReport } from '../src/usecases/hotspots.js';
import type { IncidentPoint } from '../src/usecases/incident-points.js';
import { run, runJson } from './helpers/cli.js';
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
    name: string;
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
    const r = await runJson<HotspotJson>([
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
    // Six decimal places (about 10 cm), as RFC 7946 (11.2) advises and the cameras' map writes:
    // sixteen were digits below a millimetre, on points police.uk moves by tens of metres.
    const places = (v: number) => (String(v).split('.')[1] ?? '').length;
    expect(
      Math.max(...geo.features.flatMap((f) => f.geometry.coordinates[0]!.flat().map(places))),
    ).toBeLessThanOrEqual(6);
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

  it('classifies cells over the quarters held, skipping the quarters the bundled gaps leave incomplete', async () => {
    const r = await runJson<HotspotJson>([
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

  it('works on dated partner points, labelled synthetic', async () => {
    const r = await runJson<HotspotJson>([
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

  it('refuses bad input with a clear message', async () => {
    const bad = async (args: string[], message: RegExp) => {
      const r = await run([
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
    await bad(
      ['--category', 'burglary', '--method', 'heat'],
      /--method: "heat" is not count, kde or gistar/u,
    );
    await bad(
      ['--category', 'burglary', '--cell', '2'],
      /--cell: 2 is not a number of metres from 10 up/u,
    );
    await bad(['--category', 'burglary', '--bandwidth', 'x'], /--bandwidth: "x" is not a number/u);
    // A cell as large as the area gave one cell, Gi* z 0 and a centre of "NaN, NaN".
    await bad(
      ['--category', 'burglary', '--cell', '1e9'],
      /--cell 1000000000 m leaves 0 cells in Three Rivers: the map and Gi\* need a grid of at least 9 cells \(cells of 3,600 m give one\)/u,
    );
    const given = await run([
      'hotspots',
      '--area',
      'Three Rivers',
      '--period',
      '2025-01..2025-12',
      '--category',
      'burglary',
      '--cell',
      '3600',
      '--json',
      '--db',
      db,
    ]);
    expect(given.code, given.stderr).toBe(0);
    expect(JSON.parse(given.stdout).cells).toBeGreaterThanOrEqual(9);
    await bad(
      ['--dataset', 'domestic-abuse'],
      /domestic-abuse holds aggregate counts, not incidents/u,
    );
  });
});

describe('hotspot ranks mean something (issue 15, item 8)', () => {
  /** The command's result in this process, on the demo store copy. */
  const inProcess = async (request: Parameters<typeof hotspots>[2]): Promise<HotspotReport> => {
    const store = await openStore(db);
    try {
      return await hotspots(store, FULL_SCOPE, request);
    } finally {
      store.close();
    }
  };
  const BURGLARY_2025 = {
    area: 'Three Rivers',
    category: 'burglary',
    period: { from: '2025-01', to: '2025-12' },
  } as const;

  it('never ranks a cell with no incidents; such a cell may stay a Gi* hotspot on the map', async () => {
    // With the defaults (Gi*, 200 m cells) the highest z of Three Rivers' 250 burglaries of 2025
    // is a cell with none (its neighbours are busy): it was ranked first. Those burglaries (246 on
    // the grid, 0.996 expected per neighbourhood) are now too few for Gi* to mark any hotspot;
    // its 430 other thefts have such a cell too.
    const r = await inProcess({ ...BURGLARY_2025, category: 'other-theft' });
    expect(r.ranked).toHaveLength(10);
    expect(r.ranked.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const c of r.ranked) expect(c.count).toBeGreaterThan(0);
    const z = r.ranked.map((c) => c.gistar);
    expect(z).toEqual([...z].sort((a, b) => b - a));
    const cells = r.geojson.features.map(
      (f) => f.properties as { count: number; rank: number | null; hotspot: string | null },
    );
    const empty = cells.filter((c) => c.count === 0);
    expect(empty.every((c) => c.rank === null)).toBe(true);
    // Zero cells with a higher z than the first ranked one: still hotspots on the map.
    const hotEmpty = r.geojson.features.filter(
      (f) => f.properties!.count === 0 && (f.properties!.gistar as number) > r.ranked[0]!.gistar,
    );
    expect(hotEmpty.length).toBeGreaterThan(0);
    expect(hotEmpty.every((f) => f.properties!.hotspot === 'hotspot')).toBe(true);
    // Every cell with incidents has a rank, 1 to their number, each once.
    const ranks = cells
      .filter((c) => c.count > 0)
      .map((c) => c.rank!)
      .sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    // The busiest significant hotspots: significant, with incidents, most first.
    expect(r.busiest.length).toBeGreaterThan(0);
    for (const c of r.busiest) expect(c).toMatchObject({ hotspot: 'hotspot' });
    const counts = r.busiest.map((c) => c.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(
      Math.max(
        ...r.geojson.features
          .filter((f) => f.properties!.hotspot === 'hotspot')
          .map((f) => f.properties!.count as number),
      ),
    );
    // By density too, only cells with incidents.
    const kde = await inProcess({ ...BURGLARY_2025, category: 'other-theft', method: 'kde' });
    for (const c of kde.ranked) expect(c.count).toBeGreaterThan(0);
  });

  it("names each ranked cell by its ward (from its incidents' LSOAs) and its most common street", async () => {
    const r = await inProcess({
      ...BURGLARY_2025,
      category: 'all-crime',
      method: 'count',
      top: 20,
    });
    // An independent path: the records of the period, their cell from their National Grid point,
    // their ward from the register by SQL.
    const rows = await sql<{
      lon: number;
      lat: number;
      location: string | null;
      ward: string | null;
    }>(
      `SELECT c.longitude AS lon, c.latitude AS lat, c.location, w.name AS ward
       FROM crime c LEFT JOIN area l ON l.code = c.lsoa_code
       LEFT JOIN area w ON w.code = l.parent AND w.type = 'ward'
       WHERE c.district_code = 'E07000102' AND c.category <> 'anti-social-behaviour'
         AND c.month BETWEEN '2025-01' AND '2025-12' AND c.longitude IS NOT NULL`,
    );
    const points = rows.map((p) => ({ ...p, bng: toBng(Number(p.lon), Number(p.lat)) }));
    let checked = 0;
    for (const cell of r.ranked) {
      const [cx, cy] = toBng(cell.lon, cell.lat);
      const half = r.cellSize / 2;
      const inCell = points.filter(
        (p) => Math.abs(p.bng[0] - cx) < half - 0.01 && Math.abs(p.bng[1] - cy) < half - 0.01,
      );
      expect(inCell.length).toBe(cell.count);
      const tally = (values: (string | null)[]) => {
        const n = new Map<string, number>();
        for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
        return [...n].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      };
      const street = tally(inCell.map((p) => p.location))[0]![0];
      expect(cell.street).toBe(street);
      expect(cell.name).toBe(`${cell.street}, ${cell.ward!.name} ward`);
      // Where every record's LSOA has a ward in the register, the ward is the most common of them.
      if (inCell.every((p) => p.ward !== null)) {
        expect(cell.ward!.name).toBe(tally(inCell.map((p) => p.ward))[0]![0]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
    // The map carries the names of the cells with incidents.
    const named = r.geojson.features.filter((f) => f.properties!.count > 0);
    expect(named.every((f) => / ward$/u.test(f.properties!.name as string))).toBe(true);
  });

  it('a 2021 LSOA with no ward in the register is placed by ward or LSOA boundaries, else named by its district', async () => {
    // Three Rivers 002G (E01035603) is a 2021 LSOA: the register's lookup (2011 LSOAs) has no ward
    // for it. The same map point was recorded under its 2011 LSOA in 2021, whose ward is known.
    const [at] = await sql<{ lon: number; lat: number; ward: string }>(
      `SELECT DISTINCT n.longitude AS lon, n.latitude AS lat, w.name AS ward FROM crime n
       JOIN crime o ON o.longitude = n.longitude AND o.latitude = n.latitude AND o.month < '2025-01'
       JOIN area l ON l.code = o.lsoa_code JOIN area w ON w.code = l.parent AND w.type = 'ward'
       WHERE n.lsoa_code = 'E01035603' AND n.month >= '2025-01' ORDER BY lon, lat LIMIT 1`,
    );
    const then = at;
    expect(then?.ward).toBeTruthy();
    const [x, y] = toBng(Number(at!.lon), Number(at!.lat));
    const point: IncidentPoint = {
      lon: Number(at!.lon),
      lat: Number(at!.lat),
      x,
      y,
      month: '2025-06',
      date: null,
      location: 'On or near Somewhere',
      categories: ['burglary'],
      lsoa: 'E01035603',
    };
    const area = { code: 'E07000102', name: 'Three Rivers', type: 'district' as const };
    const cell = { x, y, points: [point], topLocation: 'On or near Somewhere' };
    const store = await openStore(db);
    try {
      const { names } = await nameCells(store, FULL_SCOPE, area, [cell]);
      expect(names[0]).toMatchObject({
        ward: { name: then!.ward },
        district: { code: 'E07000102', name: 'Three Rivers' },
        street: 'On or near Somewhere',
        streetFrom: 'incidents',
        name: `On or near Somewhere, ${then!.ward} ward`,
      });
    } finally {
      store.close();
    }
    // Without boundaries, the ward is not known and the district names the cell.
    const bare = demoStoreCopy(dir.path, 'no-lsoa-boundaries.duckdb');
    await updateStore(bare, `DELETE FROM boundary WHERE area_type = 'lsoa'`);
    const store2 = await openStore(bare);
    try {
      const { names, notes } = await nameCells(store2, FULL_SCOPE, area, [
        { ...cell, topLocation: null },
      ]);
      expect(names[0]!.ward).toBeNull();
      expect(names[0]!.streetFrom).toBe('nearest');
      expect(names[0]!.name).toMatch(/^On or near .+, Three Rivers \(ward not known\)$/u);
      expect(notes.join(' ')).toMatch(/named by their district/u);
    } finally {
      store2.close();
    }
    // Ward boundaries, when loaded, place it (here a square drawn round the point and given to
    // Abbots Langley & Bedmond, so that the answer can only have come from it).
    const d = 0.001;
    const square = [
      [point.lon - d, point.lat - d],
      [point.lon + d, point.lat - d],
      [point.lon + d, point.lat + d],
      [point.lon - d, point.lat + d],
      [point.lon - d, point.lat - d],
    ];
    await updateStore(
      bare,
      `INSERT INTO boundary (area_code, area_type, vintage, source, geometry) VALUES ('E05009425', 'ward', 'test', 'test',
        '${JSON.stringify({ type: 'Polygon', coordinates: [square] })}')`,
    );
    const store3 = await openStore(bare);
    try {
      const { names } = await nameCells(store3, FULL_SCOPE, area, [cell]);
      expect(names[0]!.ward).toEqual({ code: 'E05009425', name: 'Abbots Langley & Bedmond' });
      expect(names[0]!.name).toBe('On or near Somewhere, Abbots Langley & Bedmond ward');
    } finally {
      store3.close();
    }
  });

  it('text, JSON and GeoJSON carry the ward and the nearest street', async () => {
    const out = `${dir.path}/burglary.geojson`;
    const args = [
      'hotspots',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ];
    const text = await run([...args, '--out', out]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      /rank\s+count\s+KDE \/km²\s+Gi\* z\s+p \(BH\)\s+ward\s+nearest street\s+centre/u,
    );
    const first = text.stdout.split('\n').find((l) => /^\s+1\s/u.test(l))!;
    expect(first).not.toMatch(/^\s+1\s+0\s/u);
    const json = await runJson<{
      ranked: {
        rank: number;
        count: number;
        name: string;
        ward: { name: string } | null;
        street: string | null;
      }[];
    }>(args);
    expect(first).toContain(json.json.ranked[0]!.ward!.name);
    expect(first).toContain(json.json.ranked[0]!.street!);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };
    const top = geo.features.find((f) => f.properties.rank === 1)!;
    expect(top.properties).toMatchObject({
      name: json.json.ranked[0]!.name,
      ward: json.json.ranked[0]!.ward!.name,
      street: json.json.ranked[0]!.street,
    });
    expect(top.properties.count).toBeGreaterThan(0);
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
    const r = await runJson<HotspotJson>([
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
    // Across a force, a ward's name is followed by its district's (there is a Central ward in
    // more than one town).
    expect(r.json.ranked[0]!.name).toMatch(/^On or near .+, .+ ward, [A-Z][\w ]+$/u);
  });
});

describe('lantern repeat-locations', () => {
  it('shares at the top places equal a direct count of the store, over every map point of the area in the period', async () => {
    const r = await runJson<{
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
       WHERE district_code = 'E07000102' AND longitude IS NOT NULL
         AND month BETWEEN '2025-01' AND '2025-12')`,
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

  it('says when places outnumber incidents, with the generalised Gini, instead of "Gini 1.00" alone', async () => {
    // QA: "3 incidents at 3 of 1,342 places; Gini 1.00", the busiest 1% holding 100%: three
    // incidents at three places, as even as they can be.
    const args = ['repeat-locations', '--area', 'Three Rivers', '--category', 'bicycle-theft'];
    const period = ['--period', '2025-03', '--db', db];
    const r = await runJson<{
      places: number;
      placesWithIncidents: number;
      incidents: number;
      gini: number;
      giniFloor: number;
      generalisedGini: number;
    }>([...args, ...period]);
    expect(r.code).toBe(0);
    const { places, incidents, gini } = r.json;
    expect(incidents).toBeLessThan(places);
    expect(r.json.giniFloor).toBeCloseTo(1 - incidents / places, 12);
    expect(r.json.generalisedGini).toBeCloseTo(
      Math.max(0, 1 - (places / incidents) * (1 - gini)),
      12,
    );
    expect(gini).toBeGreaterThan(0.98);
    const text = await run([...args, ...period]);
    expect(text.stdout.split('\n')[0]).toContain(
      `Gini ${gini.toFixed(2)} (generalised ${r.json.generalisedGini.toFixed(2)}, fewer incidents than places: see the notes)`,
    );
    expect(text.stdout).toContain(`Fewer incidents (${incidents}) than places`);
    expect(text.stdout).toMatch(
      /of places \(\d+ or more\) are at least as many as the \d+ with any incident: their shares are 100% by arithmetic/u,
    );
  });

  it('gives the same answer for a period whatever months outside it the store holds', async () => {
    // The demo store holds 2018-10..2019-02 and 2021-01..2022-01 as well as 2025: map points
    // used only then are no part of 2025's question (they made "the busiest 10% of places"
    // of Three Rivers' 2025 burglaries 92% on this store and 58% on a store of 2025 alone).
    const args = ['repeat-locations', '--area', 'Three Rivers', '--category', 'burglary'];
    const period = ['--period', '2025-01..2025-12'];
    type Shares = { places: number; top: { share: number }[]; gini: number };
    const full = await runJson<Shares>([...args, ...period, '--db', db]);
    const only2025 = `${dir.path}/only-2025.duckdb`;
    copyFileSync(db, only2025);
    await updateStore(only2025, `DELETE FROM crime WHERE month < '2025-01'`);
    const alone = await runJson<Shares>([...args, ...period, '--db', only2025]);
    expect(full.code).toBe(0);
    expect(alone.code).toBe(0);
    expect(full.json.places).toBe(alone.json.places);
    expect(full.json.top).toEqual(alone.json.top);
    expect(full.json.gini).toBe(alone.json.gini);
  });
});
