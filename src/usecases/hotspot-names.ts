/**
 * Names for hotspot cells, so that a ranked cell reads as a place: the ward most of its incidents
 * fall in, and the street named by police.uk's most common "On or near …" location among them (or,
 * when none of them has one, the police.uk map point nearest the cell's centre).
 *
 * An incident's ward comes from its LSOA through the register (2011 LSOAs to 2019 wards, best
 * fit). An incident with no LSOA the register places in a ward (a 2021 LSOA, or a partner record
 * with a point only) is located in the area's ward boundaries if any are loaded, else in its LSOA
 * boundaries and so to a ward; failing that its ward is not known and the cell is named by its
 * district ("ward not known"). Ties go to the name that sorts first.
 */
import type { AreaSummary } from '../domain/area-counts.js';
import type { Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import { toBng } from '../geo/bng.js';
import { nearestFinder } from '../geo/nearest-place.js';
import { PolygonIndex } from '../geo/polygon-index.js';
import type { Db } from '../store/db.js';
import { mapPointLocations } from '../store/nearest-location.js';
import { districtsOfLsoas, wardsByCode, type NamedArea, type Ward } from '../store/ward-names.js';
import { CommandReads, scopeKey } from './command-reads.js';
import { boundariesWithinOnce, wardsOfLsoasOnce } from './place-reads.js';

export interface CellName {
  /** The ward most of the cell's incidents fall in, or null when not known. */
  ward: NamedArea | null;
  /** The ward's district; with no ward, the area (a district) or its incidents' LSOAs' district. */
  district: NamedArea | null;
  /** A police.uk "On or near …" location, or null when none is held near. */
  street: string | null;
  /** `incidents`: the cell's most common location; `nearest`: the map point nearest its centre. */
  streetFrom: 'incidents' | 'nearest' | null;
  /** Street and ward in one: "On or near High Street, Rickmansworth Town ward". */
  name: string;
}

/** Where incidents of a cell are: a point with its LSOA, and how many incidents (default 1). */
export interface CellPoint {
  lon: number;
  lat: number;
  lsoa: string | null;
  count?: number;
}

export interface CellToName {
  /** Centre, British National Grid metres. */
  x: number;
  y: number;
  /** The cell's incidents: each point once with its count, or each incident once. */
  points: readonly CellPoint[];
  /** The cell's most common location, if any of its incidents has one. */
  topLocation: string | null;
}

export async function nameCells(
  db: Db,
  scope: Scope,
  area: AreaSummary,
  cells: readonly CellToName[],
  reads: CommandReads = new CommandReads(),
): Promise<{ names: CellName[]; notes: string[] }> {
  const lsoas = new Set<string>();
  for (const c of cells) for (const p of c.points) if (p.lsoa) lsoas.add(p.lsoa);
  const wardOfLsoa = await wardsOfLsoasOnce(db, [...lsoas], reads);

  // Tallies per cell: wards through LSOAs; incidents with no ward that way, placed afterwards.
  const tallies = cells.map((c) => {
    const wards = new Tally();
    const unplaced: CellPoint[] = [];
    for (const p of c.points) {
      const ward = p.lsoa ? wardOfLsoa.get(p.lsoa) : undefined;
      if (ward) wards.add(ward.code, p.count);
      else unplaced.push(p);
    }
    return { wards, unplaced };
  });
  const placed = await wardsByBoundary(
    db,
    area,
    tallies.flatMap((t) => t.unplaced),
    reads,
  );
  const wardNamed = new Map<string, Ward>();
  for (const w of [...wardOfLsoa.values(), ...placed.values()]) wardNamed.set(w.code, w);
  for (const t of tallies)
    for (const p of t.unplaced) {
      const ward = placed.get(p);
      if (ward) t.wards.add(ward.code, p.count);
    }

  // Cells with no ward are named by their district: the area's own, or their LSOAs'.
  const wardless = tallies.filter((t) => t.wards.size === 0);
  const districtOfLsoa =
    area.type === 'district' || wardless.length === 0
      ? new Map<string, NamedArea>()
      : await districtsOfLsoas(db, [
          ...new Set(wardless.flatMap((t) => t.unplaced.flatMap((p) => (p.lsoa ? [p.lsoa] : [])))),
        ]);
  const districtOf = (unplaced: readonly CellPoint[]): NamedArea | null => {
    if (area.type === 'district') return { code: area.code, name: area.name };
    const inDistrict = new Tally();
    const named = new Map<string, NamedArea>();
    for (const p of unplaced) {
      const d = p.lsoa ? districtOfLsoa.get(p.lsoa) : undefined;
      if (!d) continue;
      inDistrict.add(d.code, p.count);
      named.set(d.code, d);
    }
    return inDistrict.top((code) => named.get(code) ?? null);
  };

  // Streets for cells none of whose incidents has a location: the nearest police.uk map point.
  let nearest: ReturnType<typeof nearestFinder> = () => null;
  const notes: string[] = [];
  if (cells.some((c) => c.topLocation === null)) {
    try {
      nearest = await reads.once(`nearest-map-point:${scopeKey(scope)}:${area.code}`, async () =>
        nearestFinder(
          (await mapPointLocations(db, scope, area)).map((p) => {
            const [x, y] = toBng(p.lon, p.lat);
            return { x, y, location: p.location };
          }),
        ),
      );
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
      notes.push('Cells are named by ward only: your access does not cover police.uk street data.');
    }
  }

  // Above a district, ward names repeat (every town has a "Central"): the district is added.
  const withDistrict = area.type === 'force' || area.type === 'csp';
  const names = cells.map((cell, k): CellName => {
    const { wards, unplaced } = tallies[k]!;
    const ward = wards.top((code) => wardNamed.get(code) ?? null);
    const district = ward ? ward.district : districtOf(unplaced);
    const near = cell.topLocation === null ? nearest(cell) : null;
    const street = cell.topLocation ?? near?.location ?? null;
    return {
      ward: ward ? { code: ward.code, name: ward.name } : null,
      district,
      street,
      streetFrom: cell.topLocation !== null ? 'incidents' : near ? 'nearest' : null,
      name: cellName(street, ward, district, withDistrict),
    };
  });
  if (names.some((n) => n.ward === null))
    notes.push(
      'Some cells are named by their district: their incidents lie in LSOAs with no ward in the register (2021 LSOAs) and no boundary places them.',
    );
  return { names, notes };
}

/**
 * "On or near X, Ward ward", "On or near X, Ward ward, District" (with `withDistrict`),
 * "On or near X, District (ward not known)", "Ward ward", …
 */
export function cellName(
  street: string | null,
  ward: NamedArea | null,
  district: NamedArea | null,
  withDistrict = false,
): string {
  const where = ward
    ? `${ward.name} ward${withDistrict && district ? `, ${district.name}` : ''}`
    : district
      ? `${district.name} (ward not known)`
      : '(ward not known)';
  return street ? `${street}, ${where}` : where;
}

/**
 * The wards of incidents their LSOA does not place: by the area's ward boundaries if any are
 * loaded, else by its LSOA boundaries and the register's LSOA → ward lookup.
 */
async function wardsByBoundary(
  db: Db,
  area: AreaSummary,
  points: readonly CellPoint[],
  reads: CommandReads,
): Promise<Map<CellPoint, Ward>> {
  const wardOf = new Map<CellPoint, Ward>();
  if (points.length === 0) return wardOf;
  // The area's ward boundaries if any are loaded, else its LSOAs': indexed once per command.
  const { index, byWard } = await reads.once(`ward-index:${area.code}`, async () => {
    const wards = await boundariesWithinOnce(db, area.code, 'ward', reads);
    const byWard = wards.length > 0;
    const shapes = byWard ? wards : await boundariesWithinOnce(db, area.code, 'lsoa', reads);
    return { index: shapes.length > 0 ? PolygonIndex.build(shapes) : null, byWard };
  });
  if (!index) return wardOf;
  const found = new Map(points.map((p) => [p, index.locate(p.lon, p.lat)]));
  const codes = [...new Set([...found.values()].filter((c): c is string => c !== null))];
  const named = byWard ? await wardsByCode(db, codes) : await wardsOfLsoasOnce(db, codes, reads);
  for (const [p, code] of found) {
    const ward = code ? named.get(code) : undefined;
    if (ward) wardOf.set(p, ward);
  }
  return wardOf;
}

/** Counts of areas by code; the top one is the most counted, ties to the name that sorts first. */
class Tally {
  private readonly counts = new Map<string, number>();

  get size(): number {
    return this.counts.size;
  }

  add(code: string, n = 1): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + n);
  }

  top<T extends NamedArea>(named: (code: string) => T | null): T | null {
    let best: { area: T; n: number } | null = null;
    for (const [code, n] of this.counts) {
      const area = named(code);
      if (area && (!best || n > best.n || (n === best.n && area.name < best.area.name)))
        best = { area, n };
    }
    return best?.area ?? null;
  }
}
