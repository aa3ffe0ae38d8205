import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  bandwidthNrd,
  countPoints,
  cellsOver,
  defaultCellSize,
  expectedPerNeighbourhood,
  giStar,
  kde,
  makeGrid,
  MAX_DEFAULT_CELLS,
  permutationTails,
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

describe('Gi*’s exact p-values with few incidents', () => {
  it('counts the incidents a full neighbourhood expects on average: 9N/n', () => {
    // QA's Knowsley 006A: 2 burglaries on 2,601 cells of 10 m.
    expect(expectedPerNeighbourhood(2601, 2)).toBeCloseTo(0.00692, 5);
  });

  it('never calls a cell whose neighbourhood holds one incident alone a hotspot, however sparse (property)', () => {
    // The blunt rule this replaces (no cell labelled where 9N/n < 1) is not needed: with K cells
    // holding any, a neighbourhood holding only the one has P(S ≥ 1) ≥ K/n, and at most 9K
    // neighbourhoods hold any, so Benjamini–Hochberg puts its p at 2/9 or more against them.
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 0, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (side, raw, weight) => {
          const grid = makeGrid(box(side * 10, side * 10), 10);
          const n = grid.cells.length;
          const values = new Float64Array(n);
          for (const r of raw) values[r % n]! += 1 + (r % weight);
          const centre = grid.position[Math.floor(side / 2) * side + Math.floor(side / 2)]!;
          const c = grid.cells[centre]!;
          for (const d of grid.cells)
            if (Math.abs(d.col - c.col) <= 1 && Math.abs(d.row - c.row) <= 1)
              values[grid.position[d.index]!] = 0;
          values[centre] = 1;
          const { z, pAdjusted } = giStar(grid, values);
          expect(z[centre]! > 0 && pAdjusted[centre]! < 0.05).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('calls no cell anything with one incident, or two apart, on a grid of any size', () => {
    // Two in one neighbourhood are another matter: on 2,601 cells a set of 9 holds both with
    // chance 9·8/(2,601·2,600) ≈ 1e-5, and they are rightly told apart from chance.
    for (const side of [3, 10, 51]) {
      const grid = makeGrid(box(side * 10, side * 10), 10);
      const n = grid.cells.length;
      for (const at of [[0], [n - 1], [Math.floor(n / 2)], [0, Math.floor(n / 2)]]) {
        const values = new Float64Array(n);
        for (const i of at) values[i]! += 1;
        expect(giStar(grid, values).pAdjusted.every((p) => p > 0.2)).toBe(true);
      }
    }
  });
});

describe('the exact distribution of a neighbourhood’s sum (permutationTails)', () => {
  it('matches brute-force enumeration in Python on a 4 × 4 and a 5 × 4 grid', () => {
    // Worked independently: scripts/hotspot-exact-oracle.py (Python 3, itertools.combinations
    // over every set of w cells of the grid, exact fractions), for each cell
    // p = min(1, 2 · P(S ≥ s)) where s is above w·x̄ and min(1, 2 · P(S ≤ s)) where below, then
    // Benjamini–Hochberg as R's p.adjust; printed to 12 significant figures. Rows run south to
    // north (row 0 first), as makeGrid lays them.
    const a = [
      [0, 0, 1, 0],
      [3, 7, 5, 0],
      [2, 6, 0, 0],
      [0, 1, 0, 0],
    ];
    const grid = makeGrid(box(400, 400), 100);
    const got = giStar(grid, Float64Array.from(a.flat()));
    const p4 = [
      0.412087912088, 0.198801198801, 0.524725274725, 1.0, 0.0924075924076, 0.0356643356643,
      0.358741258741, 0.545454545455, 0.0554445554446, 0.0356643356643, 0.358741258741,
      0.409090909091, 0.541758241758, 1.0, 0.701298701299, 0.138461538462,
    ];
    const adjusted4 = [
      0.659340659341, 0.530136530137, 0.671328671329, 1.0, 0.36963036963, 0.285314685315,
      0.659340659341, 0.671328671329, 0.295704295704, 0.285314685315, 0.659340659341,
      0.659340659341, 0.671328671329, 1.0, 0.801484230056, 0.443076923077,
    ];
    p4.forEach((p, i) => expect(got.p[i]).toBeCloseTo(p, 11));
    adjusted4.forEach((p, i) => expect(got.pAdjusted[i]).toBeCloseTo(p, 11));
    // 5 × 4 without its cell at row 3, column 0 (19 cells).
    const b = [
      [0, 2, 0, 0, 1],
      [0, 0, 0, 9, 4],
      [1, 0, 0, 8, 0],
      [0, 0, 0, 0, 0],
    ];
    const holed = makeGrid(box(500, 400), 100, (x, y) => !(x === 50 && y === 350));
    const values = Float64Array.from(holed.cells.map((c) => b[c.row]![c.col]!));
    const got5 = giStar(holed, values);
    const p5 = [
      0.851909184727, 0.463806575262, 0.613371664455, 0.296181630547, 0.100103199174,
      0.569217160548, 0.210526315789, 0.30959752322, 0.136222910217, 0.0201975527053,
      0.467320261438, 0.124871001032, 0.43653250774, 0.188854489164, 0.0422379478107,
      0.467320261438, 1.0, 1.0, 0.772445820433,
    ];
    expect(holed.cells).toHaveLength(19);
    p5.forEach((p, i) => expect(got5.p[i]).toBeCloseTo(p, 11));
  });

  it('is a distribution with mean w·x̄, and its tails are the enumeration’s (property)', () => {
    const sets = (n: number, w: number): number[][] => {
      const out: number[][] = [];
      const walk = (from: number, chosen: number[]) => {
        if (chosen.length === w) return void out.push(chosen.slice());
        for (let i = from; i < n; i++) walk(i + 1, [...chosen, i]);
      };
      walk(0, []);
      return out;
    };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (raw, size) => {
          const values = raw.map((v) => (v > 3 ? 0 : v * v)); // many zeros, repeated values
          const n = values.length;
          const w = Math.min(size, n - 1);
          const t = permutationTails(values, [w])[w]!;
          const sums = sets(n, w).map((c) => c.reduce((a, i) => a + values[i]!, 0));
          const mean = values.reduce((a, b) => a + b, 0) / n;
          let expectation = 0;
          for (let s = 0; s < t.atLeast.length; s++) {
            const atLeast = sums.filter((x) => x >= s).length / sums.length;
            const atMost = sums.filter((x) => x <= s).length / sums.length;
            expect(t.atLeast[s]).toBeCloseTo(atLeast, 12);
            expect(t.atMost[s]).toBeCloseTo(atMost, 12);
            expectation += s * (t.atLeast[s]! - (t.atLeast[s + 1] ?? 0));
          }
          expect(t.atLeast[0]).toBeCloseTo(1, 12);
          expect(expectation).toBeCloseTo(w * mean, 9);
          expect(Math.max(...sums)).toBe(t.atLeast.length - 1);
        },
      ),
      { numRuns: 300 },
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
    // Exact: the corner's 4 cells hold 9 only if the centre is among them, C(8, 3)/C(9, 4) = 4/9,
    // so p = 2 · 4/9 (the normal curve's 2Φ(−1.1180) would be 0.26355).
    expect(p[0]).toBeCloseTo(8 / 9, 12);
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
