import { describe, expect, it } from 'vitest';

import { convexHull } from './convex-hull.js';

describe('convexHull(points)', () => {
  it('keeps the corners of a square and drops the points inside and on its edges', () => {
    const hull = convexHull([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0.5, 0.5],
      [0.5, 0],
      [0, 0],
    ]);
    expect(hull).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });
  it('returns fewer than three distinct points as they are', () => {
    expect(
      convexHull([
        [2, 2],
        [2, 2],
      ]),
    ).toEqual([[2, 2]]);
  });
});
