/** Importing boundaries: TopoJSON or GeoJSON, gzipped or not, codes matched to the register. */
import { writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PolygonIndex } from '../src/geo/polygon-index.js';
import { loadBoundaries } from '../src/store/boundaries.js';
import { openStore } from '../src/store/open-store.js';
import { runCli, runCliJson } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = `${dir.path}/b.duckdb`;
const DISTRICTS = new URL('../data/boundaries/lad-2013-england.topo.json.gz', import.meta.url)
  .pathname;
beforeAll(async () => (await openStore(db)).close());
afterAll(() => dir.remove());

describe('lantern areas import-boundaries', () => {
  it('reads the bundled 2013 district TopoJSON, matching recoded districts by name', async () => {
    const { code, json } = runCliJson<{ stored: number; skipped: number; codeProperty: string }>([
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
  ])('refuses %s, naming the file', (_what, name, content, message) => {
    writeFileSync(`${dir.path}/${name}`, content);
    const result = runCli([
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

  it('needs --type and --vintage', () => {
    expect(runCli(['areas', 'import-boundaries', DISTRICTS, '--db', db]).stderr).toMatch(
      /--type force\|csp\|district\|ward\|lsoa is required/,
    );
    expect(
      runCli(['areas', 'import-boundaries', DISTRICTS, '--type', 'district', '--db', db]).stderr,
    ).toMatch(/--vintage YYYY is required/);
  });
});
