/**
 * Did a count change between two periods? The exact conditional test for two Poisson counts:
 * given n = c1 + c0 events in all, c1 (the current period's) is binomial with probability
 * p0 = e1 / (e1 + e0) when the two periods share one rate (e = exposure, here months). The test
 * is two-sided, as R's `poisson.test` / `binom.test` (analysis/binomial.ts reproduces it).
 * The rate ratio (c1/e1) / (c0/e0) gets the exact interval that follows from the Clopper–Pearson
 * interval [pl, pu] of p: RR = p / (1 − p) × e0 / e1.
 *
 * Assumptions: counts are Poisson (no overdispersion; crime counts are often overdispersed, which
 * makes this test too ready to call a change significant), and recording practice is the same in
 * both periods.
 */
import { binomialPValue, binomialTest } from './binomial.js';

export interface CountComparison {
  current: number;
  previous: number;
  /** current − previous (scaled to the current period's length when exposures differ). */
  change: number;
  /** Percentage change in the rate per month; null when previous is 0. */
  changePct: number | null;
  /** (current / currentExposure) / (previous / previousExposure); null when previous is 0. */
  rateRatio: number | null;
  /** Exact 95% interval of the rate ratio; null when no events at all, or not asked for. */
  ci95: [number, number | null] | null;
  /** Two-sided exact conditional p-value; 1 when no events at all. */
  pValue: number;
  method: 'exact conditional test for two Poisson counts (binomial on c1 given c0 + c1)';
}

/**
 * @param current events in the period of interest
 * @param previous events in the comparison period
 * @param currentExposure length of the current period (months); default 1
 * @param previousExposure length of the comparison period (months); default 1
 * @param options.interval false: no interval (`ci95` null), the p-value alone (default true)
 * @example compareCounts(248, 210) // rate ratio 1.18, p ≈ 0.08
 */
export function compareCounts(
  current: number,
  previous: number,
  currentExposure = 1,
  previousExposure = 1,
  options: { interval?: boolean } = {},
): CountComparison {
  const method =
    'exact conditional test for two Poisson counts (binomial on c1 given c0 + c1)' as const;
  const scale = currentExposure / previousExposure;
  const change = current - previous * scale;
  const rateRatio =
    previous === 0 ? null : current / currentExposure / (previous / previousExposure);
  const changePct = rateRatio === null ? null : (rateRatio - 1) * 100;
  const n = current + previous;
  if (n === 0)
    return { current, previous, change, changePct, rateRatio, ci95: null, pValue: 1, method };
  const p0 = currentExposure / (currentExposure + previousExposure);
  if (options.interval === false)
    return {
      current,
      previous,
      change,
      changePct,
      rateRatio,
      ci95: null,
      pValue: Math.min(1, binomialPValue(current, n, p0)),
      method,
    };
  const test = binomialTest(current, n, p0, 0.95);
  const [pl, pu] = test.ci;
  const toRatio = (p: number) =>
    p >= 1 ? null : (p / (1 - p)) * (previousExposure / currentExposure);
  return {
    current,
    previous,
    change,
    changePct,
    rateRatio,
    ci95: [toRatio(pl) ?? 0, toRatio(pu)],
    pValue: Math.min(1, test.pValue),
    method,
  };
}
