/**
 * A boundary feature's polygon checked before it is stored: every position a pair of finite
 * numbers, longitude and latitude (WGS 84) within the United Kingdom, every ring of at least three
 * corners. Metres of the British National Grid given as if longitude and latitude, a pair swapped,
 * text or an empty list would otherwise be stored and break every map and grid drawn from them
 * (QA: a report's map lost its ward outlines; a text coordinate crashed the report). A ring left
 * open is closed, as GeoJSON means it. Pure.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Longitude and latitude around the United Kingdom, with a margin (Northern Ireland, Shetland). */
const UK = { west: -11, east: 3, south: 49, north: 62 };
/** Eastings and northings of the British National Grid (EPSG:27700), in metres. */
const BNG = { east: 800_000, north: 1_400_000 };

/** The geometry to store (rings closed), or the field that is wrong and why. */
export function checkedGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | string {
  const polygons: unknown = geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) {
    return `geometry.coordinates is ${describe(polygons)}, not a list of ${geometry.type === 'Polygon' ? 'rings' : 'polygons'}`;
  }
  if (geometry.type === 'Polygon') {
    const rings = checkedPolygon(polygons, 'geometry.coordinates');
    return typeof rings === 'string' ? rings : { type: 'Polygon', coordinates: rings };
  }
  const out: Position[][][] = [];
  for (const [i, polygon] of polygons.entries()) {
    const rings = checkedPolygon(polygon, `geometry.coordinates[${i}]`);
    if (typeof rings === 'string') return rings;
    out.push(rings);
  }
  return { type: 'MultiPolygon', coordinates: out };
}

function checkedPolygon(rings: unknown, field: string): Position[][] | string {
  if (!Array.isArray(rings) || rings.length === 0) {
    return `${field} is ${describe(rings)}, not a list of rings`;
  }
  const out: Position[][] = [];
  for (const [r, ring] of rings.entries()) {
    const at = `${field}[${r}]`;
    if (!Array.isArray(ring)) return `${at} is ${describe(ring)}, not a ring of positions`;
    for (const [p, position] of ring.entries()) {
      const problem = positionProblem(position);
      if (problem !== null) return `${at}[${p}]: ${problem}`;
    }
    const positions = ring as Position[];
    const first = positions[0];
    const last = positions[positions.length - 1];
    const closed =
      first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
    const ringOut = closed || first === undefined ? positions : [...positions, first];
    if (ringOut.length < 4) {
      return `${at} has ${positions.length} position${positions.length === 1 ? '' : 's'}: a ring needs at least three corners`;
    }
    out.push(ringOut);
  }
  return out;
}

function positionProblem(position: unknown): string | null {
  if (
    !Array.isArray(position) ||
    position.length < 2 ||
    typeof position[0] !== 'number' ||
    typeof position[1] !== 'number' ||
    !Number.isFinite(position[0]) ||
    !Number.isFinite(position[1])
  ) {
    return `${describe(position)} is not a position (a longitude and a latitude, as numbers)`;
  }
  const [x, y] = position as [number, number];
  const pair = `(${x}, ${y})`;
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    const grid = x >= 0 && y >= 0 && x <= BNG.east && y <= BNG.north;
    return grid
      ? `${pair} is not a longitude and latitude: it looks like British National Grid metres (EPSG:27700). Convert the file to longitude and latitude (WGS 84, EPSG:4326), e.g. ogr2ogr -t_srs EPSG:4326`
      : `${pair} is not a longitude and latitude (WGS 84, EPSG:4326)`;
  }
  if (!inUk(x, y)) {
    return inUk(y, x)
      ? `${pair} lies outside the United Kingdom, and would lie in it the other way round: longitude and latitude are swapped (GeoJSON gives the longitude first)`
      : `${pair} lies outside the United Kingdom (longitude ${UK.west} to ${UK.east}, latitude ${UK.south} to ${UK.north}): the file's coordinates are not of its areas, or not longitude and latitude (WGS 84)`;
  }
  return null;
}

function inUk(lon: number, lat: number): boolean {
  return lon >= UK.west && lon <= UK.east && lat >= UK.south && lat <= UK.north;
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
