/**
 * Another force, end to end: a store built with `import` from real Merseyside police.uk files
 * holds no boundaries, and says so; `lantern fetch boundaries --area Liverpool` against a local
 * fake of the ONS Open Geography Portal (test/helpers/fake-ons-geoportal.ts, serving real
 * Merseyside boundaries) stores them; then Liverpool's hotspots are clipped and its report's map
 * has the district's outline. No test touches the internet.
 */
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore } from '../src/store/open-store.js';
import { run, runJson } from './helpers/cli.js';
import { startFakeGeoportal, type FakeGeoportal } from './helpers/fake-ons-geoportal.js';
import { FIXTURES, tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/merseyside.duckdb`;
const MERSEYSIDE_FILE = `${FIXTURES}merseyside/2019-01-merseyside-street.csv.gz`;
let portal: FakeGeoportal;

beforeAll(async () => {
  portal = await startFakeGeoportal();
});
afterAll(async () => {
  await portal?.close();
  dir.remove();
});

interface ImportJson {
  files: { status: string; force: string }[];
  boundaryGaps: {
    force: { code: string; name: string };
    districts: { code: string; name: string }[];
    of: number;
    command: string;
  }[];
}

interface FetchJson {
  area: { code: string; name: string; type: string };
  layers: { type: string; vintage: string; asked: number; fetched: number; missing: string[] }[];
  requests: number;
}

interface HotspotsJson {
  warnings: string[];
  cells: number;
  cellSize: number;
}

/** The land the grid covers, in km². */
const gridKm2 = (h: HotspotsJson) => (h.cells * h.cellSize ** 2) / 1e6;

const hotspotsArgs = ['hotspots', '--area', 'Liverpool', '--period', '2019-01'];
const hotspots = () =>
  runJson<HotspotsJson>([...hotspotsArgs, '--category', 'burglary', '--db', db]);

async function storedBoundaries(): Promise<Record<string, number>> {
  const store = await openStore(db);
  try {
    // Every store holds the bundled Hertfordshire LSOAs; these are the portal's.
    const rows = await store.query<{ t: string; n: bigint | number }>(
      `SELECT area_type || ' ' || vintage AS t, count(*) AS n FROM boundary
       WHERE source LIKE 'ONS Open Geography Portal:%' GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  } finally {
    store.close();
  }
}

describe('a store built with import from another force', () => {
  it('import says the store lacks the force’s boundaries and names the command that fetches them', async () => {
    const text = await run(['import', MERSEYSIDE_FILE, '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "No LSOA boundaries are held for any of Merseyside's 5 districts: hotspot grids and report " +
        'maps there follow the ward boundaries where those are held, and are otherwise not clipped ' +
        'to the area and have no outline. Fetch them from the ONS Open Geography Portal with: ' +
        'lantern fetch boundaries --area Merseyside (without the internet: download them ' +
        'elsewhere and load them with lantern areas import-boundaries)',
    );
    // Imported again (nothing new), the JSON says the same.
    const again = await runJson<ImportJson>(['import', MERSEYSIDE_FILE, '--db', db]);
    expect(again.json.files[0]?.status).toBe('already-imported');
    expect(again.json.boundaryGaps).toEqual([
      {
        force: { code: 'E23000004', name: 'Merseyside' },
        districts: [
          { code: 'E08000011', name: 'Knowsley' },
          { code: 'E08000012', name: 'Liverpool' },
          { code: 'E08000014', name: 'Sefton' },
          { code: 'E08000013', name: 'St. Helens' },
          { code: 'E08000015', name: 'Wirral' },
        ],
        of: 5,
        command: 'lantern fetch boundaries --area Merseyside',
        // The sentence the command prints, for the dashboard's upload report to give as it is
        // (it had said "No boundaries are held" under maps with ward outlines: QA).
        text: expect.stringMatching(
          /^No LSOA boundaries are held for any of Merseyside's 5 districts: hotspot grids and report maps there follow the ward boundaries where those are held/u,
        ),
      },
    ]);
  }, 120_000);

  it('hotspots warn that the grid is unclipped, and say how to fetch the boundaries', async () => {
    const result = await hotspots();
    expect(result.code).toBe(0);
    expect(result.json.warnings).toContain(
      'No boundary of the district Liverpool is held (neither its own outline nor its LSOAs’ nor every ward’s): the grid covers the incidents’ extent, unclipped. ' +
        'Fetch its boundaries with: lantern fetch boundaries --area Liverpool',
    );
    // The box around the incidents: far more than Liverpool's 112 km².
    expect(gridKm2(result.json)).toBeGreaterThan(150);
  }, 120_000);

  it('fetch boundaries --area Liverpool stores its LSOAs, wards and district from the portal', async () => {
    const result = await runJson<FetchJson>([
      'fetch',
      'boundaries',
      '--area',
      'Liverpool',
      '--boundaries-url',
      portal.url,
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    expect(result.json.area).toEqual({ code: 'E08000012', name: 'Liverpool', type: 'district' });
    expect(
      result.json.layers.map((l) => [l.type, l.vintage, l.asked, l.fetched, l.missing]),
    ).toEqual([
      ['lsoa', '2011', 298, 298, []],
      ['ward', '2019', 30, 30, []],
      ['district', '2019', 1, 1, []],
    ]);
    // 298 LSOAs in chunks of 50 codes: 6 requests; 30 wards: 1; the district: 1.
    expect(result.json.requests).toBe(8);
    expect(await storedBoundaries()).toEqual({
      'district 2019': 1,
      'lsoa 2011': 298,
      'ward 2019': 30,
    });
    // Every query asked for WGS84 GeoJSON, ordered for stable paging; the district layer (full
    // resolution) was asked to generalise to about 20 m.
    for (const { query } of portal.log) {
      expect(query.get('f')).toBe('geojson');
      expect(query.get('outSR')).toBe('4326');
      expect(query.get('orderByFields')).toMatch(/CD$/u);
    }
    expect(portal.log.at(-1)?.query.get('maxAllowableOffset')).toBe('0.0002');
  }, 120_000);

  it('the text output says what was fetched, per type, and credits the source', async () => {
    const result = await run([
      'fetch',
      'boundaries',
      '--area',
      'Liverpool',
      '--boundaries-url',
      portal.url,
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/LSOA\s+2011\s+298\s+298\s+0/u);
    expect(result.stdout).toMatch(/ward\s+2019\s+30\s+30\s+0/u);
    expect(result.stdout).toMatch(/district\s+2019\s+1\s+1\s+0/u);
    expect(result.stdout).toContain(
      'Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
    );
    // Fetching again replaced the same boundaries: the store holds what it held.
    expect(await storedBoundaries()).toEqual({
      'district 2019': 1,
      'lsoa 2011': 298,
      'ward 2019': 30,
    });
  }, 120_000);

  it('hotspots are then clipped to Liverpool: no warning, and the grid covers the district', async () => {
    const result = await hotspots();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.json.warnings.join('\n')).not.toMatch(/unclipped|No boundary/u);
    // Liverpool's land is 111.8 km² (ONS Standard Area Measurements); cells are kept by centre.
    expect(gridKm2(result.json)).toBeGreaterThan(100);
    expect(gridKm2(result.json)).toBeLessThan(125);
  }, 120_000);

  it('the report for Liverpool has framed maps: the district’s outline under the cells', async () => {
    const out = `${dir.path}/report-liverpool`;
    const result = await run([
      'report',
      '--area',
      'Liverpool',
      '--period',
      '2019-01',
      '--out',
      out,
      '--no-pdf',
      '--no-save',
      '--draft',
      '--db',
      db,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const html = readFileSync(`${out}/assessment.html`, 'utf8');
    // Every hotspot map (the SVGs with a layer of top cells), each drawn over the outline.
    const maps = (html.match(/<svg[\s\S]*?<\/svg>/gu) ?? []).filter((svg) =>
      svg.includes('data-layer="top-cells"'),
    );
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) expect(map).toContain('data-layer="outline"');
    // And the infographic's, in both formats.
    for (const file of ['infographic.svg', 'infographic-social.svg'])
      expect(readFileSync(`${out}/${file}`, 'utf8')).toContain('data-layer="outline"');
    // Merseyside is a metropolitan force: its area is the force area, never "the county".
    expect(html).toContain('Alignment with the force area and the Police and Crime Plan');
    expect(html).not.toMatch(/the county|county band|county priority|absent from the county/iu);
  }, 180_000);

  it('import then names only the districts still without boundaries', async () => {
    const again = await runJson<ImportJson>(['import', MERSEYSIDE_FILE, '--db', db]);
    expect(again.json.boundaryGaps.map((g) => g.districts.map((d) => d.name))).toEqual([
      ['Knowsley', 'Sefton', 'St. Helens', 'Wirral'],
    ]);
    const text = await run(['import', MERSEYSIDE_FILE, '--db', db]);
    expect(text.stdout).toContain(
      "No LSOA boundaries are held for 4 of Merseyside's 5 districts (Knowsley, Sefton, St. Helens, Wirral)",
    );
  }, 120_000);

  it('a whole force: every district, with the codes the portal lacks listed (Knowsley’s wards of 2019)', async () => {
    const result = await run([
      'fetch',
      'boundaries',
      '--area',
      'Merseyside',
      '--boundaries-url',
      portal.url,
      '--db',
      db,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/LSOA\s+2011\s+910\s+910\s+0\n/u);
    expect(result.stdout).toMatch(/district\s+2019\s+5\s+5\s+0\n/u);
    // Knowsley was re-warded in 2016: the portal's layer (here, 2013's wards) lacks its 2019 codes.
    expect(result.stdout).toMatch(/ward\s+2019\s+105\s+90\s+15\n/u);
    const listed =
      /ward codes the portal's layer lacks \(Wards \(December 2019\) Boundaries UK BGC\), left without a boundary: (.*)\n/u.exec(
        result.stdout,
      );
    const missing = listed?.[1]?.split(', ') ?? [];
    expect(missing).toHaveLength(15);
    const store = await openStore(db);
    try {
      const knowsley = await store.query<{ code: string }>(
        `SELECT code FROM area WHERE type = 'ward' AND parent = 'E08000011' ORDER BY code`,
      );
      expect(missing).toEqual(knowsley.map((w) => w.code));
    } finally {
      store.close();
    }
    expect(
      (await runJson<ImportJson>(['import', MERSEYSIDE_FILE, '--db', db])).json.boundaryGaps,
    ).toEqual([]);
    expect((await run(['import', MERSEYSIDE_FILE, '--db', db])).stdout).not.toMatch(
      /No LSOA boundaries/u,
    );
  }, 120_000);
});
