/**
 * The incidents a spatial command works on: police.uk street records of a category (months only,
 * at anonymised map points) or a partner dataset's incident records with a point (dated), for an
 * area and period, in British National Grid metres as well as WGS84. Months of the period the
 * store does not hold are reported, never treated as empty.
 */
import type { AreaSummary } from '../domain/area-counts.js';
import { categoryLabel, inCategory } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { requireSomeMonthHeld } from '../domain/held-months.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { toBng } from '../geo/bng.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { partnerPoints, streetPoints, type StoredPoint } from '../store/incident-points.js';
import { districtsWithin } from '../store/area-force.js';
import { partnerDataIsSynthetic, partnerObservedMonths } from '../store/partner-data.js';
import { observedStreetMonths } from '../store/street-counts.js';
import { datasetCategories, datasetNamed, SYNTHETIC_CAVEAT } from './partner-area-counts.js';

export interface IncidentPoint {
  lon: number;
  lat: number;
  /** British National Grid easting and northing, metres. */
  x: number;
  y: number;
  month: Month;
  date: string | null;
  location: string | null;
  categories: string[];
  /** The record's LSOA code, where it has one (police.uk records; partner records may). */
  lsoa: string | null;
}

export interface IncidentSet {
  area: AreaSummary;
  source: 'police.uk' | 'partner';
  /** What was asked for: a police.uk category, or dataset:category. */
  what: string;
  label: string;
  period: Period;
  monthsHeld: Month[];
  monthsMissing: Month[];
  /** True when every point has a date (partner data), false for police.uk months. */
  dated: boolean;
  synthetic: boolean;
  points: IncidentPoint[];
  notes: string[];
}

/** What every spatial result says about the incidents it was made from. */
export type IncidentContext = Pick<
  IncidentSet,
  'area' | 'source' | 'what' | 'label' | 'period' | 'monthsHeld' | 'monthsMissing' | 'synthetic'
>;

/** The context of a set of incidents, for a result to carry. */
export function incidentContext(set: IncidentSet): IncidentContext {
  return {
    area: set.area,
    source: set.source,
    what: set.what,
    label: set.label,
    period: set.period,
    monthsHeld: set.monthsHeld,
    monthsMissing: set.monthsMissing,
    synthetic: set.synthetic,
  };
}

export interface IncidentRequest {
  area: string;
  period: Period;
  /** A police.uk category (or all-crime). */
  category?: string;
  /** A partner dataset with points; `category` then picks one of its categories (default: all). */
  dataset?: string;
}

export async function incidentPoints(
  db: Db,
  scope: Scope,
  request: IncidentRequest,
): Promise<IncidentSet> {
  const area = await findArea(db, request.area);
  const summary = { code: area.code, name: area.name, type: area.type };
  const period = request.period;
  const toPoint = (p: StoredPoint): IncidentPoint => {
    const [x, y] = toBng(p.lon, p.lat);
    return { ...p, x, y };
  };
  if (request.dataset) {
    const dataset = datasetNamed(request.dataset);
    if (dataset.detail !== 'incident')
      throw new InputError(
        `--dataset: ${dataset.name} holds ${dataset.detail} counts, not incidents with places`,
      );
    const category = request.category ?? 'total';
    if (!datasetCategories(dataset).includes(category))
      throw new InputError(
        `--category: ${dataset.name} has no category "${category}" (categories: ${datasetCategories(dataset).join(', ')})`,
      );
    const districts =
      area.type === 'district'
        ? [area.code]
        : area.type === 'csp' || area.type === 'force'
          ? [...(await districtsWithin(db, area.code))]
          : null;
    if (!districts)
      throw new InputError(`${area.name} is a ${area.type}: partner data are held by district`);
    const observed = await partnerObservedMonths(db, scope, dataset.name, districts);
    const heldEverywhere = monthsIn(period).filter((m) =>
      districts.every((d) => observed.get(d)?.includes(m)),
    );
    requireSomeMonthHeld(
      period,
      (observed.get(districts[0] as string) ?? []).filter((m) =>
        districts.every((d) => observed.get(d)?.includes(m)),
      ),
      `${dataset.name} data of every district of ${area.name}`,
    );
    const points = (await partnerPoints(db, scope, dataset.name, districts, period))
      .filter((p) => heldEverywhere.includes(p.month))
      .filter((p) => category === 'total' || p.categories.includes(category))
      .map(toPoint);
    const synthetic = await partnerDataIsSynthetic(db, dataset.name, districts);
    return {
      area: summary,
      source: 'partner',
      what: `${dataset.name}:${category}`,
      label: `${dataset.label}${synthetic ? ' (synthetic)' : ''}: ${category === 'total' ? 'all' : category}`,
      period,
      monthsHeld: heldEverywhere,
      monthsMissing: monthsIn(period).filter((m) => !heldEverywhere.includes(m)),
      dated: true,
      synthetic,
      points,
      notes: [
        ...(synthetic ? [SYNTHETIC_CAVEAT] : []),
        ...dataset.caveats,
        'Only records with a point are mapped.',
      ],
    };
  }
  if (!request.category) throw new InputError('give --category C (police.uk) or --dataset NAME');
  const choice = parseCategoryChoice(request.category);
  const held = new Set(await observedStreetMonths(db, scope, summary));
  const monthsHeld = monthsIn(period).filter((m) => held.has(m));
  requireSomeMonthHeld(period, held, `police.uk street data of ${area.name}`);
  const points = (await streetPoints(db, scope, summary, period))
    .filter((p) => p.categories.some((c) => inCategory(choice, c)))
    .map(toPoint);
  return {
    area: summary,
    source: 'police.uk',
    what: choice,
    label: categoryLabel(choice),
    period,
    monthsHeld,
    monthsMissing: monthsIn(period).filter((m) => !held.has(m)),
    dated: false,
    synthetic: false,
    points,
    notes: [
      'police.uk places each record at an anonymous map point near where it happened: the map shows those points, not exact addresses.',
      'Records without a location are not mapped.',
    ],
  };
}
