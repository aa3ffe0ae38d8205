/**
 * The LSOA of a police.uk point. police.uk snaps every record to one of a fixed set of anonymous
 * map points, and the LSOA it publishes is the map point's. So a point already seen in imported
 * CSV records takes the LSOA those records give it (exact); an unseen point is placed by
 * point-in-polygon in the stored boundaries (generalised boundaries: near an edge it may land in
 * the neighbouring LSOA). Each answer says which way it was found.
 */
import type { PolygonIndex } from './polygon-index.js';

export interface KnownPoint {
  lon: number;
  lat: number;
  lsoaCode: string;
  lsoaName: string | null;
}

export interface LocatedPoint {
  lsoaCode: string | null;
  lsoaName: string | null;
  method: 'map-point' | 'polygon' | 'none';
}

export class PointLocator {
  private readonly known: Map<string, KnownPoint>;
  private readonly polygons: PolygonIndex;
  private readonly names: ReadonlyMap<string, string>;

  constructor(
    known: readonly KnownPoint[],
    polygons: PolygonIndex,
    names: ReadonlyMap<string, string>,
  ) {
    this.known = new Map(known.map((k) => [pointKey(k.lon, k.lat), k]));
    this.polygons = polygons;
    this.names = names;
  }

  locate(lon: number, lat: number): LocatedPoint {
    const seen = this.known.get(pointKey(lon, lat));
    if (seen) return { lsoaCode: seen.lsoaCode, lsoaName: seen.lsoaName, method: 'map-point' };
    const code = this.polygons.locate(lon, lat);
    if (code) return { lsoaCode: code, lsoaName: this.names.get(code) ?? null, method: 'polygon' };
    return { lsoaCode: null, lsoaName: null, method: 'none' };
  }
}

/** police.uk gives coordinates to six decimal places; the key is the point at that precision. */
function pointKey(lon: number, lat: number): string {
  return `${lon.toFixed(6)},${lat.toFixed(6)}`;
}
