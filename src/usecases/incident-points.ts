/**
 * The incidents a spatial command works on: police.uk street records of a category (months only,
 * at anonymised map points) or a partner dataset's incident records with a point (dated), for an
 * area and period, in British National Grid metres as well as WGS84. Months of the period the
 * store does not hold are reported, never treated as empty.
 *
 * Incidents come as columns (typed arrays of National Grid coordinates and months) with their
 * places apart: the analyses are numeric, and a force's year of records is a few thousand map
 * points, each with one location text and LSOA, however many records it has. Only the category,
 * area and months asked for are read (the filters are in SQL), once per command (CommandReads).
 */
import type { AreaSummary } from '../domain/area-counts.js';
import { CATEGORY_NAMES, categoryLabel, inCategory } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { requireSomeMonthHeld } from '../domain/held-months.js';
import { monthIndex, monthFromIndex, monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { toBng } from '../geo/bng.js';
import { resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { partnerPoints, streetRecords, type StoredPoint } from '../store/incident-points.js';
import { districtsWithin } from '../store/area-force.js';
import { partnerDataIsSynthetic, partnerObservedMonths } from '../store/partner-data.js';
import { CommandReads, scopeKey } from './command-reads.js';
import { datasetCategories, datasetNamed, SYNTHETIC_CAVEAT } from './partner-area-counts.js';
import { heldStreetMonths } from './street-area-counts.js';

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

/** A place incidents were recorded at (a police.uk map point, or a partner record's point). */
export interface IncidentPlace {
  lon: number;
  lat: number;
  /** British National Grid easting and northing, metres. */
  x: number;
  y: number;
  location: string | null;
  lsoa: string | null;
}

/**
 * Incidents as columns, one entry per incident, in a fixed order (police.uk: by month, point and
 * category; partner records: by date and point).
 */
export interface IncidentColumns {
  length: number;
  /** British National Grid easting and northing of each incident (its place's), metres. */
  x: Float64Array;
  y: Float64Array;
  /** Each incident's place: an index into `places`. */
  place: Int32Array;
  /** Each incident's month, as `monthIndex` gives it. */
  month: Int32Array;
  /** Each incident's day (YYYY-MM-DD) for dated (partner) records; null for police.uk. */
  date: readonly (string | null)[] | null;
  /** Each incident's categories (one for police.uk; hate crimes may carry several strands). */
  categories: readonly (readonly string[])[];
  places: readonly IncidentPlace[];
}

/** The incidents as one object each, for consumers that are not numeric. */
export function incidentObjects(c: IncidentColumns): IncidentPoint[] {
  const out: IncidentPoint[] = new Array<IncidentPoint>(c.length);
  const months = new Map<number, Month>();
  for (let i = 0; i < c.length; i++) {
    const p = c.places[c.place[i]!]!;
    const m = c.month[i]!;
    let month = months.get(m);
    if (month === undefined) months.set(m, (month = monthFromIndex(m)));
    out[i] = {
      lon: p.lon,
      lat: p.lat,
      x: c.x[i]!,
      y: c.y[i]!,
      month,
      date: c.date ? c.date[i]! : null,
      location: p.location,
      categories: [...c.categories[i]!],
      lsoa: p.lsoa,
    };
  }
  return out;
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
  incidents: IncidentColumns;
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

/**
 * The incidents asked for. Read once per command: a second request for the same area, period and
 * category or dataset in `reads` gets the same set.
 */
export function incidentPoints(
  db: Db,
  scope: Scope,
  request: IncidentRequest,
  reads: CommandReads = new CommandReads(),
): Promise<IncidentSet> {
  return reads.once(incidentsKey(scope, request), () => readIncidents(db, scope, request, reads));
}

const incidentsKey = (scope: Scope, { area, period, category, dataset }: IncidentRequest) =>
  `incidents:${scopeKey(scope)}:${JSON.stringify([area, period.from, period.to, category ?? null, dataset ?? null])}`;

/**
 * Reads the police.uk incidents of several categories of one area and period in one query, and
 * remembers each category's in `reads` as the set incidentPoints then gives for it (the same
 * records, in the same order): an assessment maps each of its High priorities, and one scan of
 * the area's records serves them all. Categories already read, or fewer than two, are left to
 * incidentPoints; an unknown category leaves them all to it (it names the problem).
 */
export function prefetchStreetIncidents(
  db: Db,
  scope: Scope,
  request: { area: string; period: Period },
  categories: readonly string[],
  reads: CommandReads,
): void {
  const keyOf = (category: string) => incidentsKey(scope, { ...request, category });
  const missing = [...new Set(categories)].filter((c) => !reads.has(keyOf(c)));
  if (missing.length < 2) return;
  try {
    missing.forEach((c) => parseCategoryChoice(c));
  } catch {
    return;
  }
  const sets = readStreetIncidents(db, scope, request, missing, reads);
  missing.forEach((c, i) =>
    reads.remember(
      keyOf(c),
      sets.then((all) => all[i]!),
    ),
  );
}

async function readIncidents(
  db: Db,
  scope: Scope,
  request: IncidentRequest,
  reads: CommandReads,
): Promise<IncidentSet> {
  const area = await reads.once(`area:${request.area}`, () => resolveArea(db, request.area));
  const summary = { code: area.code, name: area.name, type: area.type };
  const period = request.period;
  if (request.dataset) {
    const dataset = datasetNamed(request.dataset);
    if (dataset.detail !== 'incident')
      throw new InputError(
        `⟨dataset⟩: ${dataset.name} holds ${dataset.detail} counts, not incidents with places`,
      );
    const category = request.category ?? 'total';
    if (!datasetCategories(dataset).includes(category))
      throw new InputError(
        `⟨category⟩: ${dataset.name} has no category "${category}" (categories: ${datasetCategories(dataset).join(', ')})`,
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
      area.type === 'district'
        ? `${dataset.name} data of ${area.name}`
        : `${dataset.name} data of every district of ${area.name}`,
    );
    const points = await partnerPoints(
      db,
      scope,
      dataset.name,
      districts,
      heldEverywhere,
      category === 'total' ? null : category,
    );
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
      incidents: pointColumns(points),
      notes: [
        ...(synthetic ? [SYNTHETIC_CAVEAT] : []),
        ...dataset.caveats,
        'Only records with a point are mapped.',
      ],
    };
  }
  if (!request.category) throw new InputError('give ⟨category⟩ C (police.uk) or ⟨dataset⟩ NAME');
  const [set] = await readStreetIncidents(db, scope, request, [request.category], reads);
  return set!;
}

/** The police.uk incidents of each category choice given, from one read of the store. */
async function readStreetIncidents(
  db: Db,
  scope: Scope,
  request: { area: string; period: Period },
  categories: readonly string[],
  reads: CommandReads,
): Promise<IncidentSet[]> {
  const area = await reads.once(`area:${request.area}`, () => resolveArea(db, request.area));
  const summary = { code: area.code, name: area.name, type: area.type };
  const period = request.period;
  const choices = categories.map((c) => parseCategoryChoice(c));
  const held = new Set(await heldStreetMonths(db, scope, summary, reads));
  const monthsHeld = monthsIn(period).filter((m) => held.has(m));
  requireSomeMonthHeld(period, held, `police.uk street data of ${area.name}`);
  // The categories counted in the choices (all crime: every police.uk category but ASB), sorted
  // as their names sort, so that records keep the order of category names.
  const slugs = Object.keys(CATEGORY_NAMES)
    .filter((slug) => choices.some((choice) => inCategory(choice, slug)))
    .sort();
  const records = await streetRecords(db, scope, summary, period, slugs);
  const allPlaces = records.places.map((p): IncidentPlace => {
    const [x, y] = toBng(p.lon, p.lat);
    return { ...p, x, y };
  });
  return choices.map((choice): IncidentSet => {
    // The choice's own records, and its own places in their order (as a read of it alone gives).
    const mine = slugs.map((slug) => inCategory(choice, slug));
    const placeOf = new Int32Array(allPlaces.length).fill(-1);
    const keep: number[] = [];
    for (let i = 0; i < records.length; i++)
      if (mine[records.category[i]!]) {
        keep.push(i);
        placeOf[records.place[i]!] = 0;
      }
    const places: IncidentPlace[] = [];
    placeOf.forEach((used, k) => {
      if (used === 0) {
        placeOf[k] = places.length;
        places.push(allPlaces[k]!);
      }
    });
    const n = keep.length;
    const columns = {
      x: new Float64Array(n),
      y: new Float64Array(n),
      place: new Int32Array(n),
      month: new Int32Array(n),
    };
    const categoryOf = slugs.map((slug) => [slug] as const);
    const categories = new Array<readonly string[]>(n);
    keep.forEach((i, j) => {
      const k = placeOf[records.place[i]!]!;
      columns.place[j] = k;
      columns.x[j] = places[k]!.x;
      columns.y[j] = places[k]!.y;
      columns.month[j] = records.month[i]!;
      categories[j] = categoryOf[records.category[i]!]!;
    });
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
      incidents: { length: n, ...columns, date: null, categories, places },
      notes: [
        'police.uk places each record at an anonymous map point near where it happened: the map shows those points, not exact addresses.',
        'Records without a location are not mapped.',
      ],
    };
  });
}

/** Partner points (a few thousand at most) as columns, each distinct point a place. */
function pointColumns(points: readonly StoredPoint[]): IncidentColumns {
  const places: IncidentPlace[] = [];
  const placeOf = new Map<string, number>();
  const n = points.length;
  const columns = {
    x: new Float64Array(n),
    y: new Float64Array(n),
    place: new Int32Array(n),
    month: new Int32Array(n),
  };
  points.forEach((p, i) => {
    const key = JSON.stringify([p.lon, p.lat, p.location, p.lsoa]);
    let k = placeOf.get(key);
    if (k === undefined) {
      const [x, y] = toBng(p.lon, p.lat);
      placeOf.set(key, (k = places.length));
      places.push({ lon: p.lon, lat: p.lat, x, y, location: p.location, lsoa: p.lsoa });
    }
    columns.place[i] = k;
    columns.x[i] = places[k]!.x;
    columns.y[i] = places[k]!.y;
    columns.month[i] = monthIndex(p.month);
  });
  return {
    length: n,
    ...columns,
    date: points.map((p) => p.date),
    categories: points.map((p) => p.categories),
    places,
  };
}
