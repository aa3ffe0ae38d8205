/**
 * The Poisson distribution's cumulative probability and quantiles, computed by summing
 * probabilities outward from the count asked about, each from the last by the recurrence
 * P(X = k−1) = P(X = k)·k/λ (or P(X = k+1) = P(X = k)·λ/(k+1)), starting from one probability
 * computed in log space with the log-gamma function. The sum runs over the shorter tail and stops
 * when its terms fall below one part in 10¹⁷ of it, so it costs a few standard deviations of
 * terms.
 *
 * Why not @stdlib's Poisson cdf and quantile: in @stdlib 0.3.1 they go through the regularized
 * incomplete gamma function, which is wrong for non-integer means above 1,000 (P(X ≤ 1035 | λ =
 * 1000.1) comes out 0.906 instead of 0.868); funnel limits have exactly such means. Tests check
 * these functions against naive summation and, where it is right, against @stdlib.
 *
 * Precision: the starting probability loses about log10(k·ln λ) digits to cancellation (about
 * 7 of 16 at λ = 10⁶), far below what moves a quantile except at exact ties.
 */
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammaln from '@stdlib/math-base-special-gammaln';

/** P(X = k) for X ~ Poisson(λ), k a non-negative integer. */
export function poissonPmf(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(lambda) - lambda - gammaln(k + 1));
}

const EPS = 1e-17;

/** P(X ≤ k) for X ~ Poisson(λ), k a non-negative integer. */
export function poissonCdf(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda === 0) return 1;
  const start = poissonPmf(k, lambda);
  if (k <= lambda) {
    // Terms fall as j goes down from k ≤ λ: sum the lower tail directly.
    let sum = start;
    let term = start;
    for (let j = k; j > 0; j--) {
      term = (term * j) / lambda;
      sum += term;
      if (term < EPS * sum) break;
    }
    return Math.min(sum, 1);
  }
  // Terms fall as j goes up from k > λ: the upper tail, then its complement.
  let tail = 0;
  let term = start;
  for (let j = k + 1; ; j++) {
    term = (term * lambda) / j;
    tail += term;
    if (term < EPS * Math.max(tail, EPS)) break;
  }
  return Math.max(1 - tail, 0);
}

const normalQuantiles = new Map<number, number>();

/** The standard normal quantile of p, remembered per level. */
function normalQuantile(p: number): number {
  let z = normalQuantiles.get(p);
  if (z === undefined) {
    z = p < 0.5 ? -erfcinv(2 * p) * Math.SQRT2 : erfcinv(2 * (1 - p)) * Math.SQRT2;
    if (normalQuantiles.size < 64) normalQuantiles.set(p, z);
  }
  return z;
}

/**
 * The p-quantile of Poisson(λ): the smallest count k with P(X ≤ k) ≥ p. From a Cornish–Fisher
 * guess, one cumulative probability, then steps by the recurrence of the probabilities.
 */
export function poissonQuantile(p: number, lambda: number): number {
  if (Number.isNaN(lambda) || lambda < 0 || Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (lambda === 0 || p === 0) return 0;
  if (p === 1) return Infinity;
  const sigma = Math.sqrt(lambda);
  const z = normalQuantile(p);
  let k = Math.max(0, Math.round(lambda + sigma * (z + (z * z - 1) / (6 * sigma))));
  let cdf = poissonCdf(k, lambda);
  let pmf = poissonPmf(k, lambda);
  if (cdf >= p) {
    // Move left while the count below still reaches p.
    while (k > 0 && cdf - pmf >= p) {
      cdf -= pmf;
      pmf = (pmf * k) / lambda;
      k -= 1;
    }
  } else {
    while (cdf < p) {
      k += 1;
      pmf = (pmf * lambda) / k;
      cdf += pmf;
    }
  }
  return k;
}
