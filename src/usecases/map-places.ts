/**
 * The places a report's hotspot maps outline and name, so a reader can tell where a hotspot is:
 * the wards of a district (or a CSP), the districts of a force. Ward outlines are the store's ward
 * boundaries where it holds them for the register's wards (`lantern fetch boundaries`); else they
 * are the area's LSOA boundaries grouped by the ward the register places each LSOA in (the ONS
 * 2011 LSOA → 2019 ward best-fit lookup), dissolved into one outline per ward: approximate where
 * a 2019 ward boundary cuts through a 2011 LSOA, and said to be so. The names are the register's,
 * the same as the hotspot cells' names (usecases/hotspot-names.ts). Districts are whole LSOAs, so
 * a force's map has their exact (generalised) outlines. Outlines are in British National Grid
 * metres, as the map takes them.
 */
import type { MultiPolygon, Polygon } from 'geojson';

import type { AreaSummary } from '../domain/area-counts.js';
import type { ReportData } from '../report/report-data.js';
import { toBng } from '../geo/bng.js';
import { dissolveRings } from '../geo/dissolve.js';
import type { Db } from '../store/db.js';
import { wardsByCode, type NamedArea } from '../store/ward-names.js';
import { CommandReads } from './command-reads.js';
import { boundariesWithinOnce, wardsOfLsoasOnce } from './place-reads.js';

type Ring = [number, number][];
type MapPlaces = NonNullable<ReportData['places']>;

/** A boundary's rings in National Grid metres (to the centimetre, so shared vertices match). */
export function bngRings(geometry: Polygon | MultiPolygon): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.flatMap((poly) =>
    poly.map((ring) =>
      ring.map(([lon, lat]) => {
        const [x, y] = toBng(lon as number, lat as number);
        return [Math.round(x * 100) / 100, Math.round(y * 100) / 100] as [number, number];
      }),
    ),
  );
}

const APPROXIMATE_WARDS =
  'Ward boundaries are approximate: the 2011 LSOAs grouped by their best-fit 2019 ward.';

/** The wards (of a district or CSP) or districts (of a force) to draw, or null for other areas. */
export async function mapPlaces(
  db: Db,
  area: AreaSummary,
  reads: CommandReads = new CommandReads(),
): Promise<MapPlaces | null> {
  if (area.type === 'district' || area.type === 'csp') {
    const stored = await boundariesWithinOnce(db, area.code, 'ward', reads);
    if (stored.length > 0) {
      const names = await wardsByCode(
        db,
        stored.map((b) => b.code),
      );
      const places = stored.flatMap((b) => {
        const ward = names.get(b.code);
        return ward ? [{ name: ward.name, outline: bngRings(b.geometry) }] : [];
      });
      if (places.length > 0) return { kind: 'ward', places };
    }
    const grouped = await lsoasGrouped(db, area.code, (w) => w, reads);
    return grouped.length > 0
      ? { kind: 'ward', places: grouped, approximate: true, note: APPROXIMATE_WARDS }
      : null;
  }
  if (area.type === 'force') {
    const grouped = await lsoasGrouped(db, area.code, (w) => w.district, reads);
    return grouped.length > 0 ? { kind: 'district', places: grouped } : null;
  }
  return null;
}

/**
 * The area's LSOA boundaries grouped by the place `of` gives for each LSOA's ward, each group
 * dissolved into its outline; LSOAs with no ward in the register are left out.
 */
async function lsoasGrouped(
  db: Db,
  code: string,
  of: (ward: NamedArea & { district: NamedArea | null }) => NamedArea | null,
  reads: CommandReads,
): Promise<{ name: string; outline: Ring[] }[]> {
  const lsoas = await boundariesWithinOnce(db, code, 'lsoa', reads);
  const wards = await wardsOfLsoasOnce(
    db,
    lsoas.map((l) => l.code),
    reads,
  );
  const groups = new Map<string, { name: string; rings: Ring[] }>();
  for (const l of lsoas) {
    const ward = wards.get(l.code);
    const place = ward ? of(ward) : null;
    if (!place) continue;
    const group = groups.get(place.code) ?? { name: place.name, rings: [] };
    group.rings.push(...bngRings(l.geometry));
    groups.set(place.code, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, g]) => ({ name: g.name, outline: dissolveRings(g.rings) }));
}
