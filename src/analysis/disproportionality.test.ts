import { describe, expect, it } from 'vitest';

import { searchRateRatio } from './disproportionality.js';
import { proportionInterval } from './proportion.js';

/**
 * Expected values worked out independently with scipy 1.17 (not Lantern's code):
 *   t = scipy.stats.binomtest(x, x + y, P / (P + Q)); lo, hi = t.proportion_ci(method='exact')
 *   ratio = (x / P) / (y / Q); interval = [lo / (1 - lo) * Q / P, hi / (1 - hi) * Q / P]; t.pvalue
 */
describe('searchRateRatio (disproportionality, exact conditional interval)', () => {
  it.each([
    [
      262, 10_000, 11_000, 1_400_000, 3.3345454545, 2.9387405015, 3.769470699,
      6.805306692658394e-59,
    ],
    [5, 2_000, 900, 150_000, 0.4166666667, 0.1349625595, 0.975967645, 0.0400601467406925],
    [0, 3_000, 400, 100_000, 0, 0, 0.3088284711, 1.6444287975696295e-5],
  ])('%i searches of %i residents against %i of %i', (x, P, y, Q, ratio, lo, hi, p) => {
    const r = searchRateRatio({ searches: x, residents: P }, { searches: y, residents: Q });
    expect(r.ratio).toBeCloseTo(ratio, 8);
    expect(r.ci95![0]).toBeCloseTo(lo, 6);
    expect(r.ci95![1]).toBeCloseTo(hi, 6);
    expect(r.pValue / p).toBeCloseTo(1, 4);
    expect(r.ratePer1000).toBeCloseTo((x / P) * 1000, 10);
    expect(r.referenceRatePer1000).toBeCloseTo((y / Q) * 1000, 10);
  });

  it('refuses a group without residents', () => {
    expect(() =>
      searchRateRatio({ searches: 1, residents: 0 }, { searches: 1, residents: 10 }),
    ).toThrow(/need residents/u);
  });
});

describe('proportionInterval (Clopper–Pearson)', () => {
  // scipy.stats.binomtest(x, n).proportion_ci(method='exact')
  it.each([
    [18, 32, 0.376626, 0.736362],
    [1434, 12861, 0.10611, 0.117067],
    [0, 20, 0, 0.168433],
  ])('%i of %i', (x, n, lo, hi) => {
    const [l, h] = proportionInterval(x, n);
    expect(l).toBeCloseTo(lo, 5);
    expect(h).toBeCloseTo(hi, 5);
  });
});
