/** hotspotMap: the fit (north up, aspect kept), the classes, the top three, and the alt text. */
import { describe, expect, it } from 'vitest';

import { hotspotClasses, hotspotMap, SEQUENTIAL_5 } from '../../src/charts/index.js';
import type { HotspotCell, HotspotMapInput } from '../../src/charts/index.js';
import { mapNames } from './map-names.js';
import { boxesOverlap, cutTexts, textBoxes } from './text-boxes.js';
import { all, layer, parseXml, texts } from './xml.js';

const SQUARE: [number, number][] = [
  [500_000, 200_000],
  [502_000, 200_000],
  [502_000, 202_000],
  [500_000, 202_000],
];

/** A 4 × 4 grid of 500 m cells over the square, counts 0..15 from the south-west. */
const cells: HotspotCell[] = Array.from({ length: 16 }, (_, i) => ({
  x: 500_000 + (i % 4) * 500,
  y: 200_000 + Math.floor(i / 4) * 500,
  size: 500,
  count: i,
  label: i === 15 ? 'High Street' : undefined,
}));

const input: HotspotMapInput = { id: 'map', title: 'Burglary hotspots', outline: [SQUARE], cells };
const rects = (svg: string) => all(layer(parseXml(svg), 'cells')!, 'rect');

describe('hotspotMap', () => {
  it('shades every cell with incidents, and no empty cell', () => {
    const drawn = rects(hotspotMap(input));
    expect(drawn).toHaveLength(15);
    const ramp: readonly string[] = SEQUENTIAL_5;
    expect(drawn.every((r) => ramp.includes(r.attrs.fill ?? ''))).toBe(true);
    // Darker for more: the last (count 15) is the darkest class.
    expect(drawn[14]?.attrs.fill).toBe(SEQUENTIAL_5[4]);
    expect(drawn[0]?.attrs.fill).toBe(SEQUENTIAL_5[0]);
  });

  it('keeps the aspect ratio and puts north at the top', () => {
    const drawn = rects(hotspotMap(input));
    const south = drawn[0]!; // count 1: bottom row
    const north = drawn[12]!; // count 13: top row, same column as count 1's west neighbour
    expect(Number(south.attrs.width)).toBeCloseTo(Number(south.attrs.height), 5);
    expect(Number(north.attrs.y)).toBeLessThan(Number(south.attrs.y));
    const outline = all(parseXml(hotspotMap(input)), 'path').find(
      (p) => p.attrs['data-layer'] === 'outline',
    )!;
    const pts = [...(outline.attrs.d ?? '').matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const xs = pts.map((p) => p[0]!);
    const ys = pts.map((p) => p[1]!);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(Math.max(...ys) - Math.min(...ys), 0);
  });

  it('numbers the three highest cells 1 to 3', () => {
    const root = parseXml(hotspotMap(input));
    expect(texts(layer(root, 'top-cells'))).toEqual(['1', '2', '3']);
  });

  it('has a legend of count ranges, a north arrow and a scale bar in km', () => {
    const root = parseXml(hotspotMap(input));
    const legend = texts(layer(root, 'legend'));
    expect(legend[0]).toBe('Incidents per 500 m cell');
    // Five classes, highest first.
    expect(legend.slice(1, 6).every((t) => /^\d+(–\d+)?$/.test(t))).toBe(true);
    expect(legend[1]?.endsWith('15')).toBe(true);
    expect(texts(layer(root, 'north-arrow'))).toEqual(['N']);
    expect(texts(layer(root, 'scale-bar'))[1]).toMatch(/^\d+(\.\d+)? (km|m)$/);
  });

  it('shows contiguous classes: each starts one above the last, from the least to the most', () => {
    // The classes the issue found on the Three Rivers map: 1-3, 4-8, 9-14, 15-25, 30-36.
    const counts = [1, 2, 3, 4, 6, 8, 9, 12, 14, 15, 20, 25, 30, 33, 36];
    const legend = texts(
      layer(
        parseXml(
          hotspotMap({ ...input, cells: counts.map((count, i) => ({ ...cells[i]!, count })) }),
        ),
        'legend',
      ),
    ).slice(1, 6);
    const ranges = legend.reverse().map((t) => t.split('–').map(Number));
    expect(ranges[0]?.[0]).toBe(1);
    expect(ranges.at(-1)?.at(-1)).toBe(36);
    for (let i = 1; i < ranges.length; i++)
      expect(ranges[i]?.[0]).toBe((ranges[i - 1]?.at(-1) ?? 0) + 1);
  });

  it('wraps its footnote rather than cutting it, on a narrow map too', () => {
    for (const width of [360, 640]) {
      const root = parseXml(hotspotMap({ ...input, width }));
      expect(cutTexts(root)).toEqual([]);
      expect(texts(root).join(' ')).toContain('an anonymised map point nearby.');
    }
  });
  it('describes the cells, the top count and that locations are approximate', () => {
    const desc = all(parseXml(hotspotMap(input)), 'desc')[0]?.text;
    expect(desc).toBe(
      'Burglary hotspots: 120 incidents in 15 grid cells of 500 m; the highest count in one cell ' +
        'is 15 (High Street), then 14 and 13. Police.uk locations are approximate (snapped to ' +
        'anonymised map points).',
    );
  });

  it('still draws the outline when no cell has an incident', () => {
    const svg = hotspotMap({ ...input, cells: cells.map((c) => ({ ...c, count: 0 })) });
    const root = parseXml(svg);
    expect(layer(root, 'cells')).toBeUndefined();
    expect(texts(layer(root, 'legend'))).toContain('None in any cell');
    expect(all(root, 'desc')[0]?.text).toMatch(/^Burglary hotspots: no incidents in any of the 16/);
  });

  it('draws a "No data" chart with neither outline nor cells', () => {
    const root = parseXml(hotspotMap({ ...input, outline: [], cells: [] }));
    expect(texts(root)).toContain('No data');
  });

  it('refuses a negative count', () => {
    expect(() => hotspotMap({ ...input, cells: [{ x: 0, y: 0, size: 100, count: -2 }] })).toThrow(
      RangeError,
    );
  });
});

describe('hotspotClasses', () => {
  it('labels each class by the counts it holds, at most five, from light to dark', () => {
    const counts = [0, 1, 1, 1, 2, 2, 3, 5, 8, 13, 21, 34, 55];
    const classes = hotspotClasses(counts);
    expect(classes).toHaveLength(5);
    expect(classes.map((c) => c.colour)).toEqual([...SEQUENTIAL_5]);
    expect(classes[0]?.min).toBe(1);
    expect(classes[4]?.max).toBe(55);
  });

  it('uses fewer classes for few distinct counts, with the darkest for the top', () => {
    const classes = hotspotClasses([4, 4, 9]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [4, 4],
      [5, 9],
    ]);
    expect(classes[1]?.colour).toBe(SEQUENTIAL_5[4]);
  });
});

describe('hotspotMap with places (issue 16)', () => {
  // Four wards, the quarters of the square, one of them named at length.
  const quarter = (i: number, j: number): [number, number][] => {
    const [x, y] = [500_000 + i * 1_000, 200_000 + j * 1_000];
    return [
      [x, y],
      [x + 1_000, y],
      [x + 1_000, y + 1_000],
      [x, y + 1_000],
      [x, y],
    ];
  };
  const places = {
    kind: 'ward',
    approximate: true,
    note: 'Ward boundaries are approximate.',
    places: [
      { name: 'Oxhey', outline: [quarter(0, 0)] },
      { name: 'Moor Park & Eastbury', outline: [quarter(1, 0)] },
      { name: 'Leavesden', outline: [quarter(0, 1)] },
      { name: 'Abbots Langley & Bedmond', outline: [quarter(1, 1)] },
    ],
  };
  const svg = hotspotMap({ ...input, places });
  const root = parseXml(svg);

  it('outlines every ward and names them, in the key as approximate', () => {
    expect(all(layer(root, 'places')!, 'path')).toHaveLength(4);
    const names = texts(layer(root, 'place-names')).join(' ');
    for (const p of places.places) expect(names).toContain(p.name.split(' ')[0]);
    expect(texts(layer(root, 'legend'))).toContain('Wards (approximate)');
    expect(texts(root).join(' ')).toContain('Ward boundaries are approximate.');
    expect(all(root, 'desc')[0]?.text).toContain('Ward boundaries (approximate) are drawn');
  });

  it('never puts a name over another, over the numbered cells, or outside the map', () => {
    const boxes = textBoxes(layer(root, 'place-names')!);
    const badges = textBoxes(layer(root, 'top-cells')!);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(boxesOverlap(a, b), `${a.text}/${b.text}`).toBe(false);
      for (const b of badges) expect(boxesOverlap(a, b), a.text).toBe(false);
    }
    expect(cutTexts(root)).toEqual([]);
  });

  it('draws names in halo text at the chart’s label size', () => {
    for (const t of all(layer(root, 'place-names')!, 'text')) {
      expect(t.attrs['font-size']).toBe('11');
      expect(t.attrs.stroke).toBe('#ffffff');
      expect(t.attrs['paint-order']).toBe('stroke');
    }
  });

  it('names only the places whose names fit on a small map, largest first', () => {
    const small = parseXml(hotspotMap({ ...input, places, width: 360, height: 240 }));
    expect(cutTexts(small)).toEqual([]);
    expect(texts(layer(small, 'north-arrow'))).toEqual(['N']);
    expect(layer(small, 'scale-bar')).toBeDefined();
  });
});

describe('hotspotMap with more places than names fit (issue 16)', () => {
  // Sixteen wards, one per cell of the 4 × 4 grid; three names too long for a ward.
  const cellRing = (c: HotspotCell): [number, number][] => [
    [c.x, c.y],
    [c.x + c.size, c.y],
    [c.x + c.size, c.y + c.size],
    [c.x, c.y + c.size],
    [c.x, c.y],
  ];
  const many = {
    kind: 'ward',
    places: cells.map((c, i) => ({
      name: [1, 6, 9].includes(i)
        ? `Chorleywood South and Maple Cross with Heronsgate, West Hyde and Mill End ${i}`
        : `Oxhey ${i}`,
      outline: [cellRing(c)],
    })),
  };
  const root = parseXml(hotspotMap({ ...input, places: many, height: 680 }));
  const found = mapNames(root);

  it('names each ward on the map or letters it, with its name in the key below the scale bar', () => {
    expect(found.unmatched).toEqual([]);
    expect([...found.lettered.values()]).toEqual([1, 6, 9].map((i) => many.places[i]!.name));
    // The three wards under the numbered cells have no room for a name or a letter.
    const identified = [...found.named, ...found.lettered.values()].sort();
    expect(identified).toEqual(
      many.places
        .filter((_, i) => i < 13)
        .map((p) => p.name)
        .sort(),
    );
    expect(texts(layer(root, 'place-key'))[0]).toBe('Wards lettered on the map');
    // Letters in the order of the names.
    const keyed = [...found.lettered.entries()];
    expect(keyed.map(([l]) => l)).toEqual(keyed.map((_, i) => String.fromCharCode(65 + i)));
    expect(keyed.map(([, n]) => n)).toEqual(keyed.map(([, n]) => n).sort());
  });

  it('puts no letter over a name, another letter or a numbered cell, and cuts no text', () => {
    const boxes = textBoxes(layer(root, 'place-names')!);
    const badges = textBoxes(layer(root, 'top-cells')!);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1))
        expect(boxesOverlap(a, b), `${a.text}/${b.text}`).toBe(false);
      for (const b of badges) expect(boxesOverlap(a, b), a.text).toBe(false);
    }
    // The key stays above the footnote, inside the chart.
    const key = textBoxes(layer(root, 'place-key')!);
    const foot = textBoxes(root).filter((t) => t.text.startsWith('Locations are approximate'));
    expect(Math.max(...key.map((k) => k.y1))).toBeLessThan(Math.min(...foot.map((f) => f.y0)));
    expect(cutTexts(root)).toEqual([]);
  });

  it('letters none on a map too small to key them all: only the names that fit', () => {
    const small = parseXml(hotspotMap({ ...input, places: many, width: 420, height: 300 }));
    expect(layer(small, 'place-key')).toBeUndefined();
    expect(mapNames(small).lettered.size).toBe(0);
    expect(cutTexts(small)).toEqual([]);
  });
});
