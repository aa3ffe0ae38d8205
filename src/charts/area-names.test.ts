/**
 * The map names' geometry reads only the edges near a point (edges indexed by horizontal band):
 * inside-or-not and the distance to the nearest edge must be exactly what testing every edge
 * gives, on points inside, outside, on band boundaries and on the vertices themselves.
 */
import { describe, expect, it } from 'vitest';

import { distanceToEdge, distanceToEdgeUpTo, insideRings, type PxRing } from './area-names.js';

/** Every edge, as the functions were written before the index. */
function insideAll(rings: readonly PxRing[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function distanceAll(rings: readonly PxRing[], x: number, y: number): number {
  let best = Infinity;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j]!;
      const [bx, by] = ring[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const len = dx * dx + dy * dy;
      const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
      best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
    }
  }
  return best;
}

/** A star-shaped outline of n points with a hole, in px (many edges: many bands). */
function rings(n: number): PxRing[] {
  const outer = Array.from({ length: n }, (_, i) => {
    const a = (i / n) * 2 * Math.PI;
    const r = 100 + 30 * Math.sin(7 * a) + 10 * Math.cos(19 * a);
    return [200 + r * Math.cos(a), 150 + r * Math.sin(a)] as const;
  });
  const hole = [
    [190, 140],
    [210, 140],
    [210, 160],
    [190, 160],
  ] as const;
  return [outer, hole];
}

describe('insideRings and distanceToEdge', () => {
  it('give what testing every edge gives', () => {
    for (const n of [3, 40, 900]) {
      const r = rings(n);
      const points: [number, number][] = r.flat().map(([x, y]) => [x, y]);
      let seed = n;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 320 - 10;
      for (let k = 0; k < 3000; k++) points.push([random(), random()]);
      for (let y = 0; y <= 300; y += 0.5) points.push([200, y]);
      for (const [x, y] of points) {
        expect(insideRings(r, x, y)).toBe(insideAll(r, x, y));
        const d = distanceAll(r, x, y);
        expect(distanceToEdge(r, x, y)).toBe(d);
        for (const cap of [0.5, 3, 12, 40])
          expect(distanceToEdgeUpTo(r, x, y, cap)).toBe(Math.min(d, cap));
      }
    }
  });

  it('find nothing inside no rings, and no edge', () => {
    expect(insideRings([], 1, 1)).toBe(false);
    expect(distanceToEdge([], 1, 1)).toBe(Infinity);
    expect(distanceToEdgeUpTo([], 1, 1, 5)).toBe(5);
  });
});
