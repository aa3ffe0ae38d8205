import { describe, expect, it } from 'vitest';

import type { AreaCounts, Measure } from '../domain/area-counts.js';
import { monthsIn } from '../domain/month.js';
import { exceptionsReport } from './exception-report.js';

const months = monthsIn({ from: '2023-01', to: '2025-06' });
const measure: Measure = {
  key: 'bicycle-theft',
  label: 'Bicycle theft',
  includes: (c) => c === 'bicycle-theft',
  caveats: [],
};
const input = (counts: number[]): AreaCounts => ({
  area: { code: 'E01023783', name: 'Stevenage 011A', type: 'lsoa' },
  observed: months,
  counts: new Map([['bicycle-theft', new Map(months.map((m, i) => [m, counts[i] ?? 0]))]]),
  populations: [],
});

describe('exceptionsReport: the trend', () => {
  it('gives no trend fitted to a record or two, in the document itself (JSON, API, overview)', () => {
    // Stevenage 011A's 2 bicycle thefts in 30 months: the model's trend read 3698.8% a year.
    const counts = months.map((_, i) => (i === 26 || i === 28 ? 1 : 0));
    const sparse = exceptionsReport(input(counts), measure);
    expect(sparse.method).not.toBeNull();
    expect(sparse.trendPerYear).toBeNull();
    expect(sparse.trendWithheld).toEqual({ records: 2, needed: 12 });
    expect(sparse.notes).toContain(
      'No trend is given: 2 records are too few to read one from (at least 12 are needed).',
    );
  });

  it('keeps the trend of a series with records enough', () => {
    const counts = months.map((_, i) => 3 + (i % 4));
    const r = exceptionsReport(input(counts), measure);
    expect(r.trendWithheld).toBeNull();
    expect(r.trendPerYear).toBeGreaterThan(0.5);
    expect(r.trendPerYear).toBeLessThan(2);
  });
});
