/**
 * `lantern compare`: the districts of a force or CSP (or a peer group) side by side for one
 * police.uk category and period (analysis/area-comparison.ts).
 */
import { compareAcross, type AreaComparison } from '../analysis/area-comparison.js';
import type { LimitsMethod } from '../analysis/funnel.js';
import type { AreaCounts, Measure } from '../domain/area-counts.js';
import { monthRunsText } from '../domain/held-months.js';
import { policeMeasure } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import {
  DEFAULT_DISCLOSURE_POLICY,
  isSmallCount,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
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
  /** The threshold a restricted dataset's small counts are held back under (default 5). */
  disclosure?: DisclosurePolicy;
}

export async function compareAreas(
  db: Db,
  scope: Scope,
  request: CompareRequest,
): Promise<AreaComparison> {
  const { name, codes } = await members(db, scope, request);
  const areas = await areasByCode(db, codes);
  if (request.dataset) {
    const dataset = datasetNamed(request.dataset);
    const { inputs, synthetic } = await partnerAreaCounts(db, scope, dataset, areas);
    const [measure] = datasetMeasures(dataset, request.category, synthetic);
    const compared = held(
      compareAcross(name, inputs, measure as Measure, request.period, request),
      inputs,
    );
    // A restricted dataset's counts from 1 to 4 are shown to no one (issue 20 item 4): with the
    // rate, the population and the overall rate, a district's count is given whatever it is
    // labelled, so the districts are not compared one by one where one holds such a count.
    const { threshold } = request.disclosure ?? DEFAULT_DISCLOSURE_POLICY;
    if (
      dataset.sensitivity === 'restricted' &&
      compared.areas.some((a) => isSmallCount(a.count, { threshold }))
    )
      throw new ForbiddenError(
        `${dataset.name} is a restricted dataset and a district of the ${compared.group} holds a count from 1 to ${threshold - 1} for ${request.period.from}..${request.period.to}, which is shown to no one: the districts are not compared one by one; lantern trends --dataset ${dataset.name} --area AREA gives each district's totals, with small counts as "fewer than ${threshold}"`,
      );
    return compared;
  }
  if (!request.category) throw new InputError('compare: ⟨category⟩ is required');
  const measure = policeMeasure(parseCategoryChoice(request.category));
  const inputs = await streetAreaCounts(db, scope, areas);
  return held(compareAcross(name, inputs, measure, request.period, request), inputs);
}

/**
 * A comparison with nothing counted is refused, not shown as a table of zeros, naming the months
 * held for every area.
 */
function held(comparison: AreaComparison, inputs: readonly AreaCounts[]): AreaComparison {
  if (comparison.basis === 'none') {
    const [first, ...rest] = inputs;
    const everywhere = (first?.observed ?? []).filter((m) =>
      rest.every((i) => i.observed.includes(m)),
    );
    throw new NotFoundError(
      `no month of ${comparison.period.from}..${comparison.period.to} is held for every area of the ${comparison.group} (${comparison.label}): unknown, not zero. Months held for every area: ${monthRunsText(everywhere)}`,
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
