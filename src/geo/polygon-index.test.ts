import type { Polygon } from 'geojson';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { PolygonIndex } from './polygon-index.js';

const square = (x0: number, y0: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

// Two unit squares side by side sharing the edge x = 1, and one with a hole.
const index = PolygonIndex.build([
  { code: 'B', geometry: square(1, 0, 1) },
  { code: 'A', geometry: square(0, 0, 1) },
  {
    code: 'H',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [10, 10],
          [14, 10],
          [14, 14],
          [10, 14],
          [10, 10],
        ],
        [
          [11, 11],
          [13, 11],
          [13, 13],
          [11, 13],
          [11, 11],
        ],
      ],
    },
  },
]);

describe('PolygonIndex.locate(lon, lat)', () => {
  it('finds the area containing a point', () => {
    expect(index.locate(0.5, 0.5)).toBe('A');
    expect(index.locate(1.5, 0.5)).toBe('B');
  });
  it('gives a point on a shared edge to exactly one area: the code that sorts first', () => {
    expect(index.locate(1, 0.5)).toBe('A');
    expect(index.locate(1, 0)).toBe('A');
  });
  it('puts a point on an outer edge in its area', () => {
    expect(index.locate(2, 0.5)).toBe('B');
  });
  it('respects holes', () => {
    expect(index.locate(12, 12)).toBeNull();
    expect(index.locate(10.5, 12)).toBe('H');
  });
  it('returns null outside every area, and for an empty index', () => {
    expect(index.locate(5, 5)).toBeNull();
    expect(PolygonIndex.build([]).locate(0, 0)).toBeNull();
  });
});

describe('PolygonIndex.insideRow(y, xs)', () => {
  /** What locate says of each point of the row: 1 in an area (or on its edge), else 0. */
  const located = (shapes: PolygonIndex, y: number, xs: readonly number[]) =>
    xs.map((x) => (shapes.locate(x, y) !== null ? 1 : 0));

  it('answers as locate does, edges, vertices and holes included', () => {
    // Rows through vertices, along horizontal edges, through a hole and beside the areas.
    const xs = [-1, 0, 0.5, 1, 1.5, 2, 2.5, 9, 10, 10.5, 11, 12, 13, 13.5, 14, 15];
    for (const y of [-1, 0, 0.25, 0.5, 1, 1.5, 10, 10.5, 11, 12, 13, 13.7, 14, 20])
      expect([...index.insideRow(y, Float64Array.from(xs))]).toEqual(located(index, y, xs));
  });

  it('answers as locate does for any polygons, self-crossing ones and holes included', () => {
    const point = fc.tuple(
      fc.integer({ min: -20, max: 20 }).map((v) => v / 2),
      fc.integer({ min: -20, max: 20 }).map((v) => v / 2),
    );
    // A closed ring of 3 to 12 points on a half-unit lattice: rows and points often fall exactly
    // on vertices and edges.
    const ring = fc
      .array(point, { minLength: 3, maxLength: 12 })
      .map((ps) => [...ps, ps[0]!] as [number, number][]);
    fc.assert(
      fc.property(
        fc.array(fc.array(ring, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -24, max: 24 }).map((v) => v / 2),
        (polygons, y) => {
          const shapes = PolygonIndex.build(
            polygons.map((coordinates, i) => ({
              code: `P${i}`,
              geometry: { type: 'Polygon', coordinates } as Polygon,
            })),
          );
          const xs = Array.from({ length: 97 }, (_, i) => -12 + i / 4);
          expect([...shapes.insideRow(y, Float64Array.from(xs))]).toEqual(located(shapes, y, xs));
          // Off the lattice too: rows and points between vertices.
          const off = xs.map((x) => x + 0.123);
          expect([...shapes.insideRow(y + 0.0371, Float64Array.from(off))]).toEqual(
            located(shapes, y + 0.0371, off),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
