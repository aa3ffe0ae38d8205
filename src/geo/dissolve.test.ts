import { describe, expect, it } from 'vitest';

import { dissolveRings } from './dissolve.js';

const square = (x: number, y: number, s = 1): [number, number][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];

/** Twice the signed area of a closed ring (shoelace). */
const area = (r: [number, number][]) =>
  Math.abs(r.slice(1).reduce((s, p, i) => s + r[i]![0] * p[1] - p[0] * r[i]![1], 0)) / 2;

describe('dissolving adjoining rings into their outline', () => {
  it('merges a 2 × 2 block of squares into one ring around it, with no inner edges', () => {
    const out = dissolveRings([square(0, 0), square(1, 0), square(0, 1), square(1, 1)]);
    expect(out).toHaveLength(1);
    const ring = out[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    // 8 unit edges around the 2 × 2 block; area 4; the centre point (1, 1) is not on it.
    expect(ring).toHaveLength(9);
    expect(area(ring)).toBe(4);
    expect(ring.some(([x, y]) => x === 1 && y === 1)).toBe(false);
  });

  it('keeps separate pieces and holes as rings of their own', () => {
    // Two islands; and a ring of eight squares around a hole.
    expect(dissolveRings([square(0, 0), square(5, 5)])).toHaveLength(2);
    const frame = [0, 1, 2]
      .flatMap((x) => [0, 1, 2].map((y) => [x, y] as const))
      .filter(([x, y]) => !(x === 1 && y === 1));
    const out = dissolveRings(frame.map(([x, y]) => square(x, y)));
    expect(out).toHaveLength(2);
    expect(out.map(area).sort((a, b) => a - b)).toEqual([1, 9]);
  });

  it('leaves borders that do not match exactly, and ignores repeated points', () => {
    const out = dissolveRings([
      square(0, 0),
      [
        [1.0001, 0],
        [2, 0],
        [2, 1],
        [1.0001, 1],
        [1.0001, 1],
        [1.0001, 0],
      ],
    ]);
    expect(out).toHaveLength(2);
    expect(dissolveRings([])).toEqual([]);
  });
});
