/**
 * `lantern compare`: the districts of a force or CSP (or a peer group) side by side for one
 * police.uk category and period (analysis/area-comparison.ts).
 */
import { compareAcross, type AreaComparison } from '../analysis/area-comparison.js';
import type { LimitsMethod } from '../analysis/funnel.js';
import { measureInput, type AreaCounts, type Measure } from '../domain/area-counts.js';
import { monthRunsText } from '../domain/held-months.js';
import { policeMeasure } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { monthsIn, type Period } from '../domain/month.js';
import { forTotals, type Scope } from '../domain/scope.js';
import type { Area } from '../domain/area.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import {
  DEFAULT_DISCLOSURE_POLICY,
  isSmallCount,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import { trendDocuments, type WithheldAs } from '../analysis/trend-table.js';
import { discloseTrendsByMonth } from '../analysis/trend-disclosure.js';
import { policeTotalsStatus } from './police-totals-disclosure.js';
import { partnerTotalsStatus } from './partner-totals-disclosure.js';
import { trendMonths } from './trends.js';
import { ALL_CRIME } from '../domain/categories.js';
import { areaAccessLevel, whomToAsk } from '../store/area-access.js';
import { ForbiddenError, InputError, NotFoundError } from '../errors.js';
import { districtsWithin } from '../store/area-force.js';
import { areasByCode, findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import type { Settings } from '../config/settings.js';
import { listPeerGroups } from './peer-groups.js';
import { datasetMeasures, datasetNamed, partnerAreaCounts } from './partner-area-counts.js';
import { streetAreaCounts } from './street-area-counts.js';

export type { AreaComparison, ComparedArea } from '../analysis/area-comparison.js';
export type { LimitsMethod };

export interface CompareRequest {
  within?: string;
  group?: string;
  category?: string;
  period: Period;
  /** The peer-groups setting (loaded at the edge): needed with `group`. */
  peerGroups?: Settings['peerGroups'];
  /** A partner dataset instead of police.uk street records. */
  dataset?: string;
  /** Funnel limits allowing for the spread between areas (default), or chance alone. */
  limits?: LimitsMethod;
  /** Known breaks in the series: as `trends` has them, for what a totals-only area shows. */
  discontinuities?: readonly Discontinuity[];
  /**
   * Disclosure control (config/disclosure.yaml) of the areas the caller sees as totals only, and
   * the threshold a restricted dataset's small counts are held back under (default 5).
   */
  disclosure?: DisclosurePolicy;
}

/** An area the caller sees as totals only, left out of a comparison: its count is held back. */
export interface WithheldArea {
  code: string;
  name: string;
  /** As `trends` says it: "fewer than" the threshold, or "not shown" (it would give one back). */
  withheld: WithheldAs;
}

/**
 * A comparison as the caller is shown it: areas seen as totals only whose count `trends` holds
 * back are left out of it altogether (`withheld`), so nothing drawn from the rest — rates, the
 * group's rate, limits, ranks — depends on them.
 */
export interface DisclosedComparison extends AreaComparison {
  withheld?: WithheldArea[];
  disclosure?: { threshold: number; reason: 'totals only' };
}

export async function compareAreas(
  db: Db,
  scope: Scope,
  request: CompareRequest,
): Promise<DisclosedComparison> {
  const { name, codes } = await members(db, scope, request);
  const areas = await areasByCode(db, codes);
  const levels = await Promise.all(areas.map((a) => areaAccessLevel(db, scope, a.code)));
  const totalsOnly = new Set(areas.filter((_, i) => levels[i] === 'aggregate').map((a) => a.code));
  // Police.uk counts only: a partner dataset's areas seen as totals only are refused (the store
  // admits no totals read without forTotals), failing closed.
  if (totalsOnly.size > 0 && !request.dataset && request.category)
    return withTotalsOnly(db, scope, request, name, areas, totalsOnly);
  if (request.dataset) {
    const dataset = datasetNamed(request.dataset);
    const read = await partnerAreaCounts(db, scope, dataset, areas);
    const { synthetic } = read;
    const [measure] = datasetMeasures(dataset, request.category, synthetic);
    // The months its count is held (a partner file may not give it: unknown, not zero).
    const inputs = read.inputs.map((i) => measureInput(i, measure as Measure));
    const compared = held(
      compareAcross(name, inputs, measure as Measure, request.period, request),
      inputs,
    );
    // A restricted dataset's counts from 1 to 4 are shown to no one (issue 20 item 4): with the
    // rate, the population and the overall rate, a district's count is given whatever it is
    // labelled, so the districts are not compared one by one where one holds such a count. Nor
    // where a month of one is held back by the control trends applies (month by month, with the
    // force's other districts): two periods' counts, or the force's less the others', would give
    // it back (Watford's domestic abuse in 2024 less February to December was January's 3).
    const policy = request.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
    const { threshold } = policy;
    if (dataset.sensitivity === 'restricted') {
      const refuse = (why: string) =>
        new ForbiddenError(
          `${dataset.name} is a restricted dataset and a district of the ${compared.group} ${why}: the districts are not compared one by one; lantern trends --dataset ${dataset.name} --area AREA gives each district's totals, with small counts as "fewer than ${threshold}"`,
        );
      const period = `${request.period.from}..${request.period.to}`;
      if (compared.areas.some((a) => isSmallCount(a.count, policy)))
        throw refuse(
          `holds a count from 1 to ${threshold - 1} for ${period}, which is shown to no one`,
        );
      const statuses = await partnerTotalsStatus(
        db,
        scope,
        dataset,
        inputs.map((i) => i.area),
        compared.monthsCompared,
        policy,
      );
      const key = (measure as Measure).key;
      const heldBack = inputs.some((i) =>
        compared.monthsCompared.some(
          (m) => (statuses.get(i.area.code)?.get(`${key}:${m}`) ?? 'shown') !== 'shown',
        ),
      );
      if (heldBack)
        throw refuse(
          `has a month of ${period} held back (fewer than ${threshold}, or a count that would give one back)`,
        );
    }
    return compared;
  }
  if (!request.category) throw new InputError('compare: ⟨category⟩ is required');
  const measure = policeMeasure(parseCategoryChoice(request.category));
  const inputs = await streetAreaCounts(db, scope, areas);
  return held(compareAcross(name, inputs, measure, request.period, request), inputs);
}

/**
 * The comparison beside areas the caller sees as totals only. Their counts are read as totals
 * (forTotals) and each is shown only when `trends` shows the caller the same number for the area,
 * the category and the period, so the comparison publishes nothing that trends' disclosure
 * control (analysis/trend-disclosure.ts, month by month: domain/disclosure/by-month.ts) does not: no count
 * from 1 to threshold − 1, and none that would give one back. The others are left out before the comparison is worked out, so no rate,
 * group rate, limit, spread or rank gives their count back either; and when the months compared
 * are not exactly those trends totals for an area, its count (another sum) is left out too.
 */
async function withTotalsOnly(
  db: Db,
  scope: Scope,
  request: CompareRequest,
  name: string,
  areas: readonly Area[],
  totalsOnly: ReadonlySet<string>,
): Promise<DisclosedComparison> {
  const policy = request.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
  const category = request.category as string;
  const measure = policeMeasure(parseCategoryChoice(category));
  const inputs = await streetAreaCounts(db, forTotals(scope), areas);
  const discontinuities = request.discontinuities ?? [];
  const withheld = new Map<string, WithheldAs>();
  // The trend `trends` gives the caller for each area and category (the same documents, through
  // the same disclosure control, with the other areas of its force), worked from the counts read
  // here.
  const docs = new Map(
    inputs
      .filter((i) => totalsOnly.has(i.area.code))
      .filter((i) => i.observed.some((m) => m >= request.period.from && m <= request.period.to))
      .map((i) => [
        i.area.code,
        trendDocuments(i, [measure], request.period, {
          notTested: (m) => m.key === ALL_CRIME,
          discontinuities,
        }),
      ]),
  );
  const statuses = await policeTotalsStatus(
    db,
    scope,
    inputs.filter((i) => docs.has(i.area.code)).map((i) => i.area),
    trendMonths([...docs.values()].flat()),
    policy,
  );
  for (const input of inputs) {
    if (!totalsOnly.has(input.area.code)) continue;
    const own = docs.get(input.area.code);
    const [doc] = own ? discloseTrendsByMonth(own, statuses.get(input.area.code)!, policy) : [];
    if (doc?.current === null || doc?.current === undefined)
      withheld.set(input.area.code, doc?.disclosure?.current ?? 'not shown');
  }
  const periodMonths = monthsIn(request.period);
  for (let round = 0; round <= areas.length; round++) {
    const kept = inputs.filter((i) => !withheld.has(i.area.code));
    if (kept.length < 2)
      throw new ForbiddenError(
        `compare: too few districts of the ${name} can be shown to you to compare ${measure.label}: ${[...totalsOnly].length} of them are seen as totals only and their counts for ${request.period.from}..${request.period.to} are held back (small, or would give a small one back). ${await whomToAsk(db)}`,
      );
    const c = held(compareAcross(name, kept, measure, request.period, request), kept);
    const compared = new Set(c.monthsCompared);
    // Each count shown is the very total trends shows: the area's months held in the period.
    const differing = kept.filter(
      (i) =>
        totalsOnly.has(i.area.code) &&
        (c.basis !== 'months' ||
          periodMonths.filter((m) => i.observed.includes(m)).some((m) => !compared.has(m)) ||
          c.monthsCompared.some((m) => !i.observed.includes(m))),
    );
    if (differing.length === 0) {
      const left = areas
        .filter((a) => withheld.has(a.code))
        .map((a) => ({ code: a.code, name: a.name, withheld: withheld.get(a.code)! }));
      return {
        ...c,
        ...(left.length > 0 ? { withheld: left } : {}),
        disclosure: { threshold: policy.threshold, reason: 'totals only' },
        notes: [
          ...c.notes,
          `Areas your access shows as totals only are compared by the counts their trends show; ${left.length === 0 ? 'none is held back' : `${left.map((a) => a.name).join(', ')} ${left.length === 1 ? 'is' : 'are'} left out: ${left.length === 1 ? 'its count is' : 'their counts are'} fewer than ${policy.threshold}, or would give one back`}.`,
        ],
      };
    }
    for (const i of differing) withheld.set(i.area.code, 'not shown');
  }
  throw new Error('compare: the areas shown did not settle');
}

/**
 * A comparison with nothing counted is refused, not shown as a table of zeros, naming the areas
 * that hold no month of the period (QA: a peer group with one such district was refused without
 * naming it) and the months held for every area.
 */
function held(comparison: AreaComparison, inputs: readonly AreaCounts[]): AreaComparison {
  if (comparison.basis === 'none') {
    const { from, to } = comparison.period;
    const [first, ...rest] = inputs;
    const everywhere = (first?.observed ?? []).filter((m) =>
      rest.every((i) => i.observed.includes(m)),
    );
    const empty = inputs
      .filter((i) => !i.observed.some((m) => m >= from && m <= to))
      .map((i) => `${i.area.name} (${i.area.code})`);
    const none =
      empty.length === 0
        ? ''
        : ` ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no data for ${from}..${to} (no month of it held): compare without ${empty.length === 1 ? 'it' : 'them'}, or import ${empty.length === 1 ? 'its' : 'their'} data.`;
    throw new NotFoundError(
      `no month of ${from}..${to} is held for every area of the ${comparison.group} (${comparison.label}): unknown, not zero.${none} Months held for every area: ${monthRunsText(everywhere)}`,
    );
  }
  return comparison;
}

async function members(
  db: Db,
  scope: Scope,
  request: CompareRequest,
): Promise<{ name: string; codes: string[] }> {
  if (request.group) {
    if (!request.peerGroups) throw new Error('compareAreas: a group needs the peer-groups setting');
    const groups = await listPeerGroups(db, scope, { all: true, peerGroups: request.peerGroups });
    const group = groups.find((g) => g.name === request.group);
    if (!group)
      throw new InputError(`⟨group⟩: no peer group "${request.group}" (see lantern areas groups)`);
    return { name: group.name, codes: group.areas.map((a) => a.code) };
  }
  if (!request.within)
    throw new InputError('compare: give ⟨within⟩ AREA (a force or CSP) or ⟨group⟩ NAME');
  const within = await findArea(db, request.within);
  const codes = [...(await districtsWithin(db, within.code))].sort();
  if (codes.length < 2)
    throw new InputError(`compare: ${within.name} holds fewer than two districts`);
  return { name: `districts of ${within.name}`, codes };
}
