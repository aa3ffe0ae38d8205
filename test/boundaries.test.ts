/** Importing boundaries: TopoJSON or GeoJSON, gzipped or not, codes matched to the register. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PolygonIndex } from '../src/geo/polygon-index.js';
import { loadBoundaries } from '../src/store/boundaries.js';
import { openStore } from '../src/store/open-store.js';
import { run, runJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/b.duckdb`;
const DISTRICTS = new URL('../data/boundaries/lad-2013-england.topo.json.gz', import.meta.url)
  .pathname;
beforeAll(async () => (await openStore(db)).close());
afterAll(() => dir.remove());

describe('lantern areas import-boundaries', () => {
  it('reads the bundled 2013 district TopoJSON, matching recoded districts by name', async () => {
    const { code, json: out } = await runJson<{
      files: { stored: number; skipped: number; codeProperty: string }[];
    }>([
      'areas',
      'import-boundaries',
      DISTRICTS,
      '--type',
      'district',
      '--vintage',
      '2013',
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    const json = out.files[0]!;
    expect(json.codeProperty).toBe('LAD13CD');
    // 326 districts of 2013: those merged away by 2019 (Dorset, Suffolk, Somerset) are skipped.
    expect(json.stored + json.skipped).toBe(326);
    const store = await openStore(db);
    const index = PolygonIndex.build(await loadBoundaries(store, 'district', '2013'));
    store.close();
    // St Albans was recoded in 2014 (E07000100 → E07000240): found by its name.
    expect(index.locate(-0.336, 51.752)).toBe('E07000240'); // St Albans city centre
    expect(index.locate(-0.473, 51.64)).toBe('E07000102'); // Rickmansworth, Three Rivers
  });

  it.each([
    ['not JSON', 'boundaries.json', 'hello', /not a JSON file/],
    [
      'JSON that is not GeoJSON',
      'thing.json',
      '{"a":1}',
      /not a GeoJSON FeatureCollection or a TopoJSON Topology/,
    ],
    [
      'features without codes the register knows',
      'odd.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { id: 'x' },
            geometry: { type: 'Point', coordinates: [0, 0] },
          },
        ],
      }),
      /no property holds area codes the register knows \(properties: id\)/,
    ],
  ])('refuses %s, naming the file', async (_what, name, content, message) => {
    writeFileSync(`${dir.path}/${name}`, content);
    const result = await run([
      'areas',
      'import-boundaries',
      `${dir.path}/${name}`,
      '--type',
      'lsoa',
      '--vintage',
      '2021',
      '--db',
      db,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain(name);
  });

  it('says a file of codes of another year is one, and how to import it by its names', async () => {
    // Knowsley's wards of 2013, re-drawn in 2016: no WD13CD code is in the 2019 register.
    const knowsley = join(dir.path, 'E08000011.json');
    writeFileSync(
      knowsley,
      gunzipSync(
        readFileSync(
          new URL('./fixtures/boundaries/wards_by_lad/E08000011.json.gz', import.meta.url),
        ),
      ),
    );
    const args = ['areas', 'import-boundaries', knowsley, '--type', 'ward', '--vintage', '2013'];
    const refused = await run([...args, '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${knowsley}: WD13CD holds ONS codes, but none of the first 21 is one the register (2019 areas) knows: ` +
        'they may be of another year. Give --code-property WD13CD: an area whose code the register does ' +
        'not know is then matched by its name (WD13NM), and those neither matches are listed',
    );
    // On a copy: the next test counts the wards of 2013 this store holds.
    const copy = join(dir.path, 'knowsley.duckdb');
    copyFileSync(db, copy);
    const named = await run([...args, '--code-property', 'WD13CD', '--db', copy]);
    expect(named.code, named.stderr).toBe(0);
    // 12 matched by name (said so); "Park" is not matched to a Park of another district.
    expect(named.stdout).toMatch(/12 ward boundaries .* stored; 9 features skipped/u);
    expect(named.stdout).toContain('matched by name: 12 of those stored');
    expect(named.stdout).toContain('none of the 17 areas named "Park" lies where another area');
  });

  it('imports several files at once, all of them or none', async () => {
    const wards = (lad: string) =>
      new URL(`./fixtures/boundaries/wards_by_lad/${lad}.json.gz`, import.meta.url).pathname;
    const count = async () => {
      const store = await openStore(db);
      const [row] = await store.query<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM boundary WHERE area_type = 'ward' AND vintage = '2013'",
      );
      store.close();
      return row?.n ?? 0;
    };
    const args = ['--type', 'ward', '--vintage', '2013', '--db', db];
    // A bad second file refuses the whole import: the first file's wards are not stored either.
    writeFileSync(`${dir.path}/broken.geojson`, '{"type": "FeatureCollection", "features": [');
    const refused = await run([
      'areas',
      'import-boundaries',
      wards('E08000012'),
      `${dir.path}/broken.geojson`,
      ...args,
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('broken.geojson');
    expect(await count()).toBe(0);
    const both = await runJson<{ files: { path: string; stored: number }[] }>([
      'areas',
      'import-boundaries',
      wards('E08000012'),
      wards('E08000013'),
      ...args,
    ]);
    expect(both.code, both.stderr).toBe(0);
    expect(both.json.files.map((f) => f.path)).toEqual([wards('E08000012'), wards('E08000013')]);
    // Liverpool's 30 wards and St Helens' 16 (2013 boundaries, the codes the register holds).
    expect(both.json.files.map((f) => f.stored)).toEqual([30, 16]);
    expect(await count()).toBe(46);
  });

  it('needs --type and --vintage', async () => {
    expect((await run(['areas', 'import-boundaries', DISTRICTS, '--db', db])).stderr).toMatch(
      /--type force\|csp\|district\|ward\|lsoa is required/,
    );
    expect(
      (await run(['areas', 'import-boundaries', DISTRICTS, '--type', 'district', '--db', db]))
        .stderr,
    ).toMatch(/--vintage YYYY is required/);
  });
});
