/**
 * `lantern cameras`: where K deployable cameras would have seen the most incidents of a period —
 * the maximal covering location problem (analysis/covering.ts) over an area's incidents
 * (police.uk map points or a partner dataset's dated points, usecases/incident-points.ts), in
 * British National Grid metres.
 *
 * Site files (read with ingest/partner/table-file.ts: CSV, CSV.gz or XLSX), column names matched
 * ignoring case and surrounding spaces:
 * - `--candidates` and `--existing`: `longitude` and `latitude` (WGS84 degrees; `lon`, `lat` also
 *   accepted), or `easting` and `northing` (British National Grid metres); an optional `name`.
 * - `--exclude`: the same place columns and `radius_m` (metres, above 0): circles where no camera
 *   may go (a school, a private site, where a survey said no).
 * A bad value is refused with an InputError naming the file, the line (or sheet and row) and the
 * field.
 *
 * Each chosen site is named by its nearest police.uk map point's "On or near …" text, with the
 * distance to it: for police.uk incidents the nearest incident point; for partner data the
 * nearest map point of any police.uk street record held in the area (store/nearest-location.ts).
 */
import { max } from 'd3-array';
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';

import { DEFAULT_TIME_LIMIT, solveCoveringExact } from '../analysis/covering-exact.js';
import {
  solveCovering,
  type CoveringOptimality,
  type ExclusionZone,
  type PlanePoint,
} from '../analysis/covering.js';
import { POLICE_UK_MIN_CELL } from '../analysis/hotspot-grid.js';
import type { Scope } from '../domain/scope.js';
import type { HarmWeight } from '../config/harm-weights.js';
import { ForbiddenError, InputError } from '../errors.js';
import { fromBng, toBng } from '../geo/bng.js';
import { nearestFinder, type NamedPlace } from '../geo/nearest-place.js';
import { readTableFile, type TableFile, type TableRow } from '../ingest/partner/table-file.js';
import type { Db } from '../store/db.js';
import { mapPointLocations } from '../store/nearest-location.js';
import { loadCoveringSolver } from './covering-solver.js';
import {
  incidentContext,
  incidentObjects,
  incidentPoints,
  type IncidentContext,
  type IncidentPoint,
  type IncidentRequest,
} from './incident-points.js';

export interface CameraRequest extends IncidentRequest {
  /** How many cameras to place. */
  cameras: number;
  /** How far a camera sees, metres. */
  radius: number;
  candidatesFile?: string;
  existingFile?: string;
  excludeFile?: string;
  /** Weight each incident by its category's harm weight (config/harm-weights.yaml). */
  harmWeighted?: boolean;
  /** The harm weight of each category (the harm-weights setting, loaded at the edge). */
  harmWeights?: ReadonlyMap<string, HarmWeight>;
  /**
   * Seconds the exact solver may take (default 10); 0 for the heuristic alone, with its cheap
   * bound.
   */
  timeLimit?: number;
}

export interface CameraSite {
  rank: number;
  /** The candidate's name from --candidates, or null (a grid cell, or no name given). */
  name: string | null;
  lon: number;
  lat: number;
  easting: number;
  northing: number;
  /** Incidents this site adds to those ranked before it. */
  gain: number;
  /** Incidents within the radius (those existing cameras see left out). */
  covered: number;
  /** Incidents within the radius of this site and no other chosen one. */
  unique: number;
  /** The nearest police.uk map point's text and the distance to it (metres), if any is held. */
  nearest: { location: string; distance: number } | null;
}

export interface CameraPlan extends IncidentContext {
  /** Cameras asked for. */
  cameras: number;
  radius: number;
  candidates: {
    source: 'file' | 'grid';
    file: string | null;
    count: number;
    /** Candidates inside an excluded zone, never chosen. */
    excluded: number;
    /** The grid's cell side in metres, or null for a file. */
    gridCell: number | null;
  };
  existing: { file: string; cameras: number } | null;
  exclude: { file: string; zones: number } | null;
  /** Incidents of the period with a point. */
  incidents: number;
  /** Incidents within the radius of an existing camera. */
  alreadyCovered: number;
  /** Incidents within the radius of a chosen site (and not already covered). */
  covered: number;
  /** covered ÷ incidents. */
  share: number;
  /** covered ÷ (incidents − alreadyCovered). */
  shareOfUncovered: number;
  /** What the greedy step alone covered, before the swaps of the local search. */
  greedyCovered: number;
  localSearch: { swaps: number; stoppedBy: 'local-optimum' | 'swap-limit' | 'not-run' };
  /**
   * Whether the sites are the best possible: "optimal" (proven), or "heuristic" with the most
   * any K sites could cover (`bound`) and the gap to it, in `unit`.
   */
  optimality: CoveringOptimality & { unit: 'incidents' | 'harm weight' };
  /** "optimal", or "heuristic, within N incidents (X%) of the best possible". */
  solution: string;
  sites: CameraSite[];
  method: string;
  notes: string[];
}

/** Sites as read from a file: BNG metres, with the name and the line for messages. */
interface FileSite extends PlanePoint {
  name: string | null;
}

export async function cameraPlan(
  db: Db,
  scope: Scope,
  request: CameraRequest,
): Promise<CameraPlan> {
  const { cameras: k, radius } = request;
  if (!(Number.isInteger(k) && k >= 1 && k <= MAX_CAMERAS))
    throw new InputError(`⟨cameras⟩: ${k} is not a whole number from 1 to ${MAX_CAMERAS}`);
  if (!(Number.isFinite(radius) && radius > 0 && radius <= MAX_RADIUS))
    throw new InputError(
      `⟨radius⟩: ${radius} is not a number of metres above 0 and up to ${MAX_RADIUS}`,
    );
  // Files first: a mistake in one is reported before any work on the store.
  const candidates = request.candidatesFile
    ? await readSites(request.candidatesFile, 'candidates')
    : null;
  if (candidates && candidates.length === 0)
    throw new InputError(`${request.candidatesFile}: no candidate sites in the file`);
  const existing = request.existingFile ? await readSites(request.existingFile, 'existing') : null;
  const zones = request.excludeFile ? await readZones(request.excludeFile) : null;

  const timeLimit = request.timeLimit ?? DEFAULT_TIME_LIMIT;
  if (!(Number.isFinite(timeLimit) && timeLimit >= 0 && timeLimit <= MAX_TIME_LIMIT))
    throw new InputError(
      `⟨timeLimit⟩: ${timeLimit} is not a number of seconds from 0 to ${MAX_TIME_LIMIT}`,
    );

  const set = await incidentPoints(db, scope, request);
  const points = incidentObjects(set.incidents);
  const weighted = request.harmWeighted ? harmWeighted(set, points, request.harmWeights) : null;
  const problem = {
    incidents: weighted?.points ?? points,
    candidates: candidates ?? undefined,
    existing: existing ?? undefined,
    exclude: zones ?? undefined,
    k,
    radius,
  };
  const result =
    timeLimit > 0
      ? solveCoveringExact(problem, await loadCoveringSolver(), { timeLimit })
      : solveCovering(problem);
  const unit = weighted ? 'harm weight' : 'incidents';
  const optimality = { ...result.optimality, unit } as const;

  // Naming the sites: the nearest police.uk map point with a location text.
  const notes: string[] = [...(weighted?.notes ?? [])];
  let places: NamedPlace[] = [];
  if (set.source === 'police.uk') {
    places = points.flatMap((p) => (p.location ? [{ x: p.x, y: p.y, location: p.location }] : []));
  } else if (result.sites.length > 0) {
    try {
      places = (await mapPointLocations(db, scope, set.area)).map((p) => {
        const [x, y] = toBng(p.lon, p.lat);
        return { x, y, location: p.location };
      });
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      notes.push('Sites are not named: your access does not cover police.uk street data.');
    }
  }
  const nearest = nearestFinder(places);
  const sites: CameraSite[] = result.sites.map((s) => {
    const [lon, lat] = fromBng(s.x, s.y);
    return {
      rank: s.rank,
      name: candidates ? (candidates[s.candidate]?.name ?? null) : null,
      lon: round(lon, 6),
      lat: round(lat, 6),
      easting: Math.round(s.x),
      northing: Math.round(s.y),
      gain: s.gain,
      covered: s.covered,
      unique: s.unique,
      nearest: nearest(s),
    };
  });

  const n = (count: number, one: string, many = `${one}s`) =>
    `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
  // police.uk moves each record to the nearest of its anonymous map points: a radius finer than
  // their spacing counts the records stacked on the map points nearest the sites (a 1 m radius
  // "saw" 21% of Hertfordshire's crime with 200 cameras), not what a camera there would see.
  if (set.source === 'police.uk' && radius < POLICE_UK_MIN_CELL)
    notes.unshift(
      `A radius of ${radius} m is finer than police.uk locates records: each is moved to the nearest ` +
        'of its anonymous map points (the centre of a street or a public place), and a quarter of ' +
        `those points have another within about 55 to 65 m. At ${radius} m coverage counts the ` +
        'records moved to the map points nearest the sites, not incidents a camera there would ' +
        `have seen: use a radius of ${POLICE_UK_MIN_CELL} m or more, or partner data with real points.`,
    );
  notes.push(
    ...set.notes,
    `Coverage counts the period's incidents that lie within ${radius} m (straight line) of a chosen ` +
      'site: where cameras would have seen past incidents, not a forecast of what they would ' +
      'prevent or help detect. Buildings, trees and slopes block views (no viewshed is modelled), ' +
      'and each site needs a survey (mounting, power, signage, privacy impact) before use.',
  );
  if (set.monthsMissing.length > 0)
    notes.push(
      `Months of the period the store does not hold, left out (not counted as zero): ${set.monthsMissing.join(', ')}.`,
    );
  if (points.length === 0) notes.push('No incidents with a point in the period: nothing to cover.');
  if (!candidates)
    notes.push(
      `Candidate sites are the centres of a ${result.gridCell ?? radius / 2} m grid (National Grid) ` +
        `with an incident within ${radius} m: ${n(result.candidates.length, 'cell')}. Give ` +
        '⟨candidates⟩ FILE to choose among real places (lamp columns, poles, walls).',
    );
  if (existing)
    notes.push(
      `${n(result.alreadyCovered.count, 'incident')} within ${radius} m of the ` +
        `${n(existing.length, 'existing camera')} (${request.existingFile}) count as covered ` +
        'already; sites are chosen for what they add.',
    );
  if (zones)
    notes.push(
      `${n(result.excludedCandidates, 'candidate site')} inside the ${n(zones.length, 'excluded zone')} ` +
        `(${request.excludeFile}) were not considered; incidents there still count.`,
    );
  if (result.sites.length < k && points.length > 0)
    notes.push(
      `Only ${n(result.sites.length, 'site')} add coverage: a further camera would see no incident ` +
        'not already covered.',
    );
  if (sites.length > 0 && places.length > 0)
    notes.push(
      'Each site is named by the nearest police.uk map point\'s "On or near" text (an anonymised ' +
        'point near where records happened), with the distance to it.',
    );
  else if (sites.length > 0 && !notes.some((t) => t.startsWith('Sites are not named')))
    notes.push(
      'Sites are not named: no police.uk street records with a location are held for the area.',
    );

  return {
    ...incidentContext(set),
    cameras: k,
    radius,
    candidates: {
      source: candidates ? 'file' : 'grid',
      file: request.candidatesFile ?? null,
      count: result.candidates.length,
      excluded: result.excludedCandidates,
      gridCell: result.gridCell,
    },
    existing: existing ? { file: request.existingFile as string, cameras: existing.length } : null,
    exclude: zones ? { file: request.excludeFile as string, zones: zones.length } : null,
    incidents: result.incidents.count,
    alreadyCovered: result.alreadyCovered.count,
    covered: result.covered.count,
    share: result.share,
    shareOfUncovered: result.shareOfUncovered,
    greedyCovered: result.greedyWeight,
    localSearch: result.localSearch,
    optimality,
    solution: describeSolution(optimality),
    sites,
    method:
      'maximal covering location problem (Church & ReVelle 1974): greedy by marginal gain and ' +
      '1-swap local search, then ' +
      (timeLimit > 0
        ? `solved exactly as a mixed-integer programme (HiGHS) within ${timeLimit} s, ` +
          'or the gap to the best possible reported'
        : 'the gap to the best possible bounded by the marginal gains (no exact solve: ⟨timeLimit⟩ 0)'),
    notes,
  };
}

export const MAX_CAMERAS = 200;
export const MAX_RADIUS = 5_000;
export const MAX_TIME_LIMIT = 3_600;

/** "optimal", or "heuristic, within N incidents (X%) of the best possible". */
export function describeSolution(o: CameraPlan['optimality']): string {
  if (o.status === 'optimal') return 'optimal';
  const amount =
    o.unit === 'incidents'
      ? `${o.gap.toLocaleString('en-GB')} incident${o.gap === 1 ? '' : 's'}`
      : `${o.gap.toLocaleString('en-GB', { maximumFractionDigits: 1 })} of harm weight`;
  const pct = (o.gapShare * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  return `heuristic, within ${amount} (${pct}%) of the best possible`;
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

/** Vertices of each coverage circle (computed on the National Grid, then converted to WGS84). */
const CIRCLE_VERTICES = 32;

/**
 * The plan as a WGS84 FeatureCollection: each site a Point (kind "camera": rank, name, gain,
 * covered, unique, nearest street) and, with `circles`, its coverage circle as a Polygon
 * (kind "coverage", rank, radius) of 32 vertices, anticlockwise as RFC 7946 asks.
 */
export function cameraGeoJson(
  plan: CameraPlan,
  options: { circles?: boolean } = {},
): FeatureCollection {
  const features: Feature<Point | Polygon>[] = plan.sites.map((s) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    properties: {
      kind: 'camera',
      rank: s.rank,
      name: s.name,
      gain: s.gain,
      covered: s.covered,
      unique: s.unique,
      nearest: s.nearest?.location ?? null,
    },
  }));
  if (options.circles !== false)
    for (const s of plan.sites) {
      const ring: Position[] = [];
      for (let v = 0; v < CIRCLE_VERTICES; v++) {
        const a = (2 * Math.PI * v) / CIRCLE_VERTICES;
        const [lon, lat] = fromBng(
          s.easting + plan.radius * Math.cos(a),
          s.northing + plan.radius * Math.sin(a),
        );
        ring.push([round(lon, 6), round(lat, 6)]);
      }
      ring.push(ring[0] as Position);
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [ring] },
        properties: { kind: 'coverage', rank: s.rank, radius: plan.radius },
      });
    }
  return { type: 'FeatureCollection', features };
}

// ---------------------------------------------------------------------------------------------
// Site files

const LONGITUDE = ['longitude', 'lon'];
const LATITUDE = ['latitude', 'lat'];

/** Where a row is, for messages. */
function at(table: TableFile, row: TableRow): string {
  return table.sheet === null
    ? `${table.path}, line ${row.line}`
    : `${table.path}, sheet "${table.sheet}", row ${row.line}`;
}

type Place = (row: TableRow) => PlanePoint;

/** How a file gives places: longitude/latitude, else easting/northing; refused otherwise. */
function placeColumns(
  table: TableFile,
  what: string,
  extra: string[] = [],
): {
  place: Place;
  column: (names: string[]) => string | undefined;
} {
  const byName = new Map(table.headers.map((h) => [h.trim().toLowerCase(), h]));
  const column = (names: string[]) =>
    names.map((n) => byName.get(n)).find((h): h is string => h !== undefined);
  const lon = column(LONGITUDE);
  const lat = column(LATITUDE);
  const east = column(['easting']);
  const north = column(['northing']);
  const value = (
    row: TableRow,
    header: string,
    field: string,
    check: (v: number) => string | null,
  ) => {
    const text = (row.values[header] ?? '').trim();
    if (text === '') throw new InputError(`${at(table, row)}, field ${field}: empty`);
    const v = Number(text);
    if (!Number.isFinite(v))
      throw new InputError(`${at(table, row)}, field ${field}: "${text}" is not a number`);
    const problem = check(v);
    if (problem) throw new InputError(`${at(table, row)}, field ${field}: ${text} ${problem}`);
    return v;
  };
  const range = (lo: number, hi: number, where: string) => (v: number) =>
    v >= lo && v <= hi ? null : `is outside ${where} (${lo} to ${hi})`;
  if (lon && lat)
    return {
      column,
      place: (row) => {
        const [x, y] = toBng(
          value(row, lon, 'longitude', range(-9, 2.5, 'Great Britain')),
          value(row, lat, 'latitude', range(49, 61, 'Great Britain')),
        );
        return { x, y };
      },
    };
  if (east && north)
    return {
      column,
      place: (row) => ({
        x: value(row, east, 'easting', range(0, 700_000, 'the National Grid')),
        y: value(row, north, 'northing', range(0, 1_300_000, 'the National Grid')),
      }),
    };
  throw new InputError(
    `${table.path}: ${what} need columns longitude and latitude, or easting and northing` +
      `${extra.length ? `, and ${extra.join(', ')}` : ''} (the file has: ${table.headers.join(', ')})`,
  );
}

async function readSites(path: string, what: 'candidates' | 'existing'): Promise<FileSite[]> {
  const table = await readTableFile(path);
  const { place, column } = placeColumns(
    table,
    what === 'candidates' ? 'candidate sites' : 'existing cameras',
  );
  const name = column(['name']);
  return table.rows.map((row) => {
    const text = name ? (row.values[name] ?? '').trim() : '';
    return { ...place(row), name: text === '' ? null : text };
  });
}

async function readZones(path: string): Promise<ExclusionZone[]> {
  const table = await readTableFile(path);
  const { place, column } = placeColumns(table, 'excluded zones', ['radius_m']);
  const radius = column(['radius_m']);
  if (!radius)
    throw new InputError(
      `${path}: excluded zones need a radius_m column (metres) (the file has: ${table.headers.join(', ')})`,
    );
  return table.rows.map((row) => {
    const text = (row.values[radius] ?? '').trim();
    const r = Number(text);
    if (text === '' || !Number.isFinite(r) || r <= 0 || r > 50_000)
      throw new InputError(
        `${at(table, row)}, field radius_m: ${text === '' ? 'empty' : `"${text}" is not a number of metres above 0 (up to 50,000)`}`,
      );
    return { ...place(row), radius: r };
  });
}

function round(v: number, places: number): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}

/**
 * Incidents weighted by their category's harm weight. Refused for partner data (no weights) and
 * when any category present has no known weight, naming those categories.
 */
function harmWeighted(
  set: Awaited<ReturnType<typeof incidentPoints>>,
  points: readonly IncidentPoint[],
  weights: ReadonlyMap<string, HarmWeight> | undefined,
): { points: (IncidentPoint & { weight: number })[]; notes: string[] } {
  if (set.source !== 'police.uk')
    throw new InputError(
      '⟨harmWeighted⟩: harm weights are by police.uk category; partner data have none',
    );
  if (!weights) throw new Error('cameraPlan: harm weighting needs the harm-weights setting');
  const present = [...new Set(points.flatMap((p) => p.categories))].sort();
  const missing = present.filter((c) => !weights.get(c)?.weight);
  if (missing.length > 0)
    throw new InputError(
      `⟨harmWeighted⟩: no harm weight is known for ${missing.join(', ')}; give them in a copy of the harm-weights file (⟨harmWeights⟩ FILE)`,
    );
  return {
    points: points.map((p) => ({
      ...p,
      weight: max(p.categories, (c) => weights.get(c)?.weight ?? 0) ?? 0,
    })),
    notes: present.map((c) => {
      const w = weights.get(c) as HarmWeight;
      return `Harm weight of ${c}: ${w.weight} (${w.offence}; ${w.source}${w.verified ? '' : '; unverified'})${w.note ? `. ${w.note}` : ''}`;
    }),
  };
}
