/**
 * The negative binomial distribution, by its mean m and size r (variance m + m²/r): a Poisson
 * count whose mean itself varies by a gamma-distributed factor. Lantern uses it as the shape of a
 * count that varies more than a Poisson count does (overdispersion): `countQuantile` takes a mean
 * and a variance and gives the quantile of the negative binomial with those two moments, or of the
 * Poisson distribution when the variance is no larger than the mean.
 *
 * Computed as analysis/poisson.ts computes the Poisson distribution: one probability in log space
 * (log-gamma), then the shorter tail summed outward by the recurrence of the probabilities,
 * P(X = k+1) = P(X = k)·(k + r)/(k + 1)·q with q = m/(m + r), until its terms fall below one part
 * in 10¹⁷ of the sum. No library offers this exactly for non-integer sizes and large means; the
 * tests check it against the plain sum from zero and against the Poisson limit (r → ∞).
 */
import erfcinv from '@stdlib/math-base-special-erfcinv';
import gammaln from '@stdlib/math-base-special-gammaln';

import { poissonQuantile } from './poisson.js';

/** log P(X = k) for X ~ NB(mean m, size r), k a non-negative integer, m > 0. */
function logPmf(k: number, m: number, r: number): number {
  // r·log(r/(r+m)) = −r·log1p(m/r): exact for large r, where the Poisson limit is near.
  return (
    gammaln(k + r) -
    gammaln(r) -
    gammaln(k + 1) -
    r * Math.log1p(m / r) +
    k * (Math.log(m) - Math.log(r + m))
  );
}

/** P(X = k) for X ~ NB(mean m, size r). */
export function negBinomialPmf(k: number, m: number, r: number): number {
  if (k < 0) return 0;
  if (m === 0) return k === 0 ? 1 : 0;
  return Math.exp(logPmf(k, m, r));
}

const EPS = 1e-17;
/** Sum a tail term by term while its terms fall at least this fast; else use the continued fraction. */
const FAST_RATIO = 0.8;

/** P(X ≤ k) for X ~ NB(mean m, size r). */
export function negBinomialCdf(k: number, m: number, r: number): number {
  if (k < 0) return 0;
  if (m === 0) return 1;
  return cdfFrom(k, m, r, negBinomialPmf(k, m, r));
}

/**
 * P(X ≤ k) given P(X = k). A tail whose terms fall fast is summed term by term from P(X = k) (the
 * shorter tail: below the mean, the lower one; above it, the upper one, whose complement is
 * taken); a tail whose terms fall slowly (a widely spread count: hundreds of terms) is the
 * regularized incomplete beta function, P(X ≤ k) = I_P(r, k + 1) with P = r/(r + m), by its
 * continued fraction, whose leading factor is P(X = k)·(k + r)·(1 − P).
 */
function cdfFrom(k: number, m: number, r: number, pmf: number): number {
  const q = m / (m + r);
  if (k <= m) {
    // Below the mean: the lower tail, terms falling by P(j−1)/P(j) = j / ((j − 1 + r)·q).
    if (k > 0 && k / ((k - 1 + r) * q) > FAST_RATIO)
      return betaWith(r, k + 1, 1 - q, pmf * (k + r) * q);
    let sum = pmf;
    let term = pmf;
    for (let j = k; j > 0; j--) {
      term = (term * j) / ((j - 1 + r) * q);
      sum += term;
      if (term < EPS * sum) break; // terms rise from k to the mode, then fall: only then small
    }
    return Math.min(sum, 1);
  }
  // Above the mean (and so above the mode): the upper tail, terms falling by
  // P(j+1)/P(j) = (j + r)·q/(j + 1), then its complement.
  if (((k + r) * q) / (k + 1) > FAST_RATIO) return betaWith(r, k + 1, 1 - q, pmf * (k + r) * q);
  let tail = 0;
  let term = pmf;
  for (let j = k + 1; ; j++) {
    term = (term * (j - 1 + r) * q) / j;
    tail += term;
    if (term < EPS * Math.max(tail, EPS)) break;
  }
  return Math.max(1 - tail, 0);
}

/**
 * The regularized incomplete beta function I_x(a, b), by its continued fraction (modified Lentz;
 * Press et al., Numerical Recipes, 2nd ed., §6.4), which converges in about √max(a, b) steps.
 */
export function betaRegularized(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    gammaln(a + b) - gammaln(a) - gammaln(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  return betaWith(a, b, x, front);
}

/** I_x(a, b) given its leading factor xᵃ(1 − x)ᵇ/B(a, b). */
function betaWith(a: number, b: number, x: number, front: number): number {
  return x < (a + 1) / (a + b + 2)
    ? (front * betaFraction(a, b, x)) / a
    : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

const TINY = 1e-300;

function betaFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-15) break;
  }
  return h;
}

const normalQuantiles = new Map<number, number>();

/** The standard normal quantile of p, remembered per level. */
export function normalQuantile(p: number): number {
  let z = normalQuantiles.get(p);
  if (z === undefined) {
    z = p < 0.5 ? -erfcinv(2 * p) * Math.SQRT2 : erfcinv(2 * (1 - p)) * Math.SQRT2;
    if (normalQuantiles.size < 64) normalQuantiles.set(p, z);
  }
  return z;
}

/**
 * The p-quantile of NB(mean m, size r): the smallest count k with P(X ≤ k) ≥ p. From a
 * Cornish–Fisher guess, one cumulative probability, then steps by the recurrence.
 */
export function negBinomialQuantile(p: number, m: number, r: number): number {
  if (!(m >= 0) || !(r > 0) || Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (m === 0 || p === 0) return 0;
  if (p === 1) return Infinity;
  // P(X = 0) = (r/(r + m))^r needs no log-gamma: a low quantile of a small count is often 0.
  if (p <= Math.exp(-r * Math.log1p(m / r))) return 0;
  const variance = m + (m * m) / r;
  const sd = Math.sqrt(variance);
  const skew = (1 + (2 * m) / r) / sd; // (2 − P)/√(r(1 − P)) with P = r/(r + m)
  const z = normalQuantile(p);
  let k = Math.max(0, Math.round(m + sd * (z + ((z * z - 1) * skew) / 6)));
  let pmf = negBinomialPmf(k, m, r);
  let cdf = cdfFrom(k, m, r, pmf);
  const q = m / (m + r);
  if (cdf >= p) {
    while (k > 0 && cdf - pmf >= p) {
      cdf -= pmf;
      pmf = (pmf * k) / ((k - 1 + r) * q);
      k -= 1;
    }
  } else {
    while (cdf < p) {
      k += 1;
      pmf = (pmf * (k - 1 + r) * q) / k;
      cdf += pmf;
    }
  }
  return k;
}

/** Sizes above this many times the mean are Poisson to within one part in a million of the variance. */
const POISSON_SIZE = 1e6;

/**
 * The p-quantile of a count with this mean and variance: Poisson(mean) when the variance is at
 * most the mean, else the negative binomial with the same two moments (size m²/(variance − m)).
 */
export function countQuantile(p: number, mean: number, variance: number): number {
  if (!(mean >= 0) || !(variance >= 0)) return NaN;
  if (mean === 0) return 0;
  const excess = variance - mean;
  const size = excess > 0 ? (mean * mean) / excess : Infinity;
  return size > POISSON_SIZE * Math.max(1, mean)
    ? poissonQuantile(p, mean)
    : negBinomialQuantile(p, mean, size);
}
