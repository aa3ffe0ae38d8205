import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  bandwidthNrd,
  countPoints,
  cellsOver,
  defaultCellSize,
  expectedPerNeighbourhood,
  giStar,
  giStarHolds,
  kde,
  makeGrid,
  MAX_DEFAULT_CELLS,
  POLICE_UK_MIN_CELL,
  type Grid,
} from './hotspot-grid.js';

const box = (w: number, h: number) => ({ minX: 0, minY: 0, maxX: w, maxY: h });

/** Gi* computed the long way: neighbours by distance between centres (≤ cell × √2), not by index. */
function giStarByDistance(grid: Grid, values: Float64Array): number[] {
  const n = grid.cells.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(values.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  const limit = grid.spec.cellSize * Math.SQRT2 * 1.0001;
  return grid.cells.map((c) => {
    let local = 0;
    let w = 0;
    grid.cells.forEach((d, j) => {
      if (Math.hypot(c.x - d.x, c.y - d.y) <= limit) {
        local += values[j] as number;
        w += 1;
      }
    });
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1));
    return denominator > 0 ? (local - mean * w) / denominator : 0; // every cell a neighbour: no test
  });
}

describe('grid', () => {
  it('sizes cells as sfhotspot does: shorter side / 50, floored to 100 m (or 10 m when small)', () => {
    expect(defaultCellSize(box(20_000, 12_000))).toBe(200); // 12,000 / 50 = 240 → 200
    expect(defaultCellSize(box(4_000, 3_000))).toBe(60); // 3,000 / 50 = 60 < 100 → 60
    expect(defaultCellSize(box(200, 200))).toBe(10); // 4 → at least 10 m
  });

  it('never goes below the floor given (police.uk map points), unless the area is under three cells of it', () => {
    // An LSOA of about 500 m: sfhotspot's rule gives 10 m, finer than police.uk's map points.
    expect(defaultCellSize(box(510, 520))).toBe(10);
    expect(defaultCellSize(box(510, 520), POLICE_UK_MIN_CELL)).toBe(50);
    expect(defaultCellSize(box(4_000, 3_000), POLICE_UK_MIN_CELL)).toBe(60); // above it: the rule
    expect(defaultCellSize(box(120, 400), POLICE_UK_MIN_CELL)).toBe(10); // 120 m: not three cells
  });

  it('never lays more than MAX_DEFAULT_CELLS cells by default, however long and thin the area', () => {
    // sfhotspot's rule bounds only the shorter side: 2,000 / 50 = 40 m cells over a 100 km × 2 km
    // strip would be 2,500 × 50 = 125,000 cells.
    const strip = box(100_000, 2_000);
    expect(cellsOver(strip, 40)).toBe(125_000);
    const size = defaultCellSize(strip);
    expect(cellsOver(strip, size)).toBeLessThanOrEqual(MAX_DEFAULT_CELLS);
    expect(size).toBe(100); // the smallest in the rule's steps within the bound: 1,000 × 20 cells
    expect(cellsOver(strip, 90)).toBeGreaterThan(MAX_DEFAULT_CELLS);
    // A district's box stretched by one stray point 300 km away (no boundary held): 400 m cells
    // would make 750 × 50 = 37,500.
    const stretched = { minX: 400_000, minY: 200_000, maxX: 700_000, maxY: 220_000 };
    expect(cellsOver(stretched, defaultCellSize(stretched))).toBeLessThanOrEqual(MAX_DEFAULT_CELLS);
  });

  it('is sfhotspot’s rule whenever that is within the bound, and bounded for any box in Great Britain', () => {
    const sfhotspot = (b: ReturnType<typeof box>) => {
      const shorter = Math.min(b.maxX - b.minX, b.maxY - b.minY) / 50;
      const hundreds = Math.floor(shorter / 100) * 100;
      return hundreds > 0 ? hundreds : Math.max(10, Math.floor(shorter / 10) * 10);
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 700_000 }),
        fc.integer({ min: 0, max: 1_300_000 }),
        fc.integer({ min: 1, max: 700_000 }),
        fc.integer({ min: 1, max: 1_300_000 }),
        (x, y, w, h) => {
          const b = { minX: x, minY: y, maxX: x + w, maxY: y + h };
          const size = defaultCellSize(b);
          expect(cellsOver(b, size)).toBeLessThanOrEqual(MAX_DEFAULT_CELLS);
          const rule = sfhotspot(b);
          if (cellsOver(b, rule) <= MAX_DEFAULT_CELLS) expect(size).toBe(rule);
          else expect(size).toBeGreaterThan(rule);
          // The smallest within the bound in the rule's steps (10 m below 100 m, then 100 m).
          const smaller = size <= 100 ? size - 10 : size - 100;
          if (size > rule && smaller >= rule)
            expect(cellsOver(b, smaller)).toBeGreaterThan(MAX_DEFAULT_CELLS);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps the cells whose centres are inside, and counts points into them', () => {
    // 4 × 3 cells of 100 m; keep the left half (centres at x = 50, 150).
    const grid = makeGrid(box(400, 300), 100, (x) => x < 200);
    expect(grid.cells).toHaveLength(6);
    const { counts, outside } = countPoints(grid, [
      { x: 10, y: 10 },
      { x: 10, y: 20 },
      { x: 150, y: 250 },
      { x: 350, y: 10 }, // in a cell not kept
      { x: -5, y: 10 }, // outside the grid
    ]);
    expect([...counts]).toEqual([2, 0, 0, 0, 0, 1]);
    expect(outside).toBe(2);
  });
});

describe('kde', () => {
  it('integrates to the number of points (quartic kernel, cells much smaller than the bandwidth)', () => {
    // Points well inside a 10 km square, bandwidth 500 m on 25 m cells: Σ density × 625 m² ≈ n.
    const grid = makeGrid(box(10_000, 10_000), 25);
    const points = Array.from({ length: 200 }, (_, i) => ({
      x: 3000 + ((i * 37) % 4000),
      y: 3000 + ((i * 91) % 4000),
    }));
    const density = kde(grid, points, 500);
    const mass = density.reduce((a, b) => a + b, 0) * 25 * 25;
    expect(mass / 200).toBeCloseTo(1, 2);
  });

  it('is 3/(πh²) at a point’s own position and 0 beyond the bandwidth', () => {
    const grid = makeGrid(box(1000, 1000), 100);
    const density = kde(grid, [{ x: 450, y: 450 }], 200); // on the centre of cell (4, 4)
    const at = (x: number, y: number) =>
      density[grid.position[Math.floor(y / 100) * 10 + Math.floor(x / 100)] as number];
    expect(at(450, 450)).toBeCloseTo(3 / (Math.PI * 200 * 200), 12);
    // 100 m away: (1 − 100²/200²)² = 0.5625 of the peak.
    expect(at(550, 450)).toBeCloseTo((0.5625 * 3) / (Math.PI * 200 * 200), 12);
    expect(at(650, 450)).toBe(0); // 200 m: the kernel's edge
  });

  it('bandwidth.nrd matches MASS on a small sample', () => {
    // x = 1..10: sd = 3.02765, IQR (type 7) = 7.75 − 3.25 = 4.5, 4.5/1.34 = 3.35821; min = 3.02765;
    // 4 × 1.06 × 3.02765 × 10^(−0.2) = 8.0996 (MASS::bandwidth.nrd(1:10) prints 8.0996).
    expect(bandwidthNrd(Array.from({ length: 10 }, (_, i) => i + 1))).toBeCloseTo(8.0996, 3);
  });
});

describe('where Gi* is read', () => {
  it('needs at least one incident expected in a neighbourhood: 9N/n ≥ 1', () => {
    // QA's Knowsley 006A: 2 burglaries on 2,601 cells of 10 m.
    expect(expectedPerNeighbourhood(2601, 2)).toBeCloseTo(0.00692, 5);
    expect(giStarHolds(2601, 2)).toBe(false);
    expect(giStarHolds(2601, 289)).toBe(true); // 9 × 289 = 2,601
    expect(giStarHolds(2601, 288)).toBe(false);
    // A grid of fewer than 10 cells marks nothing, however many incidents (QA: one theft on a
    // grid of 2 cells read as 4.5 expected per neighbourhood); from 10 cells one incident alone
    // is under 1 expected.
    expect(giStarHolds(2, 1)).toBe(false);
    expect(giStarHolds(9, 50)).toBe(false);
    expect(giStarHolds(10, 2)).toBe(true);
    expect(giStarHolds(10, 1)).toBe(false);
  });

  it('where it holds, a full neighbourhood holding one incident is never above what it expects', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 4, maxLength: 60 }),
        fc.integer({ min: 0, max: 10_000 }),
        (side, raw, seed) => {
          // Incidents spread over a side × side grid, one cell holding one incident alone.
          const grid = makeGrid(box(side * 10, side * 10), 10);
          const n = grid.cells.length;
          const values = new Float64Array(n);
          for (const r of raw) values[(r * 7919 + seed) % n]! += 1;
          const centre = grid.position[Math.floor(side / 2) * side + Math.floor(side / 2)]!;
          const around = grid.cells.filter(
            (c) =>
              Math.abs(c.col - grid.cells[centre]!.col) <= 1 &&
              Math.abs(c.row - grid.cells[centre]!.row) <= 1,
          );
          for (const c of around) values[grid.position[c.index]!] = 0;
          values[centre] = 1;
          const total = values.reduce((a, b) => a + b, 0);
          if (!giStarHolds(n, total)) return;
          expect(giStar(grid, values).z[centre]).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('Getis-Ord Gi*', () => {
  it('takes hand-worked values on a 3 × 3 grid with one busy cell', () => {
    // Counts 0 everywhere but 9 in the centre: n = 9, x̄ = 1, S = √(81/9 − 1) = √8.
    // Corner: 4 neighbours (self included) hold 9: z = (9 − 4)/(√8 · √((36 − 16)/8)) = 5/4.4721 = 1.1180.
    // Edge: 6 neighbours: z = (9 − 6)/(√8 · √((54 − 36)/8)) = 3/4.2426 = 0.7071.
    // Centre: all 9 cells are its neighbours: z = (9 − 9)/… = 0.
    const grid = makeGrid(box(300, 300), 100);
    const values = new Float64Array(9);
    values[4] = 9;
    const { z, p } = giStar(grid, values);
    expect(z[0]).toBeCloseTo(1.118034, 5);
    expect(z[1]).toBeCloseTo(0.707107, 5);
    expect(z[4]).toBeCloseTo(0, 12);
    // p = 2Φ(−1.1180) = 0.26355.
    expect(p[0]).toBeCloseTo(0.26355, 4);
  });

  it('equals the long-hand computation on any grid and counts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }),
        fc.integer({ min: 2, max: 7 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 49, maxLength: 49 }),
        (cols, rows, raw) => {
          const grid = makeGrid(box(cols * 50, rows * 50), 50, (x, y) => (x + y) % 150 !== 25);
          const values = Float64Array.from(grid.cells.map((_, i) => raw[i] as number));
          const spread = new Set(values).size > 1;
          if (!spread) return;
          const fast = giStar(grid, values).z;
          giStarByDistance(grid, values).forEach((z, i) => expect(fast[i]).toBeCloseTo(z, 9));
        },
      ),
      { numRuns: 100 },
    );
  });
});
