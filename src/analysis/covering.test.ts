import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  candidateGrid,
  coverageSets,
  exactCoverage,
  solveCovering,
  type CoveringProblem,
  type PlanePoint,
} from './covering.js';

const GREEDY_BOUND = 1 - 1 / Math.E;

const point = (max: number) =>
  fc.record({ x: fc.integer({ min: 0, max }), y: fc.integer({ min: 0, max }) });

/** Small random instances: K ≤ 3, ≤ 12 candidates, ≤ 60 incidents (integer weights 1..5). */
const smallProblem = fc.record({
  incidents: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 400 }),
      weight: fc.integer({ min: 1, max: 5 }),
    }),
    { maxLength: 60, size: 'max' },
  ),
  candidates: fc.array(point(400), { minLength: 1, maxLength: 12, size: 'max' }),
  existing: fc.array(point(400), { maxLength: 2 }),
  exclude: fc.array(
    fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 400 }),
      radius: fc.integer({ min: 1, max: 80 }),
    }),
    { maxLength: 2 },
  ),
  k: fc.integer({ min: 1, max: 3 }),
  radius: fc.integer({ min: 40, max: 160 }),
});

const bruteCoverage = (
  incidents: readonly PlanePoint[],
  candidates: readonly PlanePoint[],
  radius: number,
) =>
  candidates.map((c) =>
    incidents.flatMap((p, i) => ((p.x - c.x) ** 2 + (p.y - c.y) ** 2 <= radius ** 2 ? [i] : [])),
  );

describe('solveCovering: greedy + 1-swap local search against the exact optimum', () => {
  it('is within 1 − 1/e of the optimum (greedy alone too) on random small instances; the gap is reported', () => {
    const gaps: number[] = [];
    const greedyGaps: number[] = [];
    let optimal = 0;
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const exact = exactCoverage(problem);
        const greedy = solveCovering(problem, { localSearch: false });
        const full = solveCovering(problem);
        // Greedy's guarantee (Nemhauser, Wolsey & Fisher 1978) for maximum coverage.
        expect(greedy.covered.weight).toBeGreaterThanOrEqual(GREEDY_BOUND * exact.weight - 1e-9);
        expect(full.greedyWeight).toBe(greedy.covered.weight);
        // Local search never loses, and never beats the optimum.
        expect(full.covered.weight).toBeGreaterThanOrEqual(greedy.covered.weight);
        expect(full.covered.weight).toBeLessThanOrEqual(exact.weight + 1e-9);
        expect(full.sites.length).toBeLessThanOrEqual(problem.k);
        // The reported total is the weight of incidents within R of a chosen site.
        const sites = full.sites.map((s) => s.candidate);
        expect(new Set(sites).size).toBe(sites.length);
        const seenBefore = (p: PlanePoint) =>
          problem.existing.some((c) => (p.x - c.x) ** 2 + (p.y - c.y) ** 2 <= problem.radius ** 2);
        const direct = problem.incidents
          .filter((p) => !seenBefore(p))
          .filter((p) =>
            full.sites.some((s) => (p.x - s.x) ** 2 + (p.y - s.y) ** 2 <= problem.radius ** 2),
          )
          .reduce((a, p) => a + p.weight, 0);
        expect(full.covered.weight).toBe(direct);
        expect(full.sites.reduce((a, s) => a + s.gain, 0)).toBe(direct);
        const gap = exact.weight === 0 ? 0 : 1 - full.covered.weight / exact.weight;
        gaps.push(gap);
        greedyGaps.push(exact.weight === 0 ? 0 : 1 - greedy.covered.weight / exact.weight);
        if (gap === 0) optimal++;
      }),
      { numRuns: 400, seed: 20250101 },
    );
    const worst = Math.max(...gaps);
    const pct = (g: number[]) =>
      `mean ${((g.reduce((a, x) => a + x, 0) / g.length) * 100).toFixed(2)}%, ` +
      `worst ${(Math.max(...g) * 100).toFixed(2)}%`;
    console.info(
      `covering: ${optimal}/${gaps.length} random instances solved optimally; gap to the ` +
        `optimum: greedy + local search ${pct(gaps)}; greedy alone ${pct(greedyGaps)} ` +
        `(${greedyGaps.filter((g) => g > 0).length} suboptimal)`,
    );
    expect(worst).toBeLessThan(1 - GREEDY_BOUND);
  });

  it('local search fixes an instance where greedy alone is suboptimal', () => {
    // Three candidates on a line, 100 m apart, radius 100 m; six incidents:
    //
    //   incident  x:   -80   20   60   140  180  280
    //   B (x=0)        ●    ●    ●                      covers 3
    //   A (x=100)           ●    ●    ●    ●            covers 4
    //   C (x=200)                     ●    ●    ●       covers 3
    //
    // Greedy takes A first (4 against 3), then B or C adds only 1 (the other two they cover are
    // A's already): 5, with B chosen on the tie (lower index). The optimum with K = 2 is {B, C}:
    // all 6. From greedy's {A, B}, swapping A for C loses what only A covers (140, 180), which C
    // covers too, and gains 280: 5 → 6. Then no swap improves, so the search stops there.
    const incidents = [-80, 20, 60, 140, 180, 280].map((x) => ({ x, y: 0 }));
    const candidates = [
      { x: 100, y: 0 }, // A
      { x: 0, y: 0 }, // B
      { x: 200, y: 0 }, // C
    ];
    const problem: CoveringProblem = { incidents, candidates, k: 2, radius: 100 };
    const greedy = solveCovering(problem, { localSearch: false });
    expect(greedy.covered.weight).toBe(5);
    expect(greedy.sites.map((s) => s.candidate)).toEqual([0, 1]);
    const full = solveCovering(problem);
    expect(exactCoverage(problem)).toEqual({ weight: 6, candidates: [1, 2] });
    expect(full.covered.weight).toBe(6);
    expect(full.greedyWeight).toBe(5);
    expect(full.localSearch).toEqual({ swaps: 1, stoppedBy: 'local-optimum' });
    expect(full.sites.map((s) => s.candidate).sort()).toEqual([1, 2]);
    expect(full.sites.map((s) => [s.gain, s.covered, s.unique])).toEqual([
      [3, 3, 3],
      [3, 3, 3],
    ]);
    expect(full.share).toBe(1);
    // A swap limit of 0 stops the search where greedy left it, and says so.
    const capped = solveCovering(problem, { maxSwaps: 0 });
    expect(capped.covered.weight).toBe(5);
    expect(capped.localSearch.stoppedBy).toBe('swap-limit');
  });

  it('reports the greedy order, marginal gains, coverage and unique coverage', () => {
    // Two clusters: 5 incidents at (0, 0), 3 at (1000, 0); a candidate over each and one
    // between that covers nothing.
    const incidents = [
      ...Array.from({ length: 5 }, () => ({ x: 0, y: 0 })),
      ...Array.from({ length: 3 }, () => ({ x: 1000, y: 0 })),
    ];
    const r = solveCovering({
      incidents,
      candidates: [
        { x: 500, y: 0 },
        { x: 1000, y: 10 },
        { x: 10, y: 0 },
      ],
      k: 3,
      radius: 50,
    });
    expect(r.sites).toEqual([
      { rank: 1, candidate: 2, x: 10, y: 0, gain: 5, covered: 5, unique: 5 },
      { rank: 2, candidate: 1, x: 1000, y: 10, gain: 3, covered: 3, unique: 3 },
    ]);
    // The third camera would add nothing, so it is not chosen.
    expect(r.covered).toEqual({ count: 8, weight: 8 });
    expect(r.share).toBe(1);
  });
});

describe('solveCovering: existing cameras and excluded zones', () => {
  it('existing cameras remove what they cover before anything is chosen', () => {
    const incidents = [
      ...Array.from({ length: 6 }, () => ({ x: 0, y: 0 })),
      ...Array.from({ length: 4 }, () => ({ x: 500, y: 0 })),
    ];
    const candidates = [
      { x: 0, y: 10 },
      { x: 500, y: 10 },
    ];
    const without = solveCovering({ incidents, candidates, k: 1, radius: 50 });
    expect(without.sites[0]?.candidate).toBe(0);
    expect(without.covered.count).toBe(6);
    const withCamera = solveCovering({
      incidents,
      candidates,
      existing: [{ x: 20, y: 0 }],
      k: 1,
      radius: 50,
    });
    expect(withCamera.alreadyCovered).toEqual({ count: 6, weight: 6 });
    expect(withCamera.sites[0]?.candidate).toBe(1);
    expect(withCamera.covered.count).toBe(4);
    expect(withCamera.share).toBeCloseTo(0.4, 12);
    expect(withCamera.shareOfUncovered).toBe(1);
  });

  it('never chooses a candidate in an excluded zone (property), and the edge counts as inside', () => {
    fc.assert(
      fc.property(smallProblem, (problem) => {
        const r = solveCovering(problem);
        for (const s of r.sites)
          for (const z of problem.exclude)
            expect((s.x - z.x) ** 2 + (s.y - z.y) ** 2).toBeGreaterThan(z.radius ** 2);
        const inside = problem.candidates.filter((c) =>
          problem.exclude.some((z) => (c.x - z.x) ** 2 + (c.y - z.y) ** 2 <= z.radius ** 2),
        ).length;
        expect(r.excludedCandidates).toBe(inside);
      }),
      { numRuns: 200, seed: 7 },
    );
    const r = solveCovering({
      incidents: [{ x: 0, y: 0 }],
      candidates: [{ x: 0, y: 0 }],
      exclude: [{ x: 30, y: 40, radius: 50 }],
      k: 1,
      radius: 10,
    });
    expect(r.sites).toEqual([]);
    expect(r.excludedCandidates).toBe(1);
  });
});

describe('coverage sets and the candidate grid', () => {
  it('kdbush coverage equals brute-force coverage (property, boundary distances included)', () => {
    fc.assert(
      fc.property(
        fc.array(point(300), { maxLength: 200 }),
        fc.array(point(300), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 120 }),
        (incidents, candidates, radius) => {
          expect(coverageSets(incidents, candidates, radius)).toEqual(
            bruteCoverage(incidents, candidates, radius),
          );
        },
      ),
      { numRuns: 300, seed: 42 },
    );
    // Exactly at the radius (a 3-4-5 triangle) counts as covered.
    expect(coverageSets([{ x: 30, y: 40 }], [{ x: 0, y: 0 }], 50)).toEqual([[0]]);
  });

  it('grid candidates: cells of side R/2 with an incident within R of the centre', () => {
    fc.assert(
      fc.property(
        fc.array(point(1000), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 10, max: 200 }),
        (incidents, radius) => {
          const { points, cell } = candidateGrid(incidents, radius);
          expect(cell).toBe(radius / 2);
          const near = (c: PlanePoint) =>
            incidents.some((p) => (p.x - c.x) ** 2 + (p.y - c.y) ** 2 <= radius ** 2);
          expect(points.every(near)).toBe(true);
          // Every incident has a candidate within c/√2 (the centre of its own cell).
          for (const p of incidents)
            expect(
              Math.min(...points.map((c) => Math.hypot(p.x - c.x, p.y - c.y))),
            ).toBeLessThanOrEqual(cell / Math.SQRT2 + 1e-9);
          // Brute force over the incidents' bounding box finds the same cells.
          const xs = incidents.map((p) => p.x);
          const ys = incidents.map((p) => p.y);
          const all: PlanePoint[] = [];
          for (
            let i = Math.floor((Math.min(...xs) - radius) / cell) - 1;
            (i + 0.5) * cell <= Math.max(...xs) + radius;
            i++
          )
            for (
              let j = Math.floor((Math.min(...ys) - radius) / cell) - 1;
              (j + 0.5) * cell <= Math.max(...ys) + radius;
              j++
            ) {
              const c = { x: (i + 0.5) * cell, y: (j + 0.5) * cell };
              if (near(c)) all.push(c);
            }
          expect(points).toEqual(all);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });

  it('doubles the grid side when there would be too many candidates', () => {
    const incidents = Array.from({ length: 50 }, (_, i) => ({ x: i * 1000, y: 0 }));
    const fine = candidateGrid(incidents, 100);
    expect(fine.cell).toBe(50);
    const coarse = candidateGrid(incidents, 100, fine.points.length - 1);
    expect(coarse.cell).toBe(100);
    expect(coarse.points.length).toBeLessThan(fine.points.length);
  });

  it('generated candidates give a full solution when none are given', () => {
    const incidents = [
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 5000, y: 5000 },
    ];
    const r = solveCovering({ incidents, k: 2, radius: 75 });
    expect(r.candidateSource).toBe('grid');
    expect(r.gridCell).toBe(37.5);
    expect(r.covered).toEqual({ count: 3, weight: 3 });
    expect(r.sites.map((s) => s.gain)).toEqual([2, 1]);
    expect(solveCovering({ incidents: [], k: 2, radius: 75 }).sites).toEqual([]);
  });
});
