/**
 * Funnel-plot control limits for a count: the range a count with the expected value would fall in
 * 95% and 99.8% of the time (the lower limit is the 2.5% / 0.1% quantile, the upper the 97.5% /
 * 99.9% one). An area above its upper limit has more than chance and the usual spread between
 * areas explain at the reference rate; it does not say why.
 *
 * Two kinds of limit:
 *
 * - **overdispersed** (the default): Spiegelhalter's additive random-effects method (Spiegelhalter
 *   2005, "Funnel plots for comparing institutional performance", Stat Med 24:1185, §6). Areas'
 *   underlying rates differ for reasons other than chance (an urban centre against a rural
 *   district), so each area's count is taken to vary by more than Poisson chance: on the
 *   square-root scale, √(O/E) ~ N(1, 1/(4E) + τ²). τ² is estimated by DerSimonian and Laird's
 *   method of moments from the z-scores zᵢ = 2(√Oᵢ − √Eᵢ), winsorised at 10% at each end (the
 *   z-scores below the 10th and above the 90th percentile set to those percentiles, R's default
 *   quantile), so that the areas being judged do not set their own limits: φ̂ = Σ zᵢ²/I, and
 *   τ² = (I·φ̂ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ) with wᵢ = 4Eᵢ, or 0 when I·φ̂ ≤ I − 1. The limits are
 *   the quantiles of the count under that model: a count with mean E and variance E + 4τ²E², drawn
 *   as the negative binomial with those moments (analysis/negative-binomial.ts). That is exactly
 *   the Poisson limits when τ² = 0, and for large counts Spiegelhalter's E·(1 ± z·√(1/(4E) + τ²))²
 *   at 95% (within 0.5%); the two share mean and variance but not tail shape, so the 99.8% limits
 *   differ by a few per cent (the lower one by up to 6% at τ ≈ 0.12).
 *   Why additive rather than Spiegelhalter's multiplicative φ: a multiplicative factor widens the
 *   Poisson limits by √φ at every size, so they still close in on the line as counts grow and the
 *   largest districts are flagged for ordinary differences between places; an additive spread
 *   between areas keeps a floor under the limits' width, which is what differences between places
 *   are.
 *   **The ten-area rule**: τ² is estimated only from at least 10 areas (MIN_OVERDISPERSION_AREAS);
 *   with fewer, the limits are Poisson and every output says the spread could not be estimated.
 *   The winsorising is what stops the areas being judged from setting their own limits, and with
 *   few areas it barely acts: R's 10th percentile of I sorted values lies (I − 1)/10 of the way
 *   from the lowest to the next, so with 5 areas the most extreme is pulled in only 40% of the
 *   way and one very different district (Liverpool's theft from the person, five times the rate
 *   of the rest of Merseyside) widens every district's limits until none, itself included, is
 *   flagged. From 10 areas it is pulled in 90% of the way or more. The random-effects literature
 *   warns that a between-unit variance from few units is very uncertain (Röver, Knapp and Friede
 *   2015, BMC Med Res Methodol 15:99), but neither it nor the funnel-plot sources we read
 *   (Spiegelhalter 2005; Spiegelhalter et al. 2012, JRSS A 175:1, as the NHS-R FunnelPlotR
 *   package implements them) gives a minimum number of units, so the number is ours, from the
 *   winsorising, and stated as a rule rather than borrowed.
 * - **poisson**: exact Poisson quantiles (analysis/poisson.ts), chance alone.
 */
import { countQuantile } from './negative-binomial.js';
import { poissonQuantile } from './poisson.js';

export type LimitsMethod = 'overdispersed' | 'poisson';

/** The spread between areas beyond chance, as the overdispersed limits use it. */
export interface Overdispersion {
  /** The areas it was estimated from (those with an expected count). */
  areas: number;
  /** Mean squared winsorised z-score (1 is what chance alone gives); null with fewer than 10 areas. */
  phi: number | null;
  /** Between-area variance on the square-root scale (DerSimonian–Laird); null with fewer than 10 areas. */
  tau2: number | null;
}

/**
 * The fewest areas from which the spread between areas is estimated (the ten-area rule above):
 * from 10, winsorising at 10% pulls the most extreme area at each end at least 90% of the way in.
 */
export const MIN_OVERDISPERSION_AREAS = 10;

/** The p-quantile (R's default, type 7) of sorted values. */
function quantileSorted(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/** τ² and φ̂ from each area's count and the count expected at the reference rate. */
export function estimateOverdispersion(
  areas: readonly { count: number; expected: number }[],
): Overdispersion {
  const used = areas.filter((a) => a.expected > 0);
  const n = used.length;
  if (n < MIN_OVERDISPERSION_AREAS) return { areas: n, phi: null, tau2: null };
  const z = used.map((a) => 2 * (Math.sqrt(a.count) - Math.sqrt(a.expected)));
  const sorted = [...z].sort((a, b) => a - b);
  const lo = quantileSorted(sorted, 0.1);
  const hi = quantileSorted(sorted, 0.9);
  const phi = z.reduce((s, v) => s + Math.min(hi, Math.max(lo, v)) ** 2, 0) / n;
  const w = used.map((a) => 4 * a.expected);
  const sw = w.reduce((s, v) => s + v, 0);
  const sw2 = w.reduce((s, v) => s + v * v, 0);
  const tau2 = n * phi <= n - 1 ? 0 : (n * phi - (n - 1)) / (sw - sw2 / sw);
  return { areas: n, phi, tau2 };
}

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/** The limits at an expected count; τ² = 0 (the default) gives the exact Poisson limits. */
export function funnelLimits(expected: number, tau2 = 0): FunnelLimits {
  if (!(expected >= 0)) throw new RangeError(`expected count must be ≥ 0, got ${expected}`);
  if (!(tau2 >= 0)) throw new RangeError(`τ² must be ≥ 0, got ${tau2}`);
  const q =
    tau2 === 0
      ? (p: number) => poissonQuantile(p, expected)
      : (p: number) => countQuantile(p, expected, expected + 4 * tau2 * expected * expected);
  return { lower95: q(0.025), upper95: q(0.975), lower998: q(0.001), upper998: q(0.999) };
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
 * the largest given: the funnel's lines, spanning the areas plotted with a margin. τ² as for
 * `funnelLimits`.
 */
export function funnelLines(
  ratePer1000: number,
  populations: readonly number[],
  steps = 40,
  tau2 = 0,
) {
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
    const l = funnelLimits((ratePer1000 / 1000) * population, tau2);
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
