/**
 * Boundary files that are wrong in ways a careless export makes (QA): coordinates in British
 * National Grid metres or with longitude and latitude swapped, a coordinate that is text or a
 * ring that is empty, an area given twice, a feature without properties or not a feature at all,
 * a gzip bomb. Each is refused before anything is stored, naming the file, the feature and the
 * field, or (a feature without a code) skipped and listed; none reaches a map.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { toBng } from '../src/geo/bng.js';
import { run, runJson } from './helpers/cli.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { queryStore } from './helpers/store-query.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db = '';
beforeAll(() => {
  db = emptyStoreCopy(dir.path, 'b.duckdb');
});
afterAll(() => dir.remove());

/** Liverpool's 2013 LSOAs (the register's codes), as the ONS file gives them. */
const liverpool = JSON.parse(
  gunzipSync(
    readFileSync(new URL('./fixtures/boundaries/lsoa_by_lad/E08000012.json.gz', import.meta.url)),
  ).toString('utf8'),
) as FeatureCollection<Polygon>;
// Those drawn as one polygon (a few are MultiPolygons), for the transformations below.
const features = liverpool.features.filter((f) => f.geometry.type === 'Polygon');

function write(name: string, collection: unknown): string {
  const path = join(dir.path, name);
  writeFileSync(path, typeof collection === 'string' ? collection : JSON.stringify(collection));
  return path;
}

function withPositions(f: Feature<Polygon>, map: (p: Position) => Position): Feature<Polygon> {
  return {
    ...f,
    geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((r) => r.map(map)) },
  };
}

async function stored(): Promise<number> {
  const [row] = await queryStore<{ n: number }>(
    db,
    "SELECT count(*)::INTEGER AS n FROM boundary WHERE area_type = 'lsoa' AND vintage = '2031'",
  );
  return row?.n ?? 0;
}

const importArgs = (...paths: string[]) => [
  'areas',
  'import-boundaries',
  ...paths,
  '--type',
  'lsoa',
  '--vintage',
  '2031', // the store holds Hertfordshire's of 2011
  '--db',
  db,
];

describe('coordinates that are not longitude and latitude in the UK', () => {
  it('British National Grid metres are refused, naming feature, field and the conversion', async () => {
    const bng = features.map((f) => withPositions(f, ([lon, lat]) => toBng(lon!, lat!)));
    const path = write('bng.geojson', { type: 'FeatureCollection', features: bng });
    const r = await run(importArgs(path));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path}: ${features.length} features have a shape that cannot be stored; nothing was stored.`,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `feature 0 \\(${features[0]!.properties!.LSOA11CD}\\): geometry\\.coordinates\\[0\\]\\[0\\]: \\(\\d+\\.?\\d*, \\d+\\.?\\d*\\) is not a longitude and latitude: it looks like British National Grid metres \\(EPSG:27700\\)`,
        'u',
      ),
    );
    expect(await stored()).toBe(0);
  });

  it('longitude and latitude swapped are refused as swapped', async () => {
    const swapped = features.map((f) => withPositions(f, ([lon, lat]) => [lat!, lon!]));
    const path = write('swapped.geojson', { type: 'FeatureCollection', features: swapped });
    const r = await run(importArgs(path));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('longitude and latitude are swapped');
    expect(await stored()).toBe(0);
  });
});

describe('shapes that are not polygons', () => {
  it.each([
    ['text', 'abc', 'geometry.coordinates is "abc", not a list of rings'],
    ['an empty list', [], 'geometry.coordinates is [], not a list of rings'],
    ['missing', undefined, 'geometry.coordinates is missing, not a list of rings'],
    [
      'a position of text',
      [
        [
          ['x', 'y'],
          [1, 2],
          [3, 4],
          ['x', 'y'],
        ],
      ],
      'geometry.coordinates[0][0]: ["x","y"] is not a position',
    ],
    [
      'a ring of two corners',
      [
        [
          [-2.9, 53.4],
          [-2.8, 53.4],
        ],
      ],
      'geometry.coordinates[0] has 2 positions',
    ],
  ])(
    'coordinates %s: the file is refused, naming the feature and the field',
    async (_w, coordinates, said) => {
      const broken = features.map((f, i) =>
        i === 3 ? { ...f, geometry: { type: 'Polygon', coordinates } } : f,
      );
      const path = write('broken.geojson', { type: 'FeatureCollection', features: broken });
      const r = await run(importArgs(path));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `${path}: a feature has a shape that cannot be stored; nothing was stored.`,
      );
      expect(r.stderr).toContain(`feature 3 (${features[3]!.properties!.LSOA11CD}): ${said}`);
      expect(r.stderr).not.toMatch(/unexpected failure|\n\s+at /u);
      expect(await stored()).toBe(0);
    },
  );
});

describe('an area given twice', () => {
  it('in one file: refused, naming both features', async () => {
    const twice = [...features, { ...features[0]!, geometry: features[5]!.geometry }];
    const path = write('twice.geojson', { type: 'FeatureCollection', features: twice });
    const r = await run(importArgs(path));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${path}: an area is given more than once (LSOA11CD), so which shape is its own is not known; nothing was stored. ` +
        `feature 0 and feature ${features.length} are both ${features[0]!.properties!.LSOA11CD}`,
    );
    expect(await stored()).toBe(0);
  });

  it('in two files of one import: refused, naming both files', async () => {
    const a = write('a.geojson', { type: 'FeatureCollection', features: features.slice(0, 10) });
    const b = write('b.geojson', { type: 'FeatureCollection', features: features.slice(9, 20) });
    const r = await run(importArgs(a, b));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${features[9]!.properties!.LSOA11CD} is in ${a} (feature 9) and in ${b} (feature 0)`,
    );
    expect(await stored()).toBe(0);
  });
});

describe('features without properties, or not features', () => {
  it.each([
    [
      'no properties',
      { type: 'Feature', geometry: features[0]!.geometry },
      'feature 0 has no "LSOA11CD"',
    ],
    ['null', null, 'feature 0 is not a GeoJSON Feature (null)'],
  ])(
    'a first feature of %s is skipped and listed; the others are stored',
    async (_w, first, said) => {
      const path = write('first.geojson', {
        type: 'FeatureCollection',
        features: [first, ...features.slice(1)],
      });
      for (const extra of [[], ['--code-property', 'LSOA11CD']]) {
        const r = await runJson<{ files: { stored: number; skippedSample: string[] }[] }>([
          ...importArgs(path),
          ...extra,
        ]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.json.files[0]!.stored).toBe(features.length - 1);
        expect(r.json.files[0]!.skippedSample).toEqual([said]);
      }
      expect(await stored()).toBe(features.length - 1);
    },
  );
});

describe('a gzipped boundary file', () => {
  it('is inflated within the limits: a bomb is refused as one, before it fills the memory', async () => {
    const bomb = Buffer.alloc(64 * 2 ** 20, 0x20);
    bomb[0] = 0x5b; // [
    bomb[bomb.length - 1] = 0x5d; // ]
    const path = join(dir.path, 'bomb.geojson.gz');
    writeFileSync(path, gzipSync(bomb, { level: 9 }));
    const r = await run(importArgs(path));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: inflates to more than 100 times its compressed size`);
  });
});
