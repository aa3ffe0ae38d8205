/**
 * A comparison of areas (`compare`) as a funnel plot draws it: the areas with a population, the
 * overall rate, and the 95% and 99.8% limits (allowing for overdispersion where it is measured).
 * The report's priority funnels and the dashboard's compare view both draw this.
 */
import type { AreaComparison } from '../analysis/area-comparison.js';
import { funnelLines, type FunnelLimits } from '../analysis/funnel.js';
import type { PriorityEvidence } from './report-data.js';

export function comparisonEvidence(
  c: AreaComparison,
  highlightCode: string,
): PriorityEvidence['comparison'] {
  const rate = c.reference.rate;
  const areas = c.areas.filter((a) => a.population !== null && a.population > 0);
  if (c.basis === 'none' || rate === null || areas.length < 2) return null;
  const tau2 = c.limitsMethod === 'overdispersed' ? (c.overdispersion.tau2 as number) : 0;
  const highlighted = c.areas.find((a) => a.code === highlightCode);
  const limits = funnelLines(
    rate,
    areas.map((a) => a.population as number),
    40,
    tau2,
  );
  return {
    group: c.group,
    rate,
    rateOf: 'every area',
    limitsMethod: c.limitsMethod,
    tau2,
    areas: areas.map((a) => ({
      name: a.name,
      count: a.count,
      population: a.population as number,
      highlight: a.code === highlightCode,
    })),
    limits,
    flag: highlighted?.flag ?? null,
    beyond998: highlighted?.limits ? beyond998(highlighted.count, highlighted.limits) : false,
    notes: c.notes,
  };
}

/** Beyond the 99.8% limits: what the funnel plot marks with a filled triangle. */
export function beyond998(count: number, limits: FunnelLimits): boolean {
  return count > limits.upper998 || count < limits.lower998;
}
