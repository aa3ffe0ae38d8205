/**
 * Seeded random monthly counts for the statistics' calibration tests: negative binomial draws (a
 * Poisson count whose mean varies by a gamma-distributed factor: variance μ + μ²/size), made
 * here from first principles (Marsaglia and Tsang's gamma method, Poisson by inversion) so that
 * they share nothing with the code under test. The same seed gives the same counts.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type Rng = () => number;

export function rngFrom(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return () => uniformFloat64(g);
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A Gamma(shape, scale 1) draw: Marsaglia and Tsang (2000), boosted below shape 1. */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * (1 - rng()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Poisson draw by inversion, summed in chunks of mean 500 so that e^(−mean) never underflows. */
export function poisson(rng: Rng, mean: number): number {
  if (mean > 500) return poisson(rng, 500) + poisson(rng, mean - 500);
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng();
  while (u > cdf && k < 10 * mean + 100) {
    k += 1;
    p = (p * mean) / k;
    cdf += p;
  }
  return k;
}

/** A negative binomial draw with mean μ and variance μ + μ²/size. */
export function negBinomial(rng: Rng, mean: number, size: number): number {
  return poisson(rng, (mean * gamma(rng, size)) / size);
}
