/**
 * Disproportionality of stop and search: how many times more often residents of one ethnic group
 * are searched than White residents, per head. The search rate of a group is its searches per
 * 1,000 residents (Census); the disproportionality ratio is the group's rate over the White rate.
 *
 * Method: the rate ratio of two Poisson counts with populations as exposure, with the exact
 * conditional 95% interval and two-sided p-value (searches of the group given the searches of
 * both groups are binomial with probability P_g / (P_g + P_w) under equal rates): the same
 * computation as the year-on-year test (analysis/compare-counts.ts), here with residents for
 * months.
 *
 * What it does not say: residents are not the people present where searches happen (visitors,
 * commuters, the night-time economy); the Census year may lie years from the searches; searches
 * whose self-defined ethnicity was not stated fall in no group, so every group's rate is a lower
 * bound; repeat searches of one person count each time (so counts are overdispersed and the
 * interval too narrow).
 */
import { compareCounts } from './compare-counts.js';

export interface GroupRate {
  searches: number;
  residents: number;
}

export interface SearchRateRatio {
  /** Searches per 1,000 residents of the group, and of the reference (White) group. */
  ratePer1000: number;
  referenceRatePer1000: number;
  /** ratePer1000 / referenceRatePer1000; null when the reference has no search. */
  ratio: number | null;
  /** Exact conditional 95% interval of the ratio; the upper bound null when unbounded. */
  ci95: [number, number | null] | null;
  pValue: number;
  method: 'rate ratio of two Poisson counts, residents as exposure, exact conditional interval';
}

/**
 * @example searchRateRatio({ searches: 131, residents: 8_000 }, { searches: 10_913, residents: 1_380_000 })
 */
export function searchRateRatio(group: GroupRate, reference: GroupRate): SearchRateRatio {
  if (!(group.residents > 0) || !(reference.residents > 0))
    throw new RangeError('searchRateRatio: both groups need residents');
  const c = compareCounts(group.searches, reference.searches, group.residents, reference.residents);
  return {
    ratePer1000: (group.searches / group.residents) * 1000,
    referenceRatePer1000: (reference.searches / reference.residents) * 1000,
    ratio: c.rateRatio,
    ci95: c.ci95,
    pValue: c.pValue,
    method: 'rate ratio of two Poisson counts, residents as exposure, exact conditional interval',
  };
}
