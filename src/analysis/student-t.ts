/**
 * Student's t distribution with a whole number of degrees of freedom ν, which is all Lantern needs
 * (ν is a count of months less a count of parameters). For whole ν the distribution function has
 * a closed form (Abramowitz and Stegun 26.7.3–4): with θ = atan(t/√ν),
 *
 *   ν = 1:      A = 2θ/π
 *   ν odd > 1:  A = (2/π)·(θ + sin θ·[cos θ + (2/3)cos³θ + … + (2·4⋯(ν−3))/(1·3⋯(ν−2))·cos^(ν−2)θ])
 *   ν even:     A = sin θ·[1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3⋯(ν−3))/(2·4⋯(ν−2))·cos^(ν−2)θ]
 *
 * where A = P(|T| ≤ t). The quantile is found by bisection on θ, where A is monotone.
 */

/** P(|T| ≤ t) for T ~ t(ν), t ≥ 0, from θ = atan(t/√ν). */
function twoSided(theta: number, nu: number): number {
  const s = Math.sin(theta);
  const c = Math.cos(theta);
  const c2 = c * c;
  if (nu % 2 === 1) {
    if (nu === 1) return (2 * theta) / Math.PI;
    let term = c;
    let sum = c;
    for (let j = 3; j <= nu - 2; j += 2) {
      term *= (c2 * (j - 1)) / j;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * sum);
  }
  let term = 1;
  let sum = 1;
  for (let j = 2; j <= nu - 2; j += 2) {
    term *= (c2 * (j - 1)) / j;
    sum += term;
  }
  return s * sum;
}

/** P(T ≤ t) for T ~ t(ν), ν a positive whole number. */
export function studentTCdf(t: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1)
    throw new RangeError(`ν must be a whole number ≥ 1, got ${nu}`);
  const a = twoSided(Math.atan(Math.abs(t) / Math.sqrt(nu)), nu);
  return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

const remembered = new Map<string, number>();

/** The p-quantile of t(ν), ν a positive whole number, 0 < p < 1. */
export function studentTQuantile(p: number, nu: number): number {
  if (!Number.isInteger(nu) || nu < 1)
    throw new RangeError(`ν must be a whole number ≥ 1, got ${nu}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be between 0 and 1, got ${p}`);
  if (p < 0.5) return -studentTQuantile(1 - p, nu);
  if (p === 0.5) return 0;
  const key = `${p}:${nu}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const target = 2 * p - 1; // P(|T| ≤ t)
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (twoSided(mid, nu) < target) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(nu) * Math.tan((lo + hi) / 2);
  if (remembered.size < 256) remembered.set(key, t);
  return t;
}
