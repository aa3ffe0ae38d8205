import type { Polygon } from 'geojson';
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
