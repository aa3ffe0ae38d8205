import { describe, expect, it } from 'vitest';

import { funnelLines } from '../analysis/funnel.js';
import { inFixedOrder, publicComparison, publicTrend, publicTrust } from './public-data.js';
import type { PriorityEvidence } from './report-data.js';

type Comparison = NonNullable<PriorityEvidence['comparison']>;
type Trend = NonNullable<PriorityEvidence['trend']>;

const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

describe('the public version of a report', () => {
  it('lists rows with a suppressed count after the others, alphabetically, whatever their counts', () => {
    const rows = [
      { name: 'Watford', n: 27 },
      { name: 'St Albans', n: 20 },
      { name: 'Hertsmere', n: 4 },
      { name: 'Dacorum', n: 2 },
      { name: 'Broxbourne', n: 0 },
      { name: 'Stevenage', n: 3 },
    ];
    expect(
      inFixedOrder(
        rows,
        (r) => r.n,
        (r) => r.name,
      ).map((r) => r.name),
    ).toEqual(['Watford', 'St Albans', 'Broxbourne', 'Dacorum', 'Hertsmere', 'Stevenage']);
  });

  it('holds back every month of a totalled period with a small month, and draws no expected range', () => {
    const months = [
      ...Array.from({ length: 12 }, (_, i) => ({ month: month(2024, i + 1), count: 7 })),
      ...Array.from({ length: 12 }, (_, i) => ({ month: month(2025, i + 1), count: 8 })),
    ].map((m) => ({ ...m, expectedLow: 2, expectedHigh: 14 }));
    months[15]!.count = 3; // April 2025: the year's total less the other months would give it
    const trend: Trend = { months, method: 'model', exceptions: ['2024-05'], notes: [] };
    const y2025 = { period: { from: '2025-01', to: '2025-12' }, total: 3 + 11 * 8 };
    const y2024 = { period: { from: '2024-01', to: '2024-12' }, total: 12 * 7 };
    const shown = publicTrend(trend, [y2025, y2024])!;
    // Every month of 2025 is held back (holding back January alone would protect April within
    // this report, but not against the quarterly reports: January to March's total less February
    // and March gives January, and then the year's total gives April). 2024 is untouched.
    expect(shown.months.filter((m) => m.hidden).map((m) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => month(2025, i + 1)),
    );
    expect(shown.months.every((m) => m.expectedLow === null && m.expectedHigh === null)).toBe(true);
    expect(shown.exceptions).toEqual([]);
    expect(shown.notes.join(' ')).toMatch(
      /The months of January to December 2025 are not shown: with the total for that period, they would give away the months with fewer than 5/u,
    );
    // With no small month, nothing changes but the notes (none).
    const whole = publicTrend({ ...trend, months: trend.months.map((m) => ({ ...m, count: 9 })) }, [
      { period: y2025.period, total: 12 * 9 },
    ])!;
    expect(whole.months.some((m) => m.hidden)).toBe(false);
    expect(whole.months[0]?.expectedHigh).toBe(14);
    expect(whole.notes).toEqual([]);
    // A one-month period's month is its total, suppressed alike: nothing more to hold back.
    const single = publicTrend(trend, [{ period: { from: '2025-04', to: '2025-04' }, total: 3 }])!;
    expect(single.months.some((m) => m.hidden)).toBe(false);
    // Months that do not add up to the total given (one not held): all of that period held back.
    const unsure = publicTrend(trend, [{ ...y2025, total: y2025.total + 2 }])!;
    expect(unsure.months.filter((m) => m.hidden)).toHaveLength(12);
  });

  it('follows the configured threshold', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ month: month(2025, i + 1), count: 12 }));
    months[3]!.count = 7; // below a threshold of 10, not of 5
    const trend: Trend = { months, method: 'model', exceptions: [], notes: [] };
    const total = { period: { from: '2025-01', to: '2025-12' }, total: 7 + 11 * 12 };
    expect(publicTrend(trend, [total])!.months.some((m) => m.hidden)).toBe(false);
    const ten = publicTrend(trend, [total], { threshold: 10 })!;
    expect(ten.months.filter((m) => m.hidden)).toHaveLength(12);
    expect(ten.notes.join(' ')).toMatch(/fewer than 10/u);
  });

  it('measures the districts compared against the rate of those shown, the others last and unflagged', () => {
    const c: Comparison = {
      group: 'districts of Hertfordshire',
      rate: 0.2,
      rateOf: 'every area',
      limitsMethod: 'overdispersed',
      tau2: 0.01,
      areas: [
        { name: 'Watford', count: 27, population: 90_000 },
        { name: 'St Albans', count: 20, population: 140_000 },
        { name: 'Hertsmere', count: 4, population: 100_000 },
        { name: 'Dacorum', count: 4, population: 145_000 },
        { name: 'Three Rivers', count: 2, population: 87_000, highlight: true },
      ],
      limits: [],
      flag: 'below',
      notes: ['Funnel limits: … (0.20 per 1,000).'],
    };
    const shown = publicComparison(c)!;
    expect(shown.rateOf).toBe('areas shown');
    expect(shown.rate).toBeCloseTo((47 / 230_000) * 1000, 10);
    expect(shown.areas.map((a) => a.name)).toEqual([
      'Watford',
      'St Albans',
      'Dacorum',
      'Hertsmere',
      'Three Rivers',
    ]);
    expect(shown.flag).toBeNull(); // Three Rivers is suppressed: no place against the limits
    expect(shown.notes).toEqual([]);
    expect(shown.limits.length).toBeGreaterThan(10);
    expect(Math.min(...shown.limits.map((l) => l.population))).toBeCloseTo(90_000 * 0.8, 6);
    // Two districts shown: too few to measure the spread between them, so Poisson limits.
    expect(shown.limitsMethod).toBe('poisson');
    expect(shown.tau2).toBe(0);
    // Nothing suppressed: as it was. Fewer than two shown: no funnel at all.
    const none = { ...c, areas: c.areas.map((a) => ({ ...a, count: a.count + 10 })) };
    expect(publicComparison(none)).toBe(none);
    expect(publicComparison({ ...c, areas: c.areas.slice(1) })).toBeNull();
  });

  it('measures the spread its overdispersed limits allow for on the districts shown only', () => {
    // Eleven districts, one suppressed: ten shown, as many as the spread is estimated from.
    const areas = [
      { name: 'Watford', count: 130, population: 90_000 },
      { name: 'St Albans', count: 95, population: 140_000 },
      { name: 'Dacorum', count: 160, population: 145_000 },
      { name: 'Stevenage', count: 140, population: 84_000 },
      { name: 'Hertsmere', count: 70, population: 100_000 },
      { name: 'Broxbourne', count: 88, population: 94_000 },
      { name: 'East Hertfordshire', count: 120, population: 150_000 },
      { name: 'North Hertfordshire', count: 110, population: 133_000 },
      { name: 'Welwyn Hatfield', count: 125, population: 119_000 },
      { name: 'Luton', count: 260, population: 225_000 },
      { name: 'Three Rivers', count: 3, population: 87_000, highlight: true },
    ];
    const c: Comparison = {
      group: 'peer group',
      rate: (1_301 / 1_367_000) * 1000,
      rateOf: 'every area',
      limitsMethod: 'overdispersed',
      tau2: 0.5, // of all eleven: must not survive
      areas,
      limits: [],
      flag: 'below',
      notes: [],
    };
    const shown = publicComparison(c)!;
    const ten = areas.slice(0, 10);
    const rate = (1_298 / 1_280_000) * 1000;
    expect(shown.rate).toBeCloseTo(rate, 10);
    // τ² of the ten shown, by Spiegelhalter's method (z on the square-root scale, winsorised at
    // R's type-7 10th and 90th percentiles, DerSimonian–Laird), written out again here.
    const rows = ten.map((a) => ({ count: a.count, expected: (rate / 1000) * a.population }));
    const z = rows.map((r) => 2 * (Math.sqrt(r.count) - Math.sqrt(r.expected)));
    const sorted = [...z].sort((a, b) => a - b);
    const lo = sorted[0]! + 0.9 * (sorted[1]! - sorted[0]!); // h = 9 × 0.1
    const hi = sorted[8]! + 0.1 * (sorted[9]! - sorted[8]!); // h = 9 × 0.9
    const phi = z.reduce((s, v) => s + Math.min(hi, Math.max(lo, v)) ** 2, 0) / 10;
    const w = rows.map((r) => 4 * r.expected);
    const sw = w.reduce((a, b) => a + b, 0);
    const tau2 = (10 * phi - 9) / (sw - w.reduce((a, b) => a + b * b, 0) / sw);
    expect(tau2).toBeGreaterThan(0);
    expect(shown.limitsMethod).toBe('overdispersed');
    expect(shown.tau2).toBeCloseTo(tau2, 12);
    expect(shown.limits).toEqual(
      funnelLines(
        rate,
        ten.map((a) => a.population),
        40,
        shown.tau2,
      ),
    );
    // Six of them shown: too few to estimate the spread from (the ten-area rule), so Poisson.
    const six = publicComparison({ ...c, areas: [...areas.slice(0, 6), areas[10]!] })!;
    expect(six.limitsMethod).toBe('poisson');
    expect(six.tau2).toBe(0);
  });
});

describe('publicTrust (outcomes and stop and search)', () => {
  const outcomes = (categories: { label: string; crimes: number; charged: number }[]) => ({
    coverage: null,
    crimes: categories.reduce((n, c) => n + c.crimes, 0),
    charged: categories.reduce((n, c) => n + c.charged, 0),
    chargeShare: 0.1,
    chargeShareCi95: [0.05, 0.15] as [number, number],
    groups: [
      { label: 'Charged', count: 13, share: 0.08 },
      { label: 'No suspect', count: 137, share: 0.9 },
      { label: 'Other', count: 2, share: 0.01 },
    ],
    categories: categories.map((c) => ({ ...c, chargeShare: c.charged / c.crimes })),
    tiedCrimes: 0,
    notes: [],
  });

  it('leaves out small categories, and then gives no total or group count that would give them back', () => {
    const t = publicTrust({
      outcomes: outcomes([
        { label: 'Burglary', crimes: 100, charged: 3 },
        { label: 'Drugs', crimes: 50, charged: 10 },
        { label: 'Robbery', crimes: 2, charged: 0 },
      ]),
      stopSearch: null,
    });
    const o = t.outcomes!;
    expect(o.countsWithheld).toBe(true);
    // Burglary's 3 charged: its share would give it. The crimes charged (13) are the charge share
    // times the crimes, so Drugs' 10 is held back with it, or 13 − 10 gives the 3 (found by QA).
    expect(o.categories.map((c) => [c.label, c.chargeShare, c.chargedWithheld ?? false])).toEqual([
      ['Burglary', null, false],
      ['Drugs', null, true],
    ]);
    // "Other" (2) is suppressed, and the next smallest group with it.
    expect(o.groups.map((g) => [g.label, g.share, g.withheld ?? false])).toEqual([
      ['Charged', null, true],
      ['No suspect', 0.9, false],
      ['Other', null, true],
    ]);
  });

  it('holds back charged counts so that several small ones cannot be pinned by their sum', () => {
    // St Helens: three categories charged 1 each beside larger ones; their sum (3) was the crimes
    // charged less those shown, so each was 1.
    const t = publicTrust({
      outcomes: outcomes([
        { label: 'Burglary', crimes: 100, charged: 30 },
        { label: 'Drugs', crimes: 50, charged: 10 },
        { label: 'Other crime', crimes: 40, charged: 1 },
        { label: 'Robbery', crimes: 20, charged: 1 },
        { label: 'Vehicle crime', crimes: 60, charged: 1 },
      ]),
      stopSearch: null,
    });
    const held = t.outcomes!.categories.filter((c) => c.chargedWithheld).map((c) => c.label);
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((l) => ['Burglary', 'Drugs'].includes(l))).toBe(true);
  });

  it('holds back a group beside two small ones, which the total less the rest would pin', () => {
    const o = outcomes([
      { label: 'Burglary', crimes: 100, charged: 30 },
      { label: 'Drugs', crimes: 50, charged: 10 },
    ]);
    const t = publicTrust({
      outcomes: {
        ...o,
        groups: [
          { label: 'Charged', count: 40, share: 0.27 },
          { label: 'No suspect', count: 108, share: 0.72 },
          { label: 'Out of court', count: 1, share: 0.007 },
          { label: 'Other', count: 1, share: 0.007 },
        ],
      },
      stopSearch: null,
    });
    // Before, the two 1s were held back alone: 150 less 40 and 108 left 2 between them, so 1 each.
    const held = t.outcomes!.groups.filter((g) => g.withheld).map((g) => g.label);
    expect(held).toEqual(expect.arrayContaining(['Out of court', 'Other']));
    expect(held.length).toBeGreaterThan(2);
  });

  it('gives the counts when no category is small', () => {
    const t = publicTrust({
      outcomes: outcomes([
        { label: 'Burglary', crimes: 100, charged: 30 },
        { label: 'Drugs', crimes: 50, charged: 10 },
      ]),
      stopSearch: null,
    });
    expect(t.outcomes!.countsWithheld).toBeUndefined();
  });
});
