/**
 * The bundled real police.uk sample (Hertfordshire: 30 months of street data, 13 of outcomes)
 * imported once, and every count checked against counts made independently from the raw files
 * (yauzl + test/helpers/raw-police.ts here; Lantern uses its own zip reader and papaparse).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { categoryFromName } from '../src/domain/categories.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db } from '../src/store/db.js';
import { listAreas } from '../src/store/areas.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData, type ImportReport } from '../src/usecases/import-police-data.js';
import { summariseArea } from '../src/usecases/summarise-area.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { countBy, parseRaw, readZipEntries, type RawRow } from './helpers/raw-police.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';
import { HERTFORDSHIRE_DISTRICTS } from './helpers/hertfordshire.js';

const dir = tempDir();
let db: Db;
let first: ImportReport;
let street: Map<string, RawRow[]>;

beforeAll(async () => {
  db = await openStore(emptyStoreCopy(dir.path, 'store.duckdb'));
  first = await importPoliceData(db, [SAMPLE_ZIP]);
  const raw = await readZipEntries(SAMPLE_ZIP, /-street\.csv$/);
  street = new Map([...raw].map(([name, bytes]) => [name, parseRaw(bytes)]));
});

afterAll(() => {
  db?.close();
  dir.remove();
});

const slugCounts = (rows: readonly RawRow[]) =>
  Object.fromEntries(
    [...countBy(rows, 'Crime type')].map(([name, n]) => [categoryFromName(name), n]),
  );

describe('importing the bundled Hertfordshire sample', () => {
  it('imports all 43 files with no rejected rows', () => {
    expect(first.files).toHaveLength(43);
    expect(first.files.every((f) => f.status === 'imported' && f.rejected === 0)).toBe(true);
    expect(first.files.filter((f) => f.kind === 'street')).toHaveLength(30);
    expect(first.files.filter((f) => f.kind === 'outcomes')).toHaveLength(13);
  });

  it('accepts exactly the rows of each raw file', () => {
    for (const f of first.files.filter((x) => x.kind === 'street')) {
      const entry = f.path.split('!')[1] as string;
      expect(f.accepted, entry).toBe(street.get(entry)?.length);
    }
  });

  it('gives Hertfordshire 2025-12 per-category counts equal to the raw file', async () => {
    const raw = street.get('2025-12/2025-12-hertfordshire-street.csv') as RawRow[];
    const rows = await db.query<{ category: string; n: number }>(
      `SELECT category, count(*) AS n FROM crime WHERE force = 'hertfordshire' AND month = '2025-12' GROUP BY 1`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.category, r.n]))).toEqual(slugCounts(raw));
  });

  it('gives Three Rivers, over all months, per-category counts equal to the raw files', async () => {
    const raw = [...street.values()]
      .flat()
      .filter((r) => (r['LSOA name'] ?? '').startsWith('Three Rivers '));
    expect(raw).toHaveLength(15188); // as SOURCES.md records
    const summary = await summariseArea(db, FULL_SCOPE, { area: 'Three Rivers' });
    const lantern = Object.fromEntries(
      summary.categories.filter((c) => c.total! > 0).map((c) => [c.category, c.total]),
    );
    expect(lantern).toEqual(slugCounts(raw));
    expect(summary.totals.asb! + summary.totals.crime!).toBe(15188);
  });

  it('accounts, at force level, for every record the force published', async () => {
    const raw = street.get('2025-12/2025-12-hertfordshire-street.csv') as RawRow[];
    const summary = await summariseArea(db, FULL_SCOPE, {
      area: 'hertfordshire',
      period: { from: '2025-12', to: '2025-12' },
    });
    const { noLocation, outsideArea, notPlaced } = summary.uncounted!;
    expect(summary.totals.crime! + summary.totals.asb! + noLocation + outsideArea + notPlaced).toBe(
      raw.length,
    );
    expect(noLocation).toBe(raw.filter((r) => r['LSOA code'] === '').length);
    expect(summary.notes.join(' ')).toMatch(/records with no location/);
  });

  it('marks the gaps in the series as missing, with null counts, never zero', async () => {
    const summary = await summariseArea(db, FULL_SCOPE, {
      area: 'E07000102',
      period: { from: '2021-12', to: '2022-03' },
    });
    expect(summary.months).toEqual([
      { month: '2021-12', status: 'observed' },
      { month: '2022-01', status: 'observed' },
      { month: '2022-02', status: 'missing' },
      { month: '2022-03', status: 'missing' },
    ]);
    const burglary = summary.categories.find((c) => c.category === 'burglary');
    expect(burglary?.byMonth['2022-02']).toBeNull();
    expect(burglary?.byMonth['2021-12']).toBeGreaterThan(0);
  });

  it('keeps records outside the force area and without location, and counts them', async () => {
    const raw = [...street.values()].flat();
    // Independent placement from the raw ONS lookups: LSOA code first, then the LSOA name's district.
    const lsoaToLad = new Map(readLookup('135').map((r) => [r.LSOA11CD, r.LAD19CD]));
    const ladRows = readLookup('194');
    const ladByName = new Map(ladRows.map((r) => [r.LAD19NM, r.LAD19CD]));
    const pfaOfLad = new Map(ladRows.map((r) => [r.LAD19CD, r.PFA19CD]));
    let noLocation = 0;
    let unmatched = 0;
    let outside = 0;
    for (const r of raw) {
      const code = r['LSOA code'] ?? '';
      const name = r['LSOA name'] ?? '';
      if (code === '' && name === '') {
        noLocation++;
        continue;
      }
      const lad = lsoaToLad.get(code) ?? ladByName.get(name.replace(/ \d{3}[A-Z]$/, ''));
      if (!lad) unmatched++;
      else if (pfaOfLad.get(lad) !== 'E23000027') outside++;
    }
    const placed = first.files.filter((f) => f.kind === 'street').map((f) => f.placement!);
    const sum = (k: 'noLocation' | 'unmatched' | 'outsideForceArea') =>
      placed.reduce((n, p) => n + p[k], 0);
    expect(sum('noLocation')).toBe(noLocation);
    expect(sum('unmatched')).toBe(unmatched);
    expect(sum('outsideForceArea')).toBe(outside);
    expect(outside).toBeGreaterThan(2000); // about 1% of a force's records fall in neighbouring districts
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*) AS n FROM crime')) as [
      { n: number },
    ];
    expect(n).toBe(raw.length);
  });

  it('places 2021 LSOA codes the 2011 lookup lacks by their names', async () => {
    const rows = await db.query<{ lsoa_code: string; district_code: string }>(
      `SELECT DISTINCT lsoa_code, district_code FROM crime WHERE district_match = 'name'
       AND lsoa_code IN ('E01035600', 'E01035601', 'E01035602', 'E01035603')`,
    );
    expect(rows.map((r) => r.district_code)).toEqual([
      'E07000102',
      'E07000102',
      'E07000102',
      'E07000102',
    ]);
  });

  it("lists Hertfordshire's ten districts with their latest populations (Census 2021) and record counts", async () => {
    const areas = await listAreas(db, FULL_SCOPE, { type: 'district' });
    expect(areas.map((a) => a.name).sort()).toEqual([...HERTS].sort());
    const threeRivers = areas.find((a) => a.code === 'E07000102');
    expect(threeRivers).toMatchObject({
      population: { count: 93700, year: 2021 },
      crime: 11848,
      asb: 3340,
    });
  });

  it('adds nothing when the same archive is imported again', async () => {
    const [{ before }] = (await db.query<{ before: number }>(
      'SELECT count(*) AS before FROM crime',
    )) as [{ before: number }];
    const again = await importPoliceData(db, [SAMPLE_ZIP]);
    expect(again.files.every((f) => f.status === 'already-imported')).toBe(true);
    expect(again.files.reduce((n, f) => n + f.accepted, 0)).toBe(0);
    const [{ after }] = (await db.query<{ after: number }>(
      'SELECT count(*) AS after FROM crime',
    )) as [{ after: number }];
    expect(after).toBe(before);
  });

  it('imports outcomes rows matching the raw outcome files', async () => {
    const raw = await readZipEntries(SAMPLE_ZIP, /2021-06-hertfordshire-outcomes\.csv$/);
    const rows = parseRaw([...raw.values()][0] as Buffer);
    const stored = await db.query<{ outcome_type: string; n: number }>(
      `SELECT outcome_type, count(*) AS n FROM outcome WHERE month = '2021-06' GROUP BY 1`,
    );
    expect(Object.fromEntries(stored.map((r) => [r.outcome_type, r.n]))).toEqual(
      Object.fromEntries(countBy(rows, 'Outcome type')),
    );
  });
});

function readLookup(name: string): Record<string, string>[] {
  const gz = readFileSync(new URL(`../data/lookups/${name}.csv.gz`, import.meta.url));
  return parseRaw(gunzipSync(gz)) as Record<string, string>[];
}

const HERTS = HERTFORDSHIRE_DISTRICTS;
