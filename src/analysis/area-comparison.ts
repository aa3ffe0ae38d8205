/**
 * Areas side by side for one measure and period — count, population, rate per 1,000, the count
 * expected at the group's overall rate, and funnel limits at 95% and 99.8% (analysis/funnel.ts):
 * by default allowing for the spread between areas beyond chance (overdispersion), else exact
 * Poisson; each flagged above, within or below its 95% limits, and ranked by rate. Only months
 * held for every area are counted, so no area is compared on months another lacks. The reference
 * rate is the group's pooled rate over the areas with a population.
 */
import type { AreaCounts, Measure } from '../domain/area-counts.js';
import { measurePeriodTotal, measureSeries, populationAt } from '../domain/area-counts.js';
import { periodCoverage, type PeriodCoverage } from '../domain/held-months.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import {
  estimateOverdispersion,
  funnelFlag,
  funnelLimits,
  type FunnelFlag,
  type FunnelLimits,
  type LimitsMethod,
  type Overdispersion,
  MIN_OVERDISPERSION_AREAS,
} from './funnel.js';

export interface ComparedArea {
  code: string;
  name: string;
  count: number;
  population: number | null;
  populationYear: number | null;
  rate: number | null;
  expected: number | null;
  limits: FunnelLimits | null;
  flag: FunnelFlag | null;
  rank: number | null;
}

export interface AreaComparison {
  category: string;
  label: string;
  period: Period;
  group: string;
  /** What was counted: the months held for every area, whole-period totals, or nothing. */
  basis: 'months' | 'whole-period' | 'none';
  monthsCompared: Month[];
  /**
   * The months counted against the period asked: partial when some month is not held for every
   * area, and then every count and rate is over the months held only, not the whole period.
   */
  coverage: PeriodCoverage;
  /** The group's rate per 1,000 residents over `months` months (those counted). */
  reference: { rate: number | null; per: 1000; months: number };
  /** The limits drawn: overdispersed (the default) or Poisson (asked for, or too few areas). */
  limitsMethod: LimitsMethod;
  /** The spread between areas beyond chance, estimated whichever limits are drawn. */
  overdispersion: Overdispersion;
  areas: ComparedArea[];
  notes: string[];
}

export function compareAcross(
  group: string,
  inputs: readonly AreaCounts[],
  measure: Measure,
  period: Period,
  options: { limits?: LimitsMethod } = {},
): AreaComparison {
  const held = inputs.map((input) => new Set(input.observed));
  const all = monthsIn(period);
  // Whole-period totals (DEFRA's annual table) stand in when the months are not all held.
  const whole =
    inputs.length > 0 &&
    inputs.some((i) => !all.every((m) => held[inputs.indexOf(i)]?.has(m))) &&
    inputs.every((i) => measurePeriodTotal(i, measure, period) !== null);
  const monthsCompared = whole ? [] : all.filter((m) => held.every((h) => h.has(m)));
  const year = Number(period.to.slice(0, 4));
  const rows = inputs.map((input) => {
    const series = measureSeries(input, measure);
    const count = whole
      ? (measurePeriodTotal(input, measure, period) as number)
      : monthsCompared.reduce((n, m) => n + (series.get(m) ?? 0), 0);
    return { area: input.area, count, population: populationAt(input.populations, year) };
  });
  const withPop = rows.filter((r) => r.population && r.population.count > 0);
  const totalCount = withPop.reduce((n, r) => n + r.count, 0);
  const totalPop = withPop.reduce((n, r) => n + (r.population?.count ?? 0), 0);
  const refRate = totalPop > 0 ? totalCount / totalPop : null;
  const expectedOf = (pop: number | null) => (refRate !== null && pop ? refRate * pop : null);
  const overdispersion = estimateOverdispersion(
    rows.flatMap(({ count, population }) => {
      const expected = expectedOf(population?.count || null);
      return expected === null ? [] : [{ count, expected }];
    }),
  );
  const asked = options.limits ?? 'overdispersed';
  const limitsMethod: LimitsMethod =
    asked === 'overdispersed' && overdispersion.tau2 !== null ? 'overdispersed' : 'poisson';
  const tau2 = limitsMethod === 'overdispersed' ? (overdispersion.tau2 as number) : 0;
  const compared: ComparedArea[] = rows.map(({ area, count, population }) => {
    const pop = population?.count || null;
    const expected = expectedOf(pop);
    const limits = expected !== null ? funnelLimits(expected, tau2) : null;
    return {
      code: area.code,
      name: area.name,
      count,
      population: pop,
      populationYear: population?.year ?? null,
      rate: pop ? (count / pop) * 1000 : null,
      expected,
      limits,
      flag: limits ? funnelFlag(count, limits) : null,
      rank: null,
    };
  });
  [...compared]
    .filter((c) => c.rate !== null)
    .sort((x, y) => (y.rate as number) - (x.rate as number))
    .forEach((c, i) => (c.rank = i + 1));
  const notes = [
    limitsNote(limitsMethod, asked, overdispersion, refRate),
    'Flags use the 95% limits; outside the 99.8% limits is stronger evidence. Neither says why an area differs.',
    ...measure.caveats,
  ];
  const dropped = all.filter((m) => !monthsCompared.includes(m));
  if (whole)
    notes.push('Whole-period totals (an annual table) are compared: there is no monthly detail.');
  else if (dropped.length > 0)
    notes.push(`Months not held for every area, left out: ${dropped.join(', ')}.`);
  if (!whole && monthsCompared.length === 0)
    notes.push('No month is held for every area: nothing compared.');
  const pop = withPop[0]?.population;
  if (pop) notes.push(`Populations: ${pop.year}, ${pop.source}.`);
  return {
    category: measure.key,
    label: measure.label,
    period,
    group,
    basis: whole ? 'whole-period' : monthsCompared.length > 0 ? 'months' : 'none',
    monthsCompared,
    coverage: periodCoverage(period, whole ? all : monthsCompared),
    reference: {
      rate: refRate === null ? null : refRate * 1000,
      per: 1000,
      months: whole ? all.length : monthsCompared.length,
    },
    limitsMethod,
    overdispersion,
    areas: compared.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity)),
    notes,
  };
}

/** What the limits are, in words: which kind, around what, and how much spread they allow for. */
export function limitsNote(
  method: LimitsMethod,
  asked: LimitsMethod,
  o: Overdispersion,
  refRate: number | null,
): string {
  const around = `around the count expected at the group's rate (${refRate === null ? '–' : (refRate * 1000).toFixed(2)} per 1,000)`;
  const spread =
    o.tau2 === null
      ? ''
      : o.tau2 === 0
        ? ' The areas differ by no more than chance would make them.'
        : ` Beyond chance, the areas' rates typically differ from the group's by about ${Math.round(200 * Math.sqrt(o.tau2))}% (one standard deviation; τ² = ${o.tau2.toPrecision(2)} on the square-root scale, from ${o.areas} areas' z-scores winsorised at 10%).`;
  if (method === 'overdispersed')
    return `Funnel limits allow for overdispersion (Spiegelhalter's additive random effect): the range each area's count would fall in ${around}, given chance and the usual spread between areas.${spread}`;
  const why =
    asked === 'overdispersed'
      ? ` ${spreadNotEstimated(o.areas)}`
      : ` Chance alone is allowed for, not the usual spread between areas, so more areas may be flagged than differ in any way that matters.${spread}`;
  return `Funnel limits: exact Poisson quantiles ${around}.${why}`;
}

/**
 * What limits of chance alone mean when the spread between areas could not be estimated (fewer
 * than MIN_OVERDISPERSION_AREAS, analysis/funnel.ts): the same words in `compare`, the report's
 * funnel captions and the dashboard's Compare (which lists the comparison's notes). An area
 * outside such limits differs by more than chance, which may be no more than places usually
 * differ by; one inside them differs by less than chance alone would explain.
 */
export function spreadNotEstimated(areas: number | null, noun = 'areas'): string {
  const few = areas === null ? `Too few ${noun}` : `${areas} ${noun} are too few`;
  return `${few} to estimate how much ${noun} differ beyond chance (at least ${MIN_OVERDISPERSION_AREAS} are needed), so these limits allow for chance alone: one outside them differs by more than chance, but perhaps by no more than ${noun} usually differ.`;
}
