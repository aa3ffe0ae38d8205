/**
 * `lantern hotspots`: where incidents concentrate in an area — counts, kernel density and Getis-Ord
 * Gi* on a grid clipped to the area's boundary (analysis/hotspot-grid.ts), each cell's top
 * locations, a ranked table, and (with `classify`) how each cell's hotspot status changed over the
 * periods held (analysis/hotspot-classify.ts). Work is in British National Grid metres; the map
 * is WGS84 GeoJSON.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

import { classifyCell, DEFAULT_CLASSIFY, type HotspotClass } from '../analysis/hotspot-classify.js';
import {
  cellOf,
  countPoints,
  defaultBandwidth,
  defaultCellSize,
  expectedPerNeighbourhood,
  giStar,
  giStarHolds,
  GISTAR_MIN_EXPECTED,
  kde,
  makeGrid,
  POLICE_UK_MIN_CELL,
  type Box,
  type GiStar,
  type Grid,
} from '../analysis/hotspot-grid.js';
import { AREA_TYPE_WORDS } from '../domain/area.js';
import type { AreaSummary } from '../domain/area-counts.js';
import { monthFromIndex, monthIndex, monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { fromBng, toBng } from '../geo/bng.js';
import { PolygonIndex } from '../geo/polygon-index.js';
import { resolveArea } from '../store/areas.js';
import { areaBoundary } from '../store/boundaries.js';
import type { Db } from '../store/db.js';
import type { NamedArea } from '../store/ward-names.js';
import { fetchBoundariesCommand } from './boundary-gaps.js';
import { allSettled, CommandReads, scopeKey } from './command-reads.js';
import { nameCells, type CellName, type CellPoint, type CellToName } from './hotspot-names.js';
import { boundariesWithinOnce, wholeWardBoundariesOnce } from './place-reads.js';
import {
  incidentPoints,
  type IncidentColumns,
  type IncidentRequest,
  type IncidentSet,
} from './incident-points.js';

export type HotspotMethod = 'count' | 'kde' | 'gistar';

export interface HotspotRequest extends IncidentRequest {
  cellSize?: number;
  bandwidth?: number;
  method?: HotspotMethod;
  classify?: boolean;
  top?: number;
}

export interface RankedCell {
  /** 1 = the highest score among cells with incidents; cells with none are never ranked. */
  rank: number;
  cell: number;
  lon: number;
  lat: number;
  count: number;
  /** Incidents per square kilometre. */
  kde: number;
  gistar: number;
  pValue: number;
  pAdjusted: number;
  /** Null also wherever Gi* is not read (`giStarRead` false). */
  hotspot: 'hotspot' | 'coldspot' | null;
  class: HotspotClass | null;
  topLocations: { location: string; count: number }[];
  /** The ward most of the cell's incidents fall in (usecases/hotspot-names.ts), or null. */
  ward: NamedArea | null;
  /** The district most of the cell's incidents were placed in, or null. */
  district: NamedArea | null;
  /** The cell's most common "On or near …" location, else the map point nearest its centre. */
  street: string | null;
  /** Street and ward in one: "On or near High Street, Rickmansworth Town ward". */
  name: string;
}

export interface HotspotReport {
  area: AreaSummary;
  what: string;
  label: string;
  period: Period;
  method: HotspotMethod;
  cellSize: number;
  bandwidth: number;
  cells: number;
  incidents: number;
  outsideGrid: number;
  /** Incidents a cell's neighbourhood (it and its 8 neighbours) expects on average: 9N/n. */
  expectedPerNeighbourhood: number;
  /**
   * Whether Gi* marks hot and cold spots: false when fewer than GISTAR_MIN_EXPECTED incidents are
   * expected per neighbourhood (analysis/hotspot-grid.ts), and then no cell is either.
   */
  giStarRead: boolean;
  monthsMissing: Month[];
  /** The cells with incidents, best score first (up to `top`). */
  ranked: RankedCell[];
  /**
   * The significant Gi* hotspots with the most incidents, busiest first (up to `top`; ties by Gi*
   * z): what the assessment and the report name.
   */
  busiest: RankedCell[];
  classification: {
    periods: Period[];
    skipped: Period[];
    classes: Partial<Record<HotspotClass, number>>;
  } | null;
  geojson: FeatureCollection;
  warnings: string[];
  notes: string[];
}

const MAX_CELLS = 100_000;
/** The fewest cells a grid of a given cell size may have (3 × 3: a cell and its eight neighbours). */
const MIN_CELLS = 9;
const SIGNIFICANT = 0.05;

/**
 * The hotspot analysis asked for. Worked out once per command: the assessment's rationale and the
 * report's map ask for the same one, and share it through `reads` (with the points, the area's
 * outline and the map points' names read for it).
 */
export function hotspots(
  db: Db,
  scope: Scope,
  request: HotspotRequest,
  reads: CommandReads = new CommandReads(),
): Promise<HotspotReport> {
  return reads.once(`hotspots:${scopeKey(scope)}:${JSON.stringify(request)}`, () =>
    hotspotAnalysis(db, scope, request, reads),
  );
}

/** What every hotspot analysis of a request starts from: its incidents on the area's grid. */
interface Prepared {
  incidents: IncidentSet;
  points: IncidentColumns;
  outline: Outline | null;
  cellSize: number;
  grid: Grid;
  counts: Float64Array;
  outside: number;
  gi: GiStar;
  /** Whether Gi*'s p-values mark hot and cold spots on this grid (giStarHolds). */
  giStarRead: boolean;
  warnings: string[];
}

/** The request's incidents counted on its grid, with Gi*: once per command and grid. */
function prepare(
  db: Db,
  scope: Scope,
  request: HotspotRequest,
  reads: CommandReads,
): Promise<Prepared> {
  const { area, period, category, dataset, cellSize } = request;
  const key = [area, period.from, period.to, category ?? null, dataset ?? null, cellSize ?? null];
  return reads.once(`hotspot-grid:${scopeKey(scope)}:${JSON.stringify(key)}`, async () => {
    if (request.cellSize !== undefined && !(request.cellSize >= 10))
      throw new InputError(`⟨cell⟩: ${request.cellSize} m is too small (at least 10 m)`);
    // The area's outline is read while its incidents are (a police.uk area's are usually in flight).
    const [incidents, outline] = await allSettled<unknown>([
      incidentPoints(db, scope, request, reads),
      outlineOf(db, request.area, reads),
    ]).then(([i, o]) => [i as IncidentSet, o as Outline | null] as const);
    const points = incidents.incidents;
    const warnings: string[] = [];
    if (points.length === 0)
      throw new InputError(
        `no ${incidents.label} with a location in ${incidents.area.name}, ${request.period.from}..${request.period.to}` +
          (incidents.monthsMissing.length > 0
            ? ` (months not held: ${incidents.monthsMissing.length})`
            : ''),
      );

    const box = outline ? outline.box : boxOf(points);
    if (!outline)
      warnings.push(
        // Ward boundaries may well be held: it is the area's own outline that is missing.
        `No boundary of the ${incidents.area.type} ${incidents.area.name} is held (neither its own outline nor its LSOAs’ nor every ward’s): the grid covers the incidents’ extent, unclipped. ` +
          `Fetch its boundaries with: ${fetchBoundariesCommand(incidents.area.name)}`,
      );
    // police.uk records lie at anonymous map points: no finer default cell than their spacing.
    const cellSize =
      request.cellSize ??
      defaultCellSize(box, incidents.source === 'police.uk' ? POLICE_UK_MIN_CELL : undefined);
    const estimated = ((box.maxX - box.minX) / cellSize) * ((box.maxY - box.minY) / cellSize);
    if (estimated > MAX_CELLS * 4)
      throw new InputError(
        `⟨cell⟩ ${cellSize} m would make about ${Math.round(estimated).toLocaleString('en-GB')} cells; choose a larger cell`,
      );
    // An area's grid (cells whose centres lie in its outline) serves every category of the command.
    const gridOf = (size: number) =>
      outline
        ? makeGrid(
            box,
            size,
            (x, y) => outline.index.locate(x, y) !== null,
            (y, xs) => outline.index.insideRow(y, xs),
          )
        : makeGrid(box, size);
    const grid = outline
      ? await reads.once(`grid:${incidents.area.code}:${cellSize}`, async () => gridOf(cellSize))
      : gridOf(cellSize);
    if (request.cellSize !== undefined && grid.cells.length < MIN_CELLS) {
      // Gi* sets each cell against its neighbours and the whole grid: a grid of a few cells
      // (a cell as large as the area) gives z of 0 and a centre off the map. The largest cell
      // that gives a grid, in steps of 10 m (100 m from 1 km), from a third of the shorter side.
      const shorter = Math.min(box.maxX - box.minX, box.maxY - box.minY);
      const step = (s: number) => (s >= 1000 ? 100 : 10);
      let most = Math.max(10, Math.floor(shorter / 3 / step(shorter / 3)) * step(shorter / 3));
      while (most > 10 && gridOf(most).cells.length < MIN_CELLS)
        most = Math.max(10, Math.floor((most * 0.9) / step(most * 0.9)) * step(most * 0.9));
      throw new InputError(
        `⟨cell⟩ ${cellSize} m leaves ${grid.cells.length} cell${grid.cells.length === 1 ? '' : 's'} in ${incidents.area.name}: ` +
          `the map and Gi* need a grid of at least ${MIN_CELLS} cells (cells of ${most.toLocaleString('en-GB')} m give one), or leave ⟨cell⟩ out for the default`,
      );
    }
    if (grid.cells.length > MAX_CELLS)
      warnings.push(
        `${grid.cells.length.toLocaleString('en-GB')} cells: more than ${MAX_CELLS.toLocaleString('en-GB')}, slow to map.`,
      );
    const { counts, outside } = countPoints(grid, points);
    const gi = giStar(grid, counts);
    const giStarRead = giStarHolds(grid.cells.length, points.length - outside);
    return {
      incidents,
      points,
      outline,
      cellSize,
      grid,
      counts,
      outside,
      gi,
      giStarRead,
      warnings,
    };
  });
}

/** A cell's Gi* label: none where Gi* is not read, or the cell is not significant. */
function spotOf(p: Prepared, i: number): 'hotspot' | 'coldspot' | null {
  if (!p.giStarRead || !(p.gi.pAdjusted[i]! < SIGNIFICANT)) return null;
  return p.gi.z[i]! > 0 ? 'hotspot' : 'coldspot';
}

/** The cells with incidents that are significant Gi* hotspots, busiest first (ties by z, cell). */
function busiestCells(p: Prepared): number[] {
  const { counts, gi } = p;
  const cells: number[] = [];
  for (let i = 0; i < counts.length; i++)
    if (counts[i]! > 0 && spotOf(p, i) === 'hotspot') cells.push(i);
  return cells.sort((a, b) => counts[b]! - counts[a]! || gi.z[b]! - gi.z[a]! || a - b);
}

/** Where a hotspot is, as the assessment names it. */
export interface BusiestHotspot {
  name: string;
  count: number;
  lon: number;
  lat: number;
}

/**
 * The busiest significant Gi* hotspot of each request (what the assessment names): the first of
 * `busiest` in the full analysis, worked out without the density, the ranking or the map unless
 * the command has the full analysis already; the cells of all the requests are named together
 * (one lookup of their wards). Null for a request with no significant hotspot cell, whose busiest
 * one has no "On or near" location among its incidents, or that cannot be analysed (an
 * InputError: no incident with a location, no month held).
 */
export async function busiestHotspots(
  db: Db,
  scope: Scope,
  requests: readonly HotspotRequest[],
  reads: CommandReads = new CommandReads(),
): Promise<(BusiestHotspot | null)[]> {
  const found = await allSettled(
    requests.map(async (request) => {
      try {
        return await busiestCell(db, scope, request, reads);
      } catch (error) {
        if (error instanceof InputError) return null;
        throw error;
      }
    }),
  );
  const toName = found.filter((f): f is Extract<typeof f, { kind: 'cell' }> => f?.kind === 'cell');
  // Every request of one command is of one area (the assessment's district).
  const byArea = new Map<string, typeof toName>();
  for (const f of toName) {
    const list = byArea.get(f.area.code) ?? [];
    byArea.set(f.area.code, [...list, f]);
  }
  const names = new Map<(typeof toName)[number], string>();
  for (const cells of byArea.values()) {
    const named = await nameCells(
      db,
      scope,
      cells[0]!.area,
      cells.map((c) => c.cell),
      reads,
    );
    cells.forEach((c, k) => names.set(c, named.names[k]!.name));
  }
  return found.map((f) => {
    if (f === null) return null;
    if (f.kind === 'spot') return f.spot;
    const [lon, lat] = fromBng(f.cell.x, f.cell.y);
    return { name: names.get(f)!, count: f.count, lon, lat };
  });
}

/** A request's busiest significant hotspot: named already (the full analysis), or to name. */
async function busiestCell(
  db: Db,
  scope: Scope,
  request: HotspotRequest,
  reads: CommandReads,
): Promise<
  | { kind: 'spot'; spot: BusiestHotspot | null }
  | { kind: 'cell'; area: AreaSummary; cell: CellToName; count: number }
  | null
> {
  const fullKey = `hotspots:${scopeKey(scope)}:${JSON.stringify(request)}`;
  if (reads.has(fullKey)) {
    const top = (await hotspots(db, scope, request, reads)).busiest[0];
    return {
      kind: 'spot',
      spot:
        top && top.topLocations[0]
          ? { name: top.name, count: top.count, lon: top.lon, lat: top.lat }
          : null,
    };
  }
  const p = await prepare(db, scope, request, reads);
  const [cell] = busiestCells(p);
  if (cell === undefined) return null;
  const { locations, pointsOf } = cellPoints(p.grid, p.points, cell);
  const topLocation = locations.get(cell)?.[0]?.location ?? null;
  if (topLocation === null) return null;
  const { x, y } = p.grid.cells[cell]!;
  return {
    kind: 'cell',
    area: p.incidents.area,
    cell: { x, y, points: pointsOf.get(cell) ?? [], topLocation },
    count: p.counts[cell]!,
  };
}

async function hotspotAnalysis(
  db: Db,
  scope: Scope,
  request: HotspotRequest,
  reads: CommandReads,
): Promise<HotspotReport> {
  const method = request.method ?? 'gistar';
  if (!['count', 'kde', 'gistar'].includes(method))
    throw new InputError(`⟨method⟩: "${method}" is not count, kde or gistar`);
  if (request.cellSize !== undefined && !(request.cellSize >= 10))
    throw new InputError(`⟨cell⟩: ${request.cellSize} m is too small (at least 10 m)`);
  if (request.bandwidth !== undefined && !(request.bandwidth > 0))
    throw new InputError(`⟨bandwidth⟩: ${request.bandwidth} m is not a positive distance`);
  const prepared = await prepare(db, scope, request, reads);
  const { incidents, points, outline, cellSize, grid, counts, outside, gi } = prepared;
  const warnings = [...prepared.warnings];
  const bandwidth = request.bandwidth ?? defaultBandwidth(points);
  if (bandwidth < cellSize)
    warnings.push(
      `The bandwidth (${Math.round(bandwidth)} m) is smaller than a cell (${cellSize} m): the density misses incidents between cell centres. Give a larger ⟨bandwidth⟩ or a smaller ⟨cell⟩.`,
    );
  if (!request.bandwidth && bandwidth > 10 * cellSize)
    warnings.push(
      `The default bandwidth (${Math.round(bandwidth)} m, MASS's bandwidth.nrd rule) assumes one cluster; across a whole ${AREA_TYPE_WORDS[incidents.area.type]} it smooths heavily. For street-level detail give ⟨bandwidth⟩ (e.g. ${3 * cellSize}).`,
    );
  const density = kde(grid, byPlace(points), bandwidth);
  const classes = request.classify
    ? classifyCells(grid, points, request.period, incidents.monthsMissing)
    : null;

  const { locations, pointsOf } = cellPoints(grid, points);
  const score = method === 'count' ? counts : method === 'kde' ? density : gi.z;
  // Only cells with incidents are ranked: a cell with none can still be a Gi* hotspot (busy
  // neighbours) or have a density (incidents within a bandwidth), and stays so on the map, but a
  // ranked list of places names where incidents were recorded.
  const order = grid.cells
    .map((_, i) => i)
    .filter((i) => (counts[i] as number) > 0)
    .sort((a, b) => (score[b] as number) - (score[a] as number) || a - b);
  const rankOf = new Int32Array(grid.cells.length);
  order.forEach((cell, k) => (rankOf[cell] = k + 1));
  const named = await nameCells(
    db,
    scope,
    incidents.area,
    order.map((i) => ({
      x: grid.cells[i]!.x,
      y: grid.cells[i]!.y,
      points: pointsOf.get(i) ?? [],
      topLocation: locations.get(i)?.[0]?.location ?? null,
    })),
    reads,
  );
  const nameOf = new Map<number, CellName>(order.map((cell, k) => [cell, named.names[k]!]));
  const described = new Map<number, RankedCell>();
  const describe = (i: number): RankedCell => {
    let d = described.get(i);
    if (!d) described.set(i, (d = describeCell(i)));
    return d;
  };
  const describeCell = (i: number): RankedCell => {
    const cell = grid.cells[i]!;
    const [lon, lat] = fromBng(cell.x, cell.y);
    const name = nameOf.get(i);
    return {
      rank: rankOf[i] as number,
      cell: i,
      lon,
      lat,
      count: counts[i] as number,
      kde: (density[i] as number) * 1e6,
      gistar: gi.z[i] as number,
      pValue: gi.p[i] as number,
      pAdjusted: gi.pAdjusted[i] as number,
      hotspot: spotOf(prepared, i),
      class: classes ? (classes.byCell[i] ?? null) : null,
      topLocations: locations.get(i) ?? [],
      ward: name?.ward ?? null,
      district: name?.district ?? null,
      street: name?.street ?? null,
      name: name?.name ?? '',
    };
  };
  const ranked = order.slice(0, request.top ?? 10).map((i) => describe(i));
  const busiest = busiestCells(prepared)
    .slice(0, request.top ?? 10)
    .map((i) => describe(i));
  // Neighbouring cells share corners: each corner is converted to WGS84 once.
  const corners = new Map<number, Map<number, Position>>();
  const corner = (x: number, y: number): Position => {
    let column = corners.get(x);
    if (!column) corners.set(x, (column = new Map()));
    let at = column.get(y);
    if (!at) column.set(y, (at = fromBng(x, y)));
    return at;
  };
  const features: Feature<Polygon>[] = grid.cells.map((cell, i) => {
    // A cell's properties as describe() gives them, but without its centre in WGS84.
    const name = nameOf.get(i);
    const d = {
      count: counts[i]!,
      kde: density[i]! * 1e6,
      gistar: gi.z[i]!,
      pValue: gi.p[i]!,
      pAdjusted: gi.pAdjusted[i]!,
      hotspot: spotOf(prepared, i),
      class: classes ? (classes.byCell[i] ?? null) : null,
      rank: rankOf[i]!,
      topLocations: locations.get(i) ?? [],
      name: name?.name ?? '',
      ward: name?.ward ?? null,
      street: name?.street ?? null,
    };
    const half = cellSize / 2;
    const ring: Position[] = [
      corner(cell.x - half, cell.y - half),
      corner(cell.x + half, cell.y - half),
      corner(cell.x + half, cell.y + half),
      corner(cell.x - half, cell.y + half),
      corner(cell.x - half, cell.y - half),
    ];
    const ranked = d.count > 0;
    return {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: {
        count: d.count,
        kde: d.kde,
        gistar: d.gistar,
        pValue: d.pValue,
        pAdjusted: d.pAdjusted,
        hotspot: d.hotspot,
        class: d.class,
        rank: ranked ? d.rank : null,
        topLocations: d.topLocations,
        name: ranked ? d.name : null,
        ward: d.ward?.name ?? null,
        wardCode: d.ward?.code ?? null,
        street: d.street,
      },
    };
  });
  const notes = [
    ...incidents.notes,
    ...named.notes,
    `Grid: ${cellSize} m cells${outline ? ' whose centres lie in the area' : ''} (British National Grid).`,
    `KDE: quartic kernel, bandwidth ${Math.round(bandwidth)} m${request.bandwidth ? ' (given)' : ' (bandwidth.nrd rule, mean of both axes)'}; incidents per km².`,
    'Gi*: counts of each cell and its 8 neighbours against the whole grid; p-values adjusted for the number of cells by Benjamini–Hochberg (false discovery rate 5%). Read only where a neighbourhood expects at least one incident, so that one incident alone is never a hotspot.',
    'A hotspot is where incidents were recorded, which also depends on where people report and police patrol.',
    'Only cells with incidents are ranked (a cell with none may still be part of a Gi* hotspot on the map). Each is named by the ward most of its incidents fall in (from their LSOAs) and its most common police.uk "On or near" location, else the map point nearest its centre.',
  ];
  if (incidents.monthsMissing.length > 0)
    notes.push(`Months not held, left out: ${incidents.monthsMissing.join(', ')}.`);
  const expected = expectedPerNeighbourhood(grid.cells.length, points.length - outside);
  if (!prepared.giStarRead)
    warnings.push(
      `Too few incidents to mark hotspots: ${formatExpected(expected)} incidents fall in a cell’s neighbourhood (it and the 8 around it) on average, and Gi* needs at least ${GISTAR_MIN_EXPECTED}. With fewer, one incident on its own looks far out of the ordinary, so no cell is called a hotspot; the counts and density still show where incidents were. A longer period, a larger area or a larger ⟨cell⟩ gives more to go on.`,
    );
  if (outside > 0)
    notes.push(
      `${outside} incident(s) fall outside the area’s cells (points just over its boundary).`,
    );
  return {
    area: incidents.area,
    what: incidents.what,
    label: incidents.label,
    period: request.period,
    method,
    cellSize,
    bandwidth,
    cells: grid.cells.length,
    incidents: points.length,
    outsideGrid: outside,
    expectedPerNeighbourhood: expected,
    giStarRead: prepared.giStarRead,
    monthsMissing: incidents.monthsMissing,
    ranked,
    busiest,
    classification: classes
      ? {
          periods: classes.periods,
          skipped: classes.skipped,
          classes: classes.tally,
        }
      : null,
    geojson: { type: 'FeatureCollection', features },
    warnings,
    notes,
  };
}

/** An expected count as read: one significant figure below 0.1 ("0.007"), two below 1, else one decimal. */
/**
 * The incidents a neighbourhood expects, as the sparse-grid warning prints it: below the minimum
 * it is rounded down, so that it never reads as the minimum it falls short of (Three Rivers'
 * burglary of 2025, 0.996, was printed "1 incidents …, and Gi* needs at least 1").
 */
function formatExpected(x: number): string {
  if (x >= 1) return x.toFixed(1);
  if (!(x > 0)) return '0';
  const digits = x < 0.1 ? 1 : 2;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(x)));
  return String(Math.floor(x * scale) / scale);
}

interface Outline {
  box: Box;
  index: PolygonIndex;
}

/** The area's boundary in National Grid metres: its own, else its LSOAs'; null when none held. */
/** The outline of the area a request names (as its incidents are read for it), once per command. */
async function outlineOf(db: Db, name: string, reads: CommandReads): Promise<Outline | null> {
  const area = await reads.once(`area:${name}`, () => resolveArea(db, name));
  const summary: AreaSummary = { code: area.code, name: area.name, type: area.type };
  return reads.once(`outline:${area.code}`, () => areaOutline(db, summary, reads));
}

async function areaOutline(
  db: Db,
  area: AreaSummary,
  reads: CommandReads,
): Promise<Outline | null> {
  // Its own outline, else its LSOAs', else its wards' (a Welsh district with ward boundaries
  // imported and no LSOAs'), if of every ward: some wards' would leave out the others' incidents.
  const own = await areaBoundary(db, area.code, area.type);
  let shapes = own ? [own] : await boundariesWithinOnce(db, area.code, 'lsoa', reads);
  if (shapes.length === 0 && area.type !== 'lsoa')
    shapes = await wholeWardBoundariesOnce(db, area.code, reads);
  if (shapes.length === 0) return null;
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const project = (ring: Position[]) =>
    ring.map(([lon, lat]) => {
      const [x, y] = toBng(lon as number, lat as number);
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
      return [x, y];
    });
  const projected = shapes.map((s) => ({
    code: s.code,
    geometry:
      s.geometry.type === 'Polygon'
        ? ({ type: 'Polygon', coordinates: s.geometry.coordinates.map(project) } as Polygon)
        : ({
            type: 'MultiPolygon',
            coordinates: s.geometry.coordinates.map((poly) => poly.map(project)),
          } as MultiPolygon),
  }));
  return { box, index: PolygonIndex.build(projected) };
}

/**
 * The incidents as their places, each weighted by how many incidents are there: the same density
 * (the kernel sum is over the same points), computed once per map point rather than once per
 * record (a force's million records lie at some tens of thousands of map points).
 */
function byPlace(points: IncidentColumns): {
  x: Float64Array;
  y: Float64Array;
  weight: Float64Array;
} {
  const n = points.places.length;
  const weight = new Float64Array(n);
  for (let i = 0; i < points.length; i++) weight[points.place[i]!]! += 1;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  points.places.forEach((p, k) => {
    x[k] = p.x;
    y[k] = p.y;
  });
  return { x, y, weight };
}

/** The box around the points, in one pass (a force's points are far too many to spread into a call). */
function boxOf(points: IncidentColumns): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < points.length; i++) {
    const x = points.x[i]!;
    const y = points.y[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX: maxX + 1, maxY: maxY + 1 };
}

/**
 * Each cell's places with how many incidents are at each, and its top three "On or near"
 * locations by count: worked out per place (a map point holds many incidents), not per incident.
 */
function cellPoints(
  grid: Grid,
  points: IncidentColumns,
  only?: number,
): {
  locations: Map<number, { location: string; count: number }[]>;
  pointsOf: Map<number, CellPoint[]>;
} {
  const atPlace = new Int32Array(points.places.length);
  for (let i = 0; i < points.length; i++) atPlace[points.place[i]!]! += 1;
  const byCell = new Map<number, Map<string, number>>();
  const pointsOf = new Map<number, CellPoint[]>();
  points.places.forEach((p, k) => {
    const count = atPlace[k]!;
    if (count === 0) return;
    const i = cellOf(grid, p.x, p.y);
    if (i < 0 || (only !== undefined && i !== only)) return;
    let list = pointsOf.get(i);
    if (!list) pointsOf.set(i, (list = []));
    list.push({ lon: p.lon, lat: p.lat, lsoa: p.lsoa, count });
    if (!p.location) return;
    let m = byCell.get(i);
    if (!m) byCell.set(i, (m = new Map()));
    m.set(p.location, (m.get(p.location) ?? 0) + count);
  });
  const locations = new Map(
    [...byCell].map(([i, m]) => [
      i,
      [...m]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 3)
        .map(([location, count]) => ({ location, count })),
    ]),
  );
  return { locations, pointsOf };
}

/**
 * Periods for classification, from the request's span (months, as police.uk data are monthly):
 * up to 2 years → months; up to 10 years → quarters; longer → years. A period with any month not
 * held is skipped and reported, never counted as a period without incidents.
 */
function classifyCells(
  grid: Grid,
  points: IncidentColumns,
  period: Period,
  monthsMissing: readonly Month[],
): {
  periods: Period[];
  skipped: Period[];
  byCell: (HotspotClass | null)[];
  tally: Partial<Record<HotspotClass, number>>;
} {
  const months = monthsIn(period);
  const step = months.length <= 24 ? 1 : months.length <= 120 ? 3 : 12;
  const missing = new Set(monthsMissing);
  const periods: Period[] = [];
  const skipped: Period[] = [];
  for (let i = 0; i < months.length; i += step) {
    const from = months[i] as Month;
    const to = monthFromIndex(Math.min(monthIndex(from) + step - 1, monthIndex(period.to)));
    const p = { from, to };
    if (monthsIn(p).some((m) => missing.has(m))) skipped.push(p);
    else periods.push(p);
  }
  if (periods.length < 2)
    throw new InputError(
      `⟨classify⟩ needs at least two periods held in ${period.from}..${period.to}; ${periods.length} held (${skipped.length} skipped for missing months)`,
    );
  const series = periods.map((p) => {
    const [from, to] = [monthIndex(p.from), monthIndex(p.to)];
    const counts = new Float64Array(grid.cells.length);
    for (let i = 0; i < points.length; i++) {
      const m = points.month[i]!;
      if (m < from || m > to) continue;
      const c = cellOf(grid, points.x[i]!, points.y[i]!);
      if (c >= 0) counts[c]! += 1;
    }
    // A period too sparse for Gi* (giStarHolds) is one in which no cell is significant.
    const gi = giStar(grid, counts);
    let n = 0;
    for (const c of counts) n += c;
    return giStarHolds(grid.cells.length, n) ? gi : { ...gi, p: gi.p.fill(1) };
  });
  const byCell = grid.cells.map((_, i) =>
    classifyCell(
      { z: series.map((s) => s.z[i] as number), p: series.map((s) => s.p[i] as number) },
      DEFAULT_CLASSIFY,
    ),
  );
  const tally: Partial<Record<HotspotClass, number>> = {};
  for (const c of byCell) tally[c] = (tally[c] ?? 0) + 1;
  return { periods, skipped, byCell, tally };
}
