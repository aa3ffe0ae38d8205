/** hotspotMap: the fit (north up, aspect kept), the classes, the top three, and the alt text. */
import { describe, expect, it } from 'vitest';

import { hotspotClasses, hotspotMap, SEQUENTIAL_5 } from '../../src/charts/index.js';
import type { HotspotCell, HotspotMapInput } from '../../src/charts/index.js';
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
    expect(legend[0]).toBe('Incidents per cell');
    // Five classes, highest first, then the cell size.
    expect(legend.slice(1, 6).every((t) => /^\d+(–\d+)?$/.test(t))).toBe(true);
    expect(legend[1]?.endsWith('15')).toBe(true);
    expect(legend[6]).toBe('Cells 500 m square');
    expect(texts(layer(root, 'north-arrow'))).toEqual(['N']);
    expect(texts(layer(root, 'scale-bar'))[1]).toMatch(/^\d+(\.\d+)? (km|m)$/);
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
      [9, 9],
    ]);
    expect(classes[1]?.colour).toBe(SEQUENTIAL_5[4]);
  });
});
