/**
 * Funnel-plot control limits for a count: the range a Poisson count with the expected value
 * would fall in 95% and 99.8% of the time, from exact Poisson quantiles (the lower limit is the
 * 2.5% / 0.1% quantile, the upper the 97.5% / 99.9% one). An area above its upper limit has more
 * than chance alone explains at the reference rate; it does not say why.
 */
import { poissonQuantile } from './poisson.js';

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

export function funnelLimits(expected: number): FunnelLimits {
  if (!(expected >= 0)) throw new RangeError(`expected count must be ≥ 0, got ${expected}`);
  return {
    lower95: poissonQuantile(0.025, expected),
    upper95: poissonQuantile(0.975, expected),
    lower998: poissonQuantile(0.001, expected),
    upper998: poissonQuantile(0.999, expected),
  };
}

export type FunnelFlag = 'above' | 'within' | 'below';

/** Above the 95% upper limit, below the 95% lower limit, or within. */
export function funnelFlag(count: number, limits: FunnelLimits): FunnelFlag {
  if (count > limits.upper95) return 'above';
  if (count < limits.lower95) return 'below';
  return 'within';
}

/** The limits as rates per 1,000, at one population: what a funnel plot draws its lines through. */
export interface FunnelLine {
  population: number;
  low95: number;
  high95: number;
  low998: number;
  high998: number;
}

/**
 * The limits around a rate per 1,000 at `steps + 1` populations from 80% of the smallest to 110% of
 * the largest given: the funnel's lines, spanning the areas plotted with a margin.
 */
export function funnelLines(ratePer1000: number, populations: readonly number[], steps = 40) {
  let min = Infinity;
  let max = -Infinity;
  for (const p of populations) {
    min = Math.min(min, p);
    max = Math.max(max, p);
  }
  const lo = min * 0.8;
  const hi = max * 1.1;
  return Array.from({ length: steps + 1 }, (_, k): FunnelLine => {
    const population = lo + ((hi - lo) * k) / steps;
    const l = funnelLimits((ratePer1000 / 1000) * population);
    const per = (n: number) => (n / population) * 1000;
    return {
      population,
      low95: per(l.lower95),
      high95: per(l.upper95),
      low998: per(l.lower998),
      high998: per(l.upper998),
    };
  });
}
