/**
 * `lantern compare`: the districts of a force (or a peer group) side by side for one category and
 * period — count, population, rate per 1,000, the count expected at the group's overall rate, and
 * funnel limits at 95% and 99.8% from exact Poisson quantiles; each flagged above, within or below
 * its 95% limits, and ranked by rate. Only months held for every area are counted.
 */
import {
  funnelFlag,
  funnelLimits,
  type FunnelFlag,
  type FunnelLimits,
} from '../analysis/funnel.js';
import { inCategory } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { monthsIn, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { districtsWithin } from '../store/area-force.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { populationFor } from '../store/populations.js';
import { observedStreetMonths, streetCountsByCategoryMonth } from '../store/street-counts.js';
import { listPeerGroups } from './peer-groups.js';

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
  period: Period;
  group: string;
  monthsCompared: string[];
  reference: { rate: number | null; per: 1000 };
  areas: ComparedArea[];
  notes: string[];
}

export interface CompareRequest {
  within?: string;
  group?: string;
  category: string;
  period: Period;
}

export async function compareAreas(
  db: Db,
  scope: Scope,
  request: CompareRequest,
): Promise<AreaComparison> {
  const category = parseCategoryChoice(request.category);
  const { name, codes } = await members(db, scope, request);
  const areas = await Promise.all(codes.map((c) => findArea(db, c)));
  const heldEverywhere = monthsIn(request.period);
  for (const a of areas) {
    const held = new Set(await observedStreetMonths(db, scope, { code: a.code, type: a.type }));
    for (let i = heldEverywhere.length - 1; i >= 0; i--)
      if (!held.has(heldEverywhere[i] as string)) heldEverywhere.splice(i, 1);
  }
  const year = Number(request.period.to.slice(0, 4));
  const rows = await Promise.all(
    areas.map(async (a) => {
      const counts = await streetCountsByCategoryMonth(
        db,
        scope,
        { code: a.code, type: a.type },
        request.period,
      );
      const count = counts
        .filter((r) => heldEverywhere.includes(r.month))
        .filter((r) => inCategory(category, r.category))
        .reduce((n, r) => n + r.count, 0);
      const population = await populationFor(db, a.code, year);
      return { a, count, population };
    }),
  );
  const withPop = rows.filter((r) => r.population && r.population.count > 0);
  const totalCount = withPop.reduce((n, r) => n + r.count, 0);
  const totalPop = withPop.reduce((n, r) => n + (r.population?.count ?? 0), 0);
  const refRate = totalPop > 0 ? totalCount / totalPop : null;
  const compared: ComparedArea[] = rows.map(({ a, count, population }) => {
    const pop = population?.count ?? null;
    const expected = refRate !== null && pop ? refRate * pop : null;
    const limits = expected !== null ? funnelLimits(expected) : null;
    return {
      code: a.code,
      name: a.name,
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
  ];
  const dropped = monthsIn(request.period).filter((m) => !heldEverywhere.includes(m));
  if (dropped.length > 0)
    notes.push(`Months not held for every area, left out: ${dropped.join(', ')}.`);
  const pop = withPop[0]?.population;
  if (pop) notes.push(`Populations: ${pop.year}, ${pop.source}.`);
  return {
    category: request.category,
    period: request.period,
    group: name,
    monthsCompared: heldEverywhere,
    reference: { rate: refRate === null ? null : refRate * 1000, per: 1000 },
    areas: compared.sort((x, y) => (x.rank ?? 999) - (y.rank ?? 999)),
    notes,
  };
}

async function members(
  db: Db,
  scope: Scope,
  request: CompareRequest,
): Promise<{ name: string; codes: string[] }> {
  if (request.group) {
    const groups = await listPeerGroups(db, scope, { all: true });
    const group = groups.find((g) => g.name === request.group);
    if (!group)
      throw new InputError(`--group: no peer group "${request.group}" (see lantern areas groups)`);
    return { name: group.name, codes: group.areas.map((a) => a.code) };
  }
  if (!request.within)
    throw new InputError('compare: give --within AREA (a force or CSP) or --group NAME');
  const within = await findArea(db, request.within);
  const codes = [...(await districtsWithin(db, within.code))].sort();
  if (codes.length < 2)
    throw new InputError(`compare: ${within.name} holds fewer than two districts`);
  return { name: `districts of ${within.name}`, codes };
}
