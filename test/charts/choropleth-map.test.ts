/**
 * choroplethMap: every area drawn once with its code and a tooltip, shaded by natural-breaks
 * class (hatched grey for no data), north up at one scale, wards outlined and named as on the
 * hotspot map, and alt text naming the highest areas; on a synthetic grid of square areas for
 * exact checks and on Sefton's real LSOAs and wards (test/fixtures/boundaries) for the names.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { choroplethMap, choroplethMapMinHeight, SEQUENTIAL_5 } from '../../src/charts/index.js';
import type { ChoroplethArea, ChoroplethMapInput, MapPlaces } from '../../src/charts/index.js';
import { toBng } from '../../src/geo/bng.js';
import { boxesOverlap, cutTexts, textBoxes } from './text-boxes.js';
import { mapNames } from './map-names.js';
import { all, descendants, layer, parseXml, pathPoints, texts } from './xml.js';
import type { XmlElement } from './xml.js';

const square = (x: number, y: number, size = 1_000): [number, number][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** A 4 × 3 grid of 1 km areas, values rising to the north-east; one with no value. */
const grid: ChoroplethArea[] = Array.from({ length: 12 }, (_, i) => {
  const [col, row] = [i % 4, Math.floor(i / 4)];
  return {
    code: `E0100${String(i).padStart(4, '0')}`,
    name: `Three Rivers ${String(i + 1).padStart(3, '0')}A`,
    outline: [square(500_000 + col * 1_000, 200_000 + row * 1_000)],
    value: i === 4 ? null : [0, 2, 2.5, 4, 5, 6, 7.5, 9, 12, 14.5, 18, 25.4][i]!,
    ...(i === 11 ? { label: 'South Oxhey' } : {}),
  };
});

const input: ChoroplethMapInput = {
  id: 'lsoa-rate',
  title: 'Burglary rate by LSOA, Three Rivers, 2025',
  areas: grid,
  valueLabel: 'crimes per 1,000 residents',
};

const areaPaths = (root: XmlElement) => all(layer(root, 'areas')!, 'path');
const desc = (root: XmlElement) => all(root, 'desc')[0]?.text;

describe('choroplethMap', () => {
  const root = parseXml(choroplethMap(input));

  it('draws each area once, with its code and a tooltip of its name and value', () => {
    const paths = areaPaths(root);
    expect(paths.map((p) => p.attrs['data-code'])).toEqual(grid.map((a) => a.code));
    const tips = paths.map((p) => p.children.find((c) => c.name === 'title')?.text);
    expect(tips[0]).toBe('Three Rivers 001A: 0 crimes per 1,000 residents');
    expect(tips[4]).toBe('Three Rivers 005A: no data');
    expect(tips[11]).toBe('Three Rivers 012A (South Oxhey): 25.4 crimes per 1,000 residents');
    expect(paths.some((p) => 'tabindex' in p.attrs)).toBe(false);
    const focusable = areaPaths(parseXml(choroplethMap({ ...input, focusable: true })));
    expect(focusable.every((p) => p.attrs.tabindex === '0')).toBe(true);
  });

  it('shades by natural-breaks class, light to dark, and hatches an area with no value', () => {
    const paths = areaPaths(root);
    const ramp: readonly string[] = SEQUENTIAL_5;
    const fills = paths.map((p) => p.attrs.fill ?? '');
    expect(fills[4]).toBe('url(#lsoa-rate-no-data)');
    expect(all(root, 'pattern')[0]?.attrs.id).toBe('lsoa-rate-no-data');
    const shaded = fills.filter((_, i) => i !== 4);
    expect(shaded.every((f) => ramp.includes(f))).toBe(true);
    // Darker for more: ramp position never falls as the value rises.
    const byValue = grid
      .map((a, i) => ({ v: a.value, f: fills[i]! }))
      .filter((a) => a.v !== null)
      .sort((a, b) => a.v! - b.v!);
    const steps = byValue.map((a) => ramp.indexOf(a.f));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(4);
    // A zero is the lowest class, not "no data".
    expect(fills[4]).not.toBe(fills[0]);
  });

  it('keys contiguous ranges from the least value to the most, then No data', () => {
    const key = all(layer(root, 'legend')!, 'text');
    const bold = key.filter((t) => t.attrs['font-weight'] === 'bold').map((t) => t.text);
    expect(bold.join(' ')).toBe('Crimes per 1,000 residents');
    const legend = key.filter((t) => t.attrs['font-weight'] !== 'bold').map((t) => t.text);
    const ranges = legend.slice(0, 5).reverse();
    expect(ranges[0]?.startsWith('0–')).toBe(true);
    expect(ranges.at(-1)?.endsWith('–25.4')).toBe(true);
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i]?.split('–')[0]).toBe(ranges[i - 1]?.split('–')[1]);
    expect(legend[5]).toBe('No data');
    const full = parseXml(
      choroplethMap({ ...input, areas: grid.map((a) => ({ ...a, value: a.value ?? 3 })) }),
    );
    expect(texts(layer(full, 'legend'))).not.toContain('No data');
    expect(all(full, 'pattern')).toHaveLength(0);
  });

  it('puts north at the top and keeps one scale both ways', () => {
    const paths = areaPaths(root);
    const box = (p: XmlElement) => {
      const pts = pathPoints(p.attrs.d ?? '');
      const xs = pts.map((q) => q[0]);
      const ys = pts.map((q) => q[1]);
      return {
        w: Math.max(...xs) - Math.min(...xs),
        h: Math.max(...ys) - Math.min(...ys),
        y: Math.min(...ys),
      };
    };
    const sw = box(paths[0]!);
    const ne = box(paths[11]!);
    expect(sw.w).toBeCloseTo(sw.h, 0);
    expect(ne.y).toBeLessThan(sw.y);
    expect(texts(layer(root, 'north-arrow'))).toEqual(['N']);
    expect(texts(layer(root, 'scale-bar'))[1]).toMatch(/^\d+(\.\d+)? (km|m)$/u);
  });

  it('says what is shaded, its range and the highest areas, and what has no data', () => {
    expect(desc(root)).toBe(
      'Burglary rate by LSOA, Three Rivers, 2025: 11 areas shaded by crimes per 1,000 ' +
        'residents, from 0 to 25.4. Highest: 25.4 in Three Rivers 012A (South Oxhey), ' +
        '18 in Three Rivers 011A and 14.5 in Three Rivers 010A. No data for 1 area (hatched grey).',
    );
    const none = parseXml(
      choroplethMap({ ...input, areas: grid.map((a) => ({ ...a, value: null })) }),
    );
    expect(desc(none)).toBe(
      'Burglary rate by LSOA, Three Rivers, 2025: no data for any of the 12 areas.',
    );
    expect(texts(layer(none, 'legend'))).toEqual(['Crimes per 1,000', 'residents', 'No data']);
  });

  it('fits the wards on the map where they reach beyond the areas', () => {
    const wide: MapPlaces = {
      kind: 'ward',
      places: [{ name: 'Oxhey', outline: [square(499_000, 199_000, 6_000)] }],
    };
    const svg = parseXml(choroplethMap({ ...input, places: wide }));
    const pts = all(layer(svg, 'places')!, 'path').flatMap((p) => pathPoints(p.attrs.d ?? ''));
    // The map's frame: inside the padding, left of the key (150 px and a 12 px gap).
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(12);
      expect(x).toBeLessThanOrEqual(640 - 12 - 150 - 12);
      expect(y).toBeGreaterThanOrEqual(12);
      expect(y).toBeLessThanOrEqual(520 - 12);
    }
  });

  it('draws points over the areas, larger for larger counts, keyed and described', () => {
    const points = [
      { x: 500_500, y: 200_500, count: 1 },
      { x: 502_500, y: 201_500, count: 16 },
    ];
    const withPoints = parseXml(
      choroplethMap({ ...input, points, pointsLabel: 'map points, sized by records' }),
    );
    const circles = all(layer(withPoints, 'points')!, 'circle');
    expect(circles).toHaveLength(2);
    const [small, large] = circles.map((c) => Number(c.attrs.r));
    expect(large!).toBeGreaterThan(small! * 2);
    // North up: the second point is north-east of the first, so right of it and higher.
    expect(Number(circles[1]!.attrs.cx)).toBeGreaterThan(Number(circles[0]!.attrs.cx));
    expect(Number(circles[1]!.attrs.cy)).toBeLessThan(Number(circles[0]!.attrs.cy));
    expect(texts(layer(withPoints, 'legend')!).join(' ')).toContain('Map points, sized by records');
    expect(desc(withPoints)).toContain('2 points drawn over them (map points, sized by records).');
    expect(layer(parseXml(choroplethMap(input)), 'points')?.children ?? []).toHaveLength(0);
  });

  it('numbers sites over everything, with the circle each covers, keyed and described', () => {
    const sites = [
      { x: 501_500, y: 201_500, radius: 100 },
      { x: 503_500, y: 200_500, radius: 100 },
    ];
    const root2 = parseXml(
      choroplethMap({ ...input, sites, sitesLabel: 'suggested camera sites' }),
    );
    const layerSites = layer(root2, 'sites')!;
    expect(texts(layerSites)).toEqual(['1', '2']);
    const rings = all(layerSites, 'circle').filter((c) => c.attrs.fill === 'none');
    expect(rings).toHaveLength(2);
    expect(Number(rings[0]!.attrs.r)).toBeGreaterThan(3);
    expect(texts(layer(root2, 'legend')!).join(' ')).toContain('Suggested camera sites');
    expect(desc(root2)).toContain('2 sites numbered over them (suggested camera sites).');
    // Drawn after the names, so no name hides a site.
    const order = root2.children.map((c) => c.attrs['data-layer']);
    expect(order.indexOf('sites')).toBeGreaterThan(order.indexOf('place-names'));
  });

  it('keeps every site’s number legible where sites lie close together, on leaders from each site', () => {
    // Sites 20 m apart: at this scale their badges fell on one another (QA: camera sites of Three
    // Rivers' all crime 4 px apart, one number hidden under the other).
    const sites = [0, 1, 2, 3].map((i) => ({ x: 502_000 + i * 20, y: 201_000, radius: 75 }));
    const root2 = parseXml(choroplethMap({ ...input, sites }));
    const layerSites = layer(root2, 'sites')!;
    expect(texts(layerSites)).toEqual(['1', '2', '3', '4']);
    const badges = all(layerSites, 'circle').filter((c) => c.attrs.r === '7');
    const at = badges.map((b) => [Number(b.attrs.cx), Number(b.attrs.cy)] as const);
    for (const [i, a] of at.entries())
      for (const b of at.slice(i + 1))
        expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThanOrEqual(14);
    // A badge moved off its site has a leader from the site to it.
    const rings = all(layerSites, 'circle').filter((c) => c.attrs.fill === 'none');
    const leaders = all(layerSites, 'line').filter((l) => l.attrs.stroke !== '#ffffff');
    for (const [i, ring] of rings.entries()) {
      const [x, y] = [Number(ring.attrs.cx), Number(ring.attrs.cy)];
      if (at[i]![0] === x && at[i]![1] === y) continue;
      expect(
        leaders.some(
          (l) =>
            Number(l.attrs.x1) === x &&
            Number(l.attrs.y1) === y &&
            Number(l.attrs.x2) === at[i]![0] &&
            Number(l.attrs.y2) === at[i]![1],
        ),
        `site ${i + 1}`,
      ).toBe(true);
    }
    // Every badge drawn after every leader, so no line crosses a number.
    const kids = layerSites.children;
    const lastLine = kids.map((k) => k.name).lastIndexOf('line');
    const firstBadge = kids.findIndex((k) => k.attrs.r === '7');
    expect(firstBadge).toBeGreaterThan(lastLine);
  });

  it('draws a "No data" chart when there are no areas', () => {
    expect(texts(parseXml(choroplethMap({ ...input, areas: [] })))).toContain('No data');
  });

  it('refuses an area given twice, or a value that is not a number', () => {
    expect(() => choroplethMap({ ...input, areas: [grid[0]!, grid[0]!] })).toThrow(
      /areas: E01000000 appears more than once/u,
    );
    expect(() =>
      choroplethMap({ ...input, areas: [{ ...grid[0]!, value: Number.POSITIVE_INFINITY }] }),
    ).toThrow(/areas: E01000000: value must be a number or null/u);
  });
});

type Geometry = { type: string; coordinates: number[][][] | number[][][][] };
type Features = { features: { properties: Record<string, string>; geometry: Geometry }[] };

const FIXTURES = new URL('../fixtures/boundaries/', import.meta.url);
const load = (path: string): Features =>
  JSON.parse(gunzipSync(readFileSync(new URL(path, FIXTURES))).toString('utf8')) as Features;
const rings = (g: Geometry) =>
  (g.type === 'Polygon' ? [g.coordinates as number[][][]] : (g.coordinates as number[][][][]))
    .flat()
    .map((ring) => ring.map(([lon, lat]) => toBng(lon ?? 0, lat ?? 0)));

describe('choroplethMap of Sefton’s LSOAs with its wards', () => {
  const lsoas = load('lsoa_by_lad/E08000014.json.gz').features;
  const wards = load('wards_by_lad/E08000014.json.gz').features;
  const places: MapPlaces = {
    kind: 'ward',
    note: 'Ward boundaries: ONS, 2013.',
    places: wards.map((f) => ({ name: f.properties.WD13NM ?? '', outline: rings(f.geometry) })),
  };
  const sefton: ChoroplethMapInput = {
    id: 'sefton',
    title: 'Burglary rate by LSOA, Sefton, 2025',
    valueLabel: 'crimes per 1,000 residents',
    areas: lsoas.map((f, i) => ({
      code: f.properties.LSOA11CD ?? '',
      name: f.properties.LSOA11NM ?? '',
      outline: rings(f.geometry),
      value: i % 37 === 5 ? null : (i * 7) % 40,
    })),
    places,
  };
  const root = parseXml(choroplethMap(sefton));

  it('draws every LSOA and every ward, and names each ward on the map or by a letter', () => {
    expect(areaPaths(root)).toHaveLength(lsoas.length);
    // Each ward twice: a white halo under its dark line.
    expect(all(layer(root, 'places')!, 'path')).toHaveLength(wards.length * 2);
    const found = mapNames(root);
    expect(found.unmatched).toEqual([]);
    expect([...found.named, ...found.lettered.values()].sort()).toEqual(
      places.places.map((p) => p.name).sort(),
    );
    expect(texts(layer(root, 'legend'))).toContain('Wards');
    expect(texts(root).join(' ')).toContain('Ward boundaries: ONS, 2013.');
    expect(desc(root)).toMatch(/ Ward boundaries are drawn over the areas\.$/u);
  });

  it('puts no name over another and cuts no text, at its least height too', () => {
    const boxes = textBoxes(layer(root, 'place-names')!);
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(boxesOverlap(a, b), `${a.text}/${b.text}`).toBe(false);
    expect(cutTexts(root)).toEqual([]);
    const least = choroplethMapMinHeight(sefton, 480);
    const small = parseXml(choroplethMap({ ...sefton, width: 480, height: least }));
    expect(cutTexts(small)).toEqual([]);
    const legend = textBoxes(layer(small, 'legend')!);
    const foot = textBoxes(small).filter((t) => t.text.startsWith('Ward boundaries'));
    expect(Math.max(...legend.map((k) => k.y1))).toBeLessThan(Math.min(...foot.map((f) => f.y0)));
  });
});

describe('choroplethMap’s key alone (part: key)', () => {
  const lsoas = load('lsoa_by_lad/E08000014.json.gz').features;
  const wards = load('wards_by_lad/E08000014.json.gz').features;
  const sefton: ChoroplethMapInput = {
    id: 'sefton',
    title: 'Burglary rate by LSOA, Sefton, 2025',
    valueLabel: 'crimes per 1,000 residents',
    areas: lsoas.map((f, i) => ({
      code: f.properties.LSOA11CD ?? '',
      name: f.properties.LSOA11NM ?? '',
      outline: rings(f.geometry),
      value: i % 37 === 5 ? null : (i * 7) % 40,
    })),
    places: {
      kind: 'ward',
      places: wards.map((f) => ({ name: f.properties.WD13NM ?? '', outline: rings(f.geometry) })),
    },
  };
  const map = parseXml(choroplethMap(sefton));
  const key = parseXml(choroplethMap({ ...sefton, part: 'key' }));

  it('holds the map’s key rows and lettered places, and nothing of the map', () => {
    expect(texts(layer(key, 'legend'))).toEqual(texts(layer(map, 'legend')));
    expect(texts(layer(key, 'place-key'))).toEqual(texts(layer(map, 'place-key')));
    expect(texts(layer(map, 'place-key')).length).toBeGreaterThan(0);
    expect(layer(key, 'areas')).toBeUndefined();
    expect(layer(key, 'scale-bar')).toBeUndefined();
  });

  it('is cropped to the key, its text at the map’s size, and shares no id with the map', () => {
    const [x, , w] = (key.attrs.viewBox ?? '').split(' ').map(Number);
    expect(w).toBe(Number(key.attrs.width));
    expect(w).toBeLessThan(200);
    expect(x).toBeGreaterThan(400);
    const ids = (root: XmlElement) =>
      [root, ...descendants(root)].flatMap((e) => (e.attrs.id ? [e.attrs.id] : []));
    const shared = ids(key).filter((id) => ids(map).includes(id));
    expect(shared).toEqual([]);
    // The no-data hatch the key's swatch uses is defined in the key's own SVG.
    const hatch = /url\(#([^)]+)\)/u.exec(choroplethMap({ ...sefton, part: 'key' }))?.[1];
    expect(ids(key)).toContain(hatch);
  });
});
