/**
 * Stop and search for any district (issue 23): searches are placed in districts by their points
 * when imported, and `stop-search --area` reads one district's. On the bundled Northumbria files
 * (police.uk, OGL v3.0). The district counts are checked against an independent placement made
 * here: the raw CSV rows (test/helpers/raw-police.ts, not Lantern's reader) tested against Newcastle upon Tyne's
 * bundled boundary (decoded with topojson-client) by a plain even-odd ray-casting test, not
 * Lantern's R-tree and point-in-polygon-hao.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { DuckDBInstance } from '@duckdb/node-api';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE, type Scope } from '../src/domain/scope.js';
import { ForbiddenError } from '../src/errors.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { stopSearchSummary, type StopSearchReport } from '../src/usecases/stop-search.js';
import { run, runJson } from './helpers/cli.js';
import { parseRaw, readZipEntries, type RawRow } from './helpers/raw-police.js';
import { tempDir } from './helpers/temp.js';

const ZIP = new URL('../data/police/northumbria-stop-and-search.zip', import.meta.url).pathname;
const DISTRICTS = new URL('../data/boundaries/lad-2013-england.topo.json.gz', import.meta.url);
const CENSUS = new URL('../data/population/census-2011-lad-population.csv.gz', import.meta.url);
const Y2022 = { from: '2022-01', to: '2022-12' };
const NEWCASTLE = 'E08000021';
const SUNDERLAND = 'E08000024';

const dir = tempDir();
const path = `${dir.path}/searches.duckdb`;
let db: Db;
let raw2022: RawRow[];
let force: StopSearchReport;
let newcastle: StopSearchReport;
let june: RawRow[];
let newcastleJune: StopSearchReport;

/** Even-odd ray casting over every ring (holes included): inside when crossings are odd. */
function insideRings(lon: number, lat: number, rings: readonly Position[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi)
        inside = !inside;
    }
  }
  return inside;
}

function inDistrict(lon: number, lat: number, geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some((rings) => insideRings(lon, lat, rings));
}

/** Newcastle upon Tyne's bundled boundary, read here from the TopoJSON by its name. */
function newcastleBoundary(): Polygon | MultiPolygon {
  const topology = JSON.parse(gunzipSync(readFileSync(DISTRICTS)).toString('utf8')) as Topology;
  const all = feature(topology, topology.objects.lad!) as unknown as {
    features: { properties: Record<string, string>; geometry: Polygon | MultiPolygon }[];
  };
  const found = all.features.find((f) => f.properties.LAD13NM === 'Newcastle upon Tyne');
  if (!found) throw new Error('Newcastle upon Tyne is not in the bundled boundaries');
  return found.geometry;
}

const located = (r: RawRow) => r.Longitude !== '' && r.Latitude !== '';

beforeAll(async () => {
  db = await openStore(path);
  await importPoliceData(db, [ZIP]);
  raw2022 = [...(await readZipEntries(ZIP, /^2022-\d\d-northumbria/u)).values()].flatMap((b) =>
    parseRaw(b),
  );
  force = await stopSearchSummary(db, FULL_SCOPE, { force: 'northumbria', period: Y2022 });
  newcastle = await stopSearchSummary(db, FULL_SCOPE, {
    area: 'Newcastle upon Tyne',
    period: Y2022,
  });
  june = [...(await readZipEntries(ZIP, /^2022-06-northumbria/u)).values()].flatMap((b) =>
    parseRaw(b),
  );
  newcastleJune = await stopSearchSummary(db, FULL_SCOPE, {
    area: NEWCASTLE,
    period: { from: '2022-06', to: '2022-06' },
  });
}, 120_000);
afterAll(() => {
  db?.close();
  dir.remove();
});

describe('stop and search for any district', () => {
  it("counts Newcastle upon Tyne's searches as a separate point-in-polygon test of the raw rows does", () => {
    const boundary = newcastleBoundary();
    const mine = (rows: RawRow[]) =>
      rows.filter(
        (r) => located(r) && inDistrict(Number(r.Longitude), Number(r.Latitude), boundary),
      );
    expect(newcastle.area).toEqual({
      code: NEWCASTLE,
      name: 'Newcastle upon Tyne',
      type: 'district',
    });
    expect(newcastle.searches).toBe(mine(raw2022).length);
    expect(newcastle.searches).toBe(1645);
    expect(newcastle.searches).toBeLessThan(force.searches);
    // One month's file on its own, by the same independent test.
    expect(june.length).toBeGreaterThan(0);
    expect(newcastleJune.searches).toBe(mine(june).length);
  });

  it("breaks Newcastle's searches down from its own rows, with its own residents", () => {
    const boundary = newcastleBoundary();
    const rows = raw2022.filter(
      (r) => located(r) && inDistrict(Number(r.Longitude), Number(r.Latitude), boundary),
    );
    const gender = newcastle.breakdowns.find((b) => b.dimension === 'gender')!;
    for (const g of gender.groups)
      expect(g.searches, g.value).toBe(
        rows.filter((r) => (r.Gender === '' ? 'Not stated' : r.Gender) === g.value).length,
      );
    const arrests = rows.filter((r) => r.Outcome === 'Arrest').length;
    expect(newcastle.arrestRate).toBeCloseTo(arrests / rows.length, 12);
    // Disproportionality against Newcastle's own Census 2011 residents, read here from the table.
    const [census] = parseRaw(gunzipSync(readFileSync(CENSUS))).filter(
      (r) => r.geography === 'Newcastle upon Tyne' && r['Rural Urban'] === 'Total',
    );
    const residents = (g: string) => Number(census![`Ethnic Group: ${g}; measures: Value`]);
    const d = newcastle.disproportionality;
    const black = d.groups.find((g) => g.group === 'Black')!;
    const white = d.groups.find((g) => g.group === 'White')!;
    expect(black.residents).toBe(residents('Black'));
    expect(white.residents).toBe(residents('White'));
    const searchesOf = (g: string) =>
      rows.filter((r) => (r['Self-defined ethnicity'] ?? '').split(/[ /]/u)[0] === g).length;
    expect(black.searches).toBe(searchesOf('Black'));
    expect(black.ratio).toBeCloseTo(
      searchesOf('Black') / residents('Black') / (searchesOf('White') / residents('White')),
      10,
    );
    expect(d.notes.join(' ')).toMatch(
      /residents of each broad ethnic group of Newcastle upon Tyne/u,
    );
    // The force's own figures are not the district's.
    expect(
      force.disproportionality.groups.find((g) => g.group === 'Black')!.residents,
    ).toBeGreaterThan(black.residents);
  });

  it("places every search of the force: its districts, plus those in none, make the force's total", () => {
    const p = force.placement!;
    expect(p.districts.map((d) => d.name).sort()).toEqual([
      'Gateshead',
      'Newcastle upon Tyne',
      'North Tyneside',
      'Northumberland',
      'South Tyneside',
      'Sunderland',
    ]);
    expect(p.districts.find((d) => d.code === NEWCASTLE)?.searches).toBe(newcastle.searches);
    const inDistricts = p.districts.reduce((n, d) => n + d.searches, 0);
    expect(inDistricts + p.elsewhere + p.noLocation + p.noDistrict + p.notYetPlaced).toBe(
      force.searches,
    );
    expect(force.searches).toBe(raw2022.length);
    expect(p.noLocation).toBe(raw2022.filter((r) => !located(r)).length);
    expect(p.notYetPlaced).toBe(0);
    // Searches in none are named, not dropped.
    expect(p.elsewhere + p.noDistrict).toBeGreaterThan(0);
    expect(force.notes.join(' ')).toMatch(/lay in no district whose boundary is held/u);
  });

  it('reads a district by name or code through the command, and refuses a ward', async () => {
    const byCode = await runJson<{ searches: number; area: { name: string } }>([
      'stop-search',
      '--area',
      NEWCASTLE,
      '--period',
      '2022',
      '--db',
      path,
    ]);
    expect(byCode.code).toBe(0);
    expect(byCode.json.searches).toBe(1645);
    expect(byCode.json.area.name).toBe('Newcastle upon Tyne');
    const text = await run([
      'stop-search',
      '--area',
      'Sunderland',
      '--period',
      '2022',
      '--db',
      path,
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Sunderland \(Northumbria Police\), stop and search/u);
    const forceText = await run([
      'stop-search',
      '--force',
      'northumbria',
      '--period',
      '2022',
      '--db',
      path,
    ]);
    expect(forceText.stdout).toMatch(/Searches by district \(placed by their points\):/u);
    const ward = await run([
      'stop-search',
      '--area',
      'E05011447',
      '--period',
      '2022',
      '--db',
      path,
    ]);
    expect(ward.code).toBe(2);
    expect(ward.stderr).toMatch(/is a ward: stop and search is placed in districts/u);
    const wrongForce = await run([
      'stop-search',
      '--area',
      'Newcastle upon Tyne',
      '--force',
      'durham',
      '--period',
      '2022',
      '--db',
      path,
    ]);
    expect(wrongForce.code).toBe(2);
    expect(wrongForce.stderr).toMatch(/is in the area of Northumbria Police/u);
    // A slip in a force id is named as one, not as a force whose data the store lacks.
    await expect(
      stopSearchSummary(db, FULL_SCOPE, { force: 'northumbira', period: Y2022 }),
    ).rejects.toThrow(
      /"northumbira" is not a police\.uk force id \(did you mean "northumbria"\?\)/u,
    );
  });

  it("applies area grants: a Newcastle grant reads Newcastle's searches, not Sunderland's or the force's", async () => {
    const scope: Scope = { areas: [NEWCASTLE], datasets: ['police-stop-and-search'] };
    const mine = await stopSearchSummary(db, scope, { area: 'Newcastle upon Tyne', period: Y2022 });
    expect(mine.searches).toBe(newcastle.searches);
    await expect(
      stopSearchSummary(db, scope, { area: SUNDERLAND, period: Y2022 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      stopSearchSummary(db, scope, { force: 'northumbria', period: Y2022 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('a store whose searches were imported before they were placed (migration 14)', () => {
  const old = `${dir.path}/older.duckdb`;

  beforeAll(async () => {
    const store = await openStore(old);
    await importPoliceData(store, [ZIP]);
    store.close();
    // The store as an earlier version left it: no district columns, migration 14 not applied.
    const instance = await DuckDBInstance.create(old);
    const connection = await instance.connect();
    try {
      await connection.run('ALTER TABLE stop_search DROP COLUMN district_code');
      await connection.run('ALTER TABLE stop_search DROP COLUMN district_match');
      await connection.run("DELETE FROM store_pending_task WHERE task = 'place-stop-searches'");
      await connection.run('DELETE FROM schema_migration WHERE version = 14');
      await connection.run('CHECKPOINT');
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  }, 120_000);

  it('places them when the store is next opened, so a district can be read at once', async () => {
    const result = await runJson<{ searches: number; placement: null }>([
      'stop-search',
      '--area',
      'Newcastle upon Tyne',
      '--period',
      '2022',
      '--db',
      old,
    ]);
    expect(result.code).toBe(0);
    expect(result.json.searches).toBe(newcastle.searches);
    const whole = await runJson<{ placement: StopSearchReport['placement'] }>([
      'stop-search',
      '--force',
      'northumbria',
      '--period',
      '2022',
      '--db',
      old,
    ]);
    expect(whole.json.placement).toEqual(force.placement);
  });
});
