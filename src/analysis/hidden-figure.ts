/**
 * The hidden figure: how many incidents there were in all, recorded or not, estimated from the
 * recorded count R and the share r of incidents that are reported, as R / r.
 *
 * Interval: the exact 95% Poisson interval of the recorded count [R_L, R_U] (Garwood: the means
 * for which R is at the 2.5% / 97.5% tail) combined with the reporting rate's range [r_lo, r_hi]
 * by taking the extremes: [R_L / r_hi, R_U / r_lo]. It assumes nothing about how the two errors
 * offset, so it is wide on purpose; most of its width comes from the rate, whose range is often
 * assumed rather than published (outputs say which). The count's randomness is Poisson; the rate
 * is taken to apply to this area and period as it did to the survey's.
 */
import { poissonCdf } from './poisson.js';

export interface RateRange {
  estimate: number;
  low: number;
  high: number;
}

export interface HiddenFigure {
  recorded: number;
  /** Recorded count's exact 95% interval (Poisson). */
  recordedCi95: [number, number];
  estimate: number;
  interval: [number, number];
  /** Estimated incidents never recorded: estimate − recorded. */
  unrecorded: number;
}

/** The mean λ at which P(X ≥ k) or P(X ≤ k) equals `tail`, by bisection on our exact cdf. */
function solveMean(f: (lambda: number) => number, target: number, hi: number): number {
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Garwood's exact 95% interval of a Poisson mean given one count k. */
export function poissonMeanCi95(k: number): [number, number] {
  if (!Number.isInteger(k) || k < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${k}`);
  const top = k + 20 * Math.sqrt(k + 1) + 20;
  // Lower: P(X ≥ k | λ) = 0.025, increasing in λ. Upper: P(X ≤ k | λ) = 0.025, i.e. 1 − cdf rises.
  const lower = k === 0 ? 0 : solveMean((l) => 1 - poissonCdf(k - 1, l), 0.025, top);
  const upper = solveMean((l) => 1 - poissonCdf(k, l), 0.975, top);
  return [lower, upper];
}

export function hiddenFigure(recorded: number, rate: RateRange): HiddenFigure {
  const [lo, hi] = poissonMeanCi95(recorded);
  const estimate = recorded / rate.estimate;
  return {
    recorded,
    recordedCi95: [lo, hi],
    estimate,
    interval: [lo / rate.high, hi / rate.low],
    unrecorded: estimate - recorded,
  };
}
