/**
 * Areas side by side for one measure and period — count, population, rate per 1,000, the count
 * expected at the group's overall rate, and funnel limits at 95% and 99.8% from exact Poisson
 * quantiles (analysis/funnel.ts); each flagged above, within or below its 95% limits, and ranked by
 * rate. Only months held for every area are counted, so no area is compared on months another
 * lacks. The reference rate is the group's pooled rate over the areas with a population.
 */
import type { AreaCounts, Measure } from '../domain/area-counts.js';
import { measurePeriodTotal, measureSeries, populationAt } from '../domain/area-counts.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import { funnelFlag, funnelLimits, type FunnelFlag, type FunnelLimits } from './funnel.js';

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
  reference: { rate: number | null; per: 1000 };
  areas: ComparedArea[];
  notes: string[];
}

export function compareAcross(
  group: string,
  inputs: readonly AreaCounts[],
  measure: Measure,
  period: Period,
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
  const compared: ComparedArea[] = rows.map(({ area, count, population }) => {
    const pop = population?.count || null;
    const expected = refRate !== null && pop ? refRate * pop : null;
    const limits = expected !== null ? funnelLimits(expected) : null;
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
    `Funnel limits: exact Poisson quantiles around the count expected at the group's rate (${refRate === null ? '–' : (refRate * 1000).toFixed(2)} per 1,000).`,
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
    reference: { rate: refRate === null ? null : refRate * 1000, per: 1000 },
    areas: compared.sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity)),
    notes,
  };
}
