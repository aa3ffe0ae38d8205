import fc from 'fast-check';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';

import {
  bandProblem,
  closePairs,
  closePairsBruteForce,
  knoxTest,
  TooManyPairsError,
  TooMuchWorkError,
  type KnoxEvent,
  type KnoxResult,
} from './knox.js';

/**
 * Six events, distance bands [0, 100, 400) m with "same location" split out, time bands
 * [0, 2, 7) days, plus the beyond bands. Rows: same location | under 100 m | 100 to under 400 m |
 * 400 m or more. Columns: 0–1 days | 2–6 days | 7 days or more.
 *
 *   E0 (0, 0) day 0     E1 (0, 0) day 1     E2 (30, 40) day 3
 *   E3 (0, 300) day 10  E4 (100, 0) day 5   E5 (1000, 1000) day 0
 *
 *   pair  distance  gap  row           column
 *   0-1       0      1   same          0–1
 *   0-2      50      3   under 100     2–6
 *   0-3     300     10   100–400       ≥7
 *   0-4     100      5   100–400       2–6    (exactly 100 m: the upper band, half-open)
 *   0-5    1414.2    0   ≥400          0–1
 *   1-2      50      2   under 100     2–6    (exactly 2 days: the second band)
 *   1-3     300      9   100–400       ≥7
 *   1-4     100      4   100–400       2–6
 *   1-5    1414.2    1   ≥400          0–1
 *   2-3     261.7    7   100–400       ≥7     (exactly 7 days: beyond)
 *   2-4      80.6     2   under 100     2–6
 *   2-5    1364.8    3   ≥400          2–6
 *   3-4     316.2    5   100–400       2–6
 *   3-5    1220.7   10   ≥400          ≥7
 *   4-5    1345.4    5   ≥400          2–6
 *
 * Observed: same [1, 0, 0]; under 100 [0, 3, 0]; 100–400 [0, 3, 3]; ≥400 [2, 2, 1].
 *
 * Exact expectation over all 6! assignments of the days {0, 0, 1, 3, 5, 10} to the events: every
 * pair gets a uniformly random pair of the six day slots, whose 15 gaps are 0, 1, 1 (3 in 0–1
 * days), 2, 2, 3, 3, 4, 5, 5, 5 (8 in 2–6) and 7, 9, 10, 10 (4 in ≥7). So expected = row total ×
 * (3, 8, 4) / 15 with row totals 1, 3, 6, 5; and the single same-location pair lands in 0–1 days
 * with probability 3/15, so that cell's exact p-value is 0.2.
 */
const SIX: KnoxEvent[] = [
  { x: 0, y: 0, day: 0 },
  { x: 0, y: 0, day: 1 },
  { x: 30, y: 40, day: 3 },
  { x: 0, y: 300, day: 10 },
  { x: 100, y: 0, day: 5 },
  { x: 1000, y: 1000, day: 0 },
];
const SIX_BANDS = { distanceBands: [0, 100, 400], timeBands: [0, 2, 7] };
const SIX_OBSERVED = [
  [1, 0, 0],
  [0, 3, 0],
  [0, 3, 3],
  [2, 2, 1],
];
const SIX_EXPECTED = [1, 3, 6, 5].map((total) => [3, 8, 4].map((k) => (total * k) / 15));

const observedOf = (r: KnoxResult) => r.cells.map((row) => row.map((c) => c.observed));
const expectedOf = (r: KnoxResult) => r.cells.map((row) => row.map((c) => c.expected));

describe('knoxTest: a hand-computed table', () => {
  it('counts every pair in its half-open band, same location and beyond bands included', () => {
    const r = knoxTest(SIX, { ...SIX_BANDS, iterations: 99, seed: 1 });
    expect(observedOf(r)).toEqual(SIX_OBSERVED);
    expect(r.events).toBe(6);
    expect(r.pairs).toBe(15);
    expect(r.closePairs).toBe(10); // all but the five pairs with E5
    expect(r.distanceBands.map((b) => b.label)).toEqual([
      'same location',
      'under 100 m',
      '100 to under 400 m',
      '400 m or more',
    ]);
    expect(r.timeBands.map((b) => b.label)).toEqual(['0–1 days', '2–6 days', '7 days or more']);
    expect(r.timeBands.map((b) => [b.from, b.to])).toEqual([
      [0, 2],
      [2, 7],
      [7, null],
    ]);
  });

  it('exhaustive mode gives the exact permutation mean and p-values', () => {
    const r = knoxTest(SIX, { ...SIX_BANDS, iterations: 0, seed: 0, exhaustive: true });
    expect(r.method).toBe('exhaustive');
    expect(r.permutations).toBe(720);
    expect(r.minPValue).toBeCloseTo(1 / 720, 12);
    expect(observedOf(r)).toEqual(SIX_OBSERVED);
    expectedOf(r).forEach((row, i) =>
      row.forEach((e, j) => expect(e).toBeCloseTo(SIX_EXPECTED[i]?.[j] as number, 10)),
    );
    const sameLocationShort = r.cells[0]?.[0];
    expect(sameLocationShort?.ratio).toBeCloseTo(5, 10); // 1 ÷ 0.2
    expect(sameLocationShort?.pValue).toBeCloseTo(0.2, 10);
    // A cell with nothing observed is reached by every permutation: p = 1.
    expect(r.cells[0]?.[1]?.pValue).toBe(1);
  });

  it('Monte Carlo expected counts agree with the exact mean within Monte Carlo error', () => {
    // 20,000 permutations: each cell's count has a standard deviation under 1.5, so the standard
    // error of its mean is under 0.011; 0.05 is more than four standard errors.
    const r = knoxTest(SIX, { ...SIX_BANDS, iterations: 20_000, seed: 7 });
    expect(r.method).toBe('monte-carlo');
    expect(r.minPValue).toBeCloseTo(1 / 20_001, 12);
    expectedOf(r).forEach((row, i) =>
      row.forEach((e, j) =>
        expect(Math.abs(e - (SIX_EXPECTED[i]?.[j] as number))).toBeLessThan(0.05),
      ),
    );
    const p = r.cells[0]?.[0]?.pValue as number;
    expect(Math.abs(p - 0.2)).toBeLessThan(0.015);
  });

  it('the table always accounts for every pair, observed and expected', () => {
    const r = knoxTest(SIX, { ...SIX_BANDS, iterations: 50, seed: 3 });
    const sum = (t: number[][]) => t.flat().reduce((a, b) => a + b, 0);
    expect(sum(observedOf(r))).toBe(15);
    expect(sum(expectedOf(r))).toBeCloseTo(15, 9);
    // Row totals are fixed under permutation of dates: expected row sums equal observed ones.
    expectedOf(r).forEach((row, i) =>
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo([1, 3, 6, 5][i] as number, 9),
    );
  });

  it('without same location or beyond bands, as asked', () => {
    const r = knoxTest(SIX, {
      ...SIX_BANDS,
      iterations: 20,
      seed: 1,
      sameLocation: false,
      beyond: false,
    });
    expect(r.distanceBands.map((b) => b.label)).toEqual(['0 to under 100 m', '100 to under 400 m']);
    expect(r.timeBands.map((b) => b.label)).toEqual(['0–1 days', '2–6 days']);
    expect(observedOf(r)).toEqual([
      [1, 3],
      [0, 3],
    ]);
  });

  it('p = (1 + permutations at least as large) ÷ (1 + permutations): ties count against', () => {
    // Two events at one place on one day: every permutation reproduces the observed table, so
    // each cell's count ties with the observed one in every permutation.
    const two: KnoxEvent[] = [
      { x: 5, y: 5, day: 3 },
      { x: 5, y: 5, day: 3 },
    ];
    const r = knoxTest(two, { distanceBands: [0, 10], timeBands: [0, 1], iterations: 9, seed: 1 });
    expect(r.cells[0]?.[0]).toEqual({ observed: 1, expected: 1, ratio: 1, pValue: 1 });
    expect(r.cells[1]?.[1]).toEqual({ observed: 0, expected: 0, ratio: null, pValue: 1 });
  });
});

describe('knoxTest: determinism', () => {
  const events = randomEvents(300, 2_000, 120, 11);
  const options = { distanceBands: [0, 100, 200], timeBands: [0, 7, 14], iterations: 99 };

  it('the same seed gives the same result', () => {
    expect(knoxTest(events, { ...options, seed: 5 })).toEqual(
      knoxTest(events, { ...options, seed: 5 }),
    );
  });

  it('a different seed gives different expected counts (and the same observed ones)', () => {
    const a = knoxTest(events, { ...options, seed: 5 });
    const b = knoxTest(events, { ...options, seed: 6 });
    expect(observedOf(a)).toEqual(observedOf(b));
    expect(expectedOf(a)).not.toEqual(expectedOf(b));
  });
});

describe('knoxTest: patterns', () => {
  it('events in pairs 10 m and 2 days apart: a high ratio and a small p near and soon', () => {
    const rng = xoroshiro128plus(2024);
    const events: KnoxEvent[] = [];
    for (let k = 0; k < 100; k++) {
      const x = uniformInt(rng, 0, 5_000);
      const y = uniformInt(rng, 0, 5_000);
      const day = uniformInt(rng, 0, 362);
      events.push({ x, y, day }, { x: x + 6, y: y + 8, day: day + 2 });
    }
    const r = knoxTest(events, {
      distanceBands: [0, 100, 200, 400, 800],
      timeBands: [0, 7, 14, 21, 28],
      iterations: 199,
      seed: 1,
    });
    const near = r.cells[1]?.[0]; // under 100 m × 0–6 days
    expect(near?.observed).toBeGreaterThanOrEqual(100);
    expect(near?.ratio).toBeGreaterThan(10);
    expect(near?.pValue).toBeCloseTo(1 / 200, 12); // the smallest possible with 199 permutations
    // The same pairs a long time apart are under-represented in the same spatial band.
    expect(r.cells[1]?.[4]?.ratio).toBeLessThan(1);
  });

  it('events uniform in space and time: ratios near 1', () => {
    const events = randomEvents(1_500, 3_000, 365, 99);
    const r = knoxTest(events, {
      distanceBands: [0, 200, 400, 800],
      timeBands: [0, 14, 28, 56],
      iterations: 199,
      seed: 1,
    });
    const cells = r.cells.flat().filter((c) => c.expected >= 50);
    expect(cells.length).toBeGreaterThan(8);
    for (const c of cells) {
      expect(c.ratio).toBeGreaterThan(0.8);
      expect(c.ratio).toBeLessThan(1.2);
    }
    // No excess near and soon.
    expect(r.cells[1]?.[0]?.pValue).toBeGreaterThan(0.01);
  });
});

describe('closePairs: the k-d tree search', () => {
  it('finds exactly the pairs a brute-force search finds (property)', () => {
    fc.assert(
      fc.property(
        // Whole-metre coordinates in a small square: many ties and pairs exactly at the radius
        // (3-4-5 triangles), which must be left out (half-open bands).
        fc.array(
          fc.record({ x: fc.integer({ min: 0, max: 60 }), y: fc.integer({ min: 0, max: 60 }) }),
          {
            maxLength: 80,
          },
        ),
        fc.integer({ min: 1, max: 40 }),
        (points, radius) => {
          const found = closePairs(points, radius);
          const fast = Array.from(found.i, (i, k) => `${i}-${found.j[k]}`).sort();
          const slow = closePairsBruteForce(points, radius)
            .map(([i, j]) => `${i}-${j}`)
            .sort();
          expect(fast).toEqual(slow);
          found.distance.forEach((d) => expect(d).toBeLessThan(radius));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('also on random real-valued points', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.double({ min: 0, max: 1_000, noNaN: true }),
            y: fc.double({ min: 0, max: 1_000, noNaN: true }),
          }),
          { maxLength: 200 },
        ),
        fc.double({ min: 1, max: 300, noNaN: true }),
        (points, radius) => {
          const found = closePairs(points, radius);
          expect(found.i.length).toBe(closePairsBruteForce(points, radius).length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('refuses more pairs than the limit', () => {
    const crowd = Array.from({ length: 50 }, () => ({ x: 0, y: 0 }));
    expect(() => closePairs(crowd, 10, 100)).toThrow(TooManyPairsError);
  });
});

describe('knoxTest: maxWork', () => {
  // 50 events at one point and day: 1,225 close pairs, (1,225 + 50) × iterations of work.
  const crowd = Array.from({ length: 50 }, () => ({ x: 0, y: 0, day: 0 }));
  const bands = { distanceBands: [0, 10], timeBands: [0, 7], seed: 1 };

  it('refuses permutations that would be more work than the limit, saying how many fit', () => {
    let thrown: unknown;
    try {
      knoxTest(crowd, { ...bands, iterations: 100, maxWork: 50_000 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TooMuchWorkError);
    expect((thrown as TooMuchWorkError).closePairs).toBe(1_225);
    expect((thrown as TooMuchWorkError).iterationsAllowed).toBe(39);
  });

  it('runs what fits, exactly as without a limit', () => {
    const limited = knoxTest(crowd, { ...bands, iterations: 39, maxWork: 50_000 });
    expect(limited).toEqual(knoxTest(crowd, { ...bands, iterations: 39 }));
  });
});

describe('knoxTest: exhaustive mode against a brute-force reference (property)', () => {
  it('agrees on observed, expected and p for random small sets', () => {
    const event = fc.record({
      x: fc.integer({ min: 0, max: 300 }),
      y: fc.integer({ min: 0, max: 300 }),
      day: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(event, { minLength: 2, maxLength: 6 }), fc.boolean(), (events, same) => {
        const options = { distanceBands: [0, 50, 150], timeBands: [0, 3, 8] };
        const r = knoxTest(events, {
          ...options,
          iterations: 0,
          seed: 0,
          exhaustive: true,
          sameLocation: same,
        });
        const ref = referenceKnox(events, options.distanceBands, options.timeBands, same);
        expect(observedOf(r)).toEqual(ref.observed);
        expectedOf(r).forEach((row, i) =>
          row.forEach((e, j) => expect(e).toBeCloseTo(ref.expected[i]?.[j] as number, 9)),
        );
        r.cells.forEach((row, i) =>
          row.forEach((c, j) => expect(c.pValue).toBeCloseTo(ref.p[i]?.[j] as number, 9)),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('bandProblem', () => {
  it('accepts increasing breakpoints from 0 and says what is wrong with others', () => {
    expect(bandProblem([0, 100, 200])).toBeNull();
    expect(bandProblem([0, 0.5])).toBeNull();
    expect(bandProblem([0])).toMatch(/at least two/);
    expect(bandProblem([0, 200, 100])).toMatch(/strictly increasing \(200 then 100\)/);
    expect(bandProblem([0, 100, 100])).toMatch(/strictly increasing/);
    expect(bandProblem([-100, 0, 100])).toMatch(/negative/);
    expect(bandProblem([50, 100])).toMatch(/first breakpoint must be 0/);
    expect(bandProblem([0, Number.NaN])).toMatch(/numbers/);
  });

  it('knoxTest refuses bad bands, too few events and fractional days', () => {
    const ok = { distanceBands: [0, 100], timeBands: [0, 7], iterations: 9, seed: 1 };
    expect(() => knoxTest(SIX, { ...ok, distanceBands: [0, 100, 50] })).toThrow(/distance bands/);
    expect(() => knoxTest(SIX, { ...ok, timeBands: [0, -7] })).toThrow(/time bands/);
    expect(() => knoxTest(SIX.slice(0, 1), ok)).toThrow(/at least two/);
    expect(() => knoxTest([...SIX, { x: 0, y: 0, day: 1.5 }], ok)).toThrow(/whole/);
    expect(() => knoxTest(randomEvents(9, 10, 10, 1), { ...ok, exhaustive: true })).toThrow(
      /at most 8/,
    );
  });
});

/** Uniform events over a square of `side` metres and `days` days, seeded. */
function randomEvents(n: number, side: number, days: number, seed: number): KnoxEvent[] {
  const rng = xoroshiro128plus(seed);
  return Array.from({ length: n }, () => ({
    x: uniformInt(rng, 0, side * 100) / 100,
    y: uniformInt(rng, 0, side * 100) / 100,
    day: uniformInt(rng, 0, days - 1),
  }));
}

/**
 * The Knox table by the definition, slowly: every pair of events for every one of the n!
 * assignments of days to events (recursive enumeration), bands found by direct comparison.
 */
function referenceKnox(
  events: readonly KnoxEvent[],
  dBreaks: readonly number[],
  tBreaks: readonly number[],
  sameLocation: boolean,
): { observed: number[][]; expected: number[][]; p: number[][] } {
  const rows = dBreaks.length + (sameLocation ? 1 : 0);
  const cols = tBreaks.length;
  const bandIndex = (breaks: readonly number[], v: number) => {
    for (let k = 0; k + 1 < breaks.length; k++)
      if (v >= (breaks[k] as number) && v < (breaks[k + 1] as number)) return k;
    return breaks.length - 1;
  };
  const table = (days: readonly number[]) => {
    const t = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
    for (let i = 0; i < events.length; i++)
      for (let j = i + 1; j < events.length; j++) {
        const a = events[i] as KnoxEvent;
        const b = events[j] as KnoxEvent;
        const d = Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
        const row = sameLocation
          ? d === 0
            ? 0
            : bandIndex(dBreaks, d) + 1
          : bandIndex(dBreaks, d);
        const col = bandIndex(tBreaks, Math.abs((days[i] as number) - (days[j] as number)));
        (t[row] as number[])[col]! += 1;
      }
    return t;
  };
  const observed = table(events.map((e) => e.day));
  const sums = observed.map((r) => r.map(() => 0));
  const atLeast = observed.map((r) => r.map(() => 0));
  let count = 0;
  const permute = (rest: number[], chosen: number[]) => {
    if (rest.length === 0) {
      const t = table(chosen);
      t.forEach((r, i) =>
        r.forEach((v, j) => {
          (sums[i] as number[])[j]! += v;
          if (v >= (observed[i]?.[j] as number)) (atLeast[i] as number[])[j]! += 1;
        }),
      );
      count++;
      return;
    }
    rest.forEach((d, k) => permute([...rest.slice(0, k), ...rest.slice(k + 1)], [...chosen, d]));
  };
  permute(
    events.map((e) => e.day),
    [],
  );
  return {
    observed,
    expected: sums.map((r) => r.map((v) => v / count)),
    p: atLeast.map((r) => r.map((v) => v / count)),
  };
}
