/**
 * The exact binomial test, two-sided as R's `binom.test`: the p-value is the probability of every
 * outcome no more likely than the one observed (with R's relative tolerance of 10⁻⁷), and the 95%
 * interval of the probability is Clopper–Pearson's: the p at which P(X ≥ x) is α/2 (lower) and
 * at which P(X ≤ x) is α/2 (upper), each found by the Illinois method (a bracketed secant) on the
 * exact tail sums below, which rise steadily with p. (The same as beta quantiles, faster: tests
 * check it against @stdlib's.)
 *
 * The binomial distribution is unimodal with its mode within one of n·p, so each tail is a run of
 * outcomes: the p-value is found by walking from the mean to where the far tail begins and summing
 * the two tails outward, each probability from the last by P(k+1) = P(k)·(n−k)/(k+1)·p/(1−p).
 * That costs a few standard deviations of steps, where @stdlib's `binomial-test` evaluates the
 * probability of every outcome of the far side with log-beta functions (tens of milliseconds for a
 * force's yearly counts); tests check the two agree.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

const RELATIVE_TOLERANCE = 1 + 1e-7; // R's binom.test
const EPS = 1e-17;

/** P(X = k) for X ~ Binomial(n, p). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(
    gammaln(n + 1) -
      gammaln(k + 1) -
      gammaln(n - k + 1) +
      k * Math.log(p) +
      (n - k) * Math.log1p(-p),
  );
}

/** Σ P(X = j) for j from k away from the mode (downward when `down`), until negligible. */
function tailFrom(k: number, n: number, p: number, down: boolean): number {
  if (k < 0 || k > n) return 0;
  const odds = p / (1 - p);
  let term = binomialPmf(k, n, p);
  let sum = term;
  if (down) {
    for (let j = k; j > 0 && term >= EPS * sum; j--) {
      term *= j / (n - j + 1) / odds;
      sum += term;
    }
  } else {
    for (let j = k; j < n && term >= EPS * sum; j++) {
      term *= ((n - j) / (j + 1)) * odds;
      sum += term;
    }
  }
  return sum;
}

export interface BinomialTest {
  pValue: number;
  /** Clopper–Pearson interval of the probability at the given confidence. */
  ci: [number, number];
}

export function binomialTest(x: number, n: number, p: number, confidence = 0.95): BinomialTest {
  check('binomialTest', x, n, p);
  const alpha = 1 - confidence;
  const ci: [number, number] = [
    x === 0 ? 0 : solveP((p) => 1 - binomialCdf(x - 1, n, p), alpha / 2),
    x === n ? 1 : solveP((p) => 1 - binomialCdf(x, n, p), 1 - alpha / 2),
  ];
  return { pValue: twoSidedPValue(x, n, p), ci };
}

/** The two-sided p-value of binomialTest alone, without its interval (most of its cost). */
export function binomialPValue(x: number, n: number, p: number): number {
  check('binomialPValue', x, n, p);
  return twoSidedPValue(x, n, p);
}

function check(what: string, x: number, n: number, p: number): void {
  if (!Number.isInteger(x) || !Number.isInteger(n) || x < 0 || x > n)
    throw new RangeError(`${what}: need integers 0 ≤ x ≤ n, got x = ${x}, n = ${n}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`${what}: need 0 < p < 1, got ${p}`);
}

function twoSidedPValue(x: number, n: number, p: number): number {
  const mean = n * p;
  if (x === mean) return 1;
  const bound = binomialPmf(x, n, p) * RELATIVE_TOLERANCE;
  const odds = p / (1 - p);
  if (x < mean) {
    // The far tail: the first outcome above the mean no more likely than x, and all beyond it.
    let k = Math.ceil(mean);
    let pk = binomialPmf(k, n, p);
    while (k <= n && pk > bound) {
      pk *= ((n - k) / (k + 1)) * odds;
      k++;
    }
    return Math.min(1, tailFrom(x, n, p, true) + (k <= n ? tailFrom(k, n, p, false) : 0));
  }
  let k = Math.floor(mean);
  let pk = binomialPmf(k, n, p);
  while (k >= 0 && pk > bound) {
    pk *= k / (n - k + 1) / odds;
    k--;
  }
  return Math.min(1, tailFrom(x, n, p, false) + (k >= 0 ? tailFrom(k, n, p, true) : 0));
}

/** P(X ≤ k) for X ~ Binomial(n, p), summed over the shorter side of the mode. */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const mode = Math.floor((n + 1) * p);
  return k < mode
    ? Math.min(1, tailFrom(k, n, p, true))
    : Math.max(0, 1 - tailFrom(k + 1, n, p, false));
}

/** The p in (0, 1) at which the increasing function f reaches target (Illinois method). */
function solveP(f: (p: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  let flo = -target; // f(0) − target: f rises from 0 …
  let fhi = 1 - target; // … to 1
  let side = 0;
  for (let i = 0; i < 200; i++) {
    let p = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(p > lo && p < hi)) p = (lo + hi) / 2;
    const fp = f(p) - target;
    if (Math.abs(fp) < 1e-14 || hi - lo < 1e-15) return p;
    if (fp < 0) {
      lo = p;
      flo = fp;
      if (side === -1) fhi /= 2;
      side = -1;
    } else {
      hi = p;
      fhi = fp;
      if (side === 1) flo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}
