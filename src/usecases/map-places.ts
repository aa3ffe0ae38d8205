/**
 * The places a report's hotspot maps outline and name, so a reader can tell where a hotspot is:
 * the wards of a district (or a CSP), the districts of a force. Ward outlines are the store's ward
 * boundaries where it holds them for every ward of the register's and matched by code (`lantern
 * fetch boundaries`); else (some wards have none, or some were matched by name and may be of
 * another year: Knowsley's of 2013, re-drawn in 2016) they are the area's LSOA boundaries grouped
 * by the ward the register places each LSOA in (the ONS 2011 LSOA → 2019 ward best-fit lookup),
 * dissolved into one outline per ward: approximate where a 2019 ward boundary cuts through a 2011
 * LSOA, and said to be so, with why the boundaries held were not drawn. With no LSOA boundaries,
 * the ward boundaries held are drawn, and the note names the wards with no outline and says which
 * were matched by name. The names are the register's,
 * the same as the hotspot cells' names (usecases/hotspot-names.ts). Districts are whole LSOAs, so
 * a force's map has their exact (generalised) outlines. Outlines are in British National Grid
 * metres, as the map takes them.
 */
import type { MultiPolygon, Polygon } from 'geojson';

import type { AreaSummary } from '../domain/area-counts.js';
import type { ReportData } from '../report/report-data.js';
import { listJoin } from '../charts/text.js';
import { toBng } from '../geo/bng.js';
import { dissolveRings } from '../geo/dissolve.js';
import type { Db } from '../store/db.js';
import { registerCodesWithin, type StoredBoundary } from '../store/boundaries.js';
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
    const register = await reads.once(`register-wards:${area.code}`, async () =>
      wardsByCode(db, await registerCodesWithin(db, area.code, 'ward')),
    );
    const held = stored.filter((b) => register.has(b.code));
    const heldCodes = new Set(held.map((b) => b.code));
    const unheld = [...register.values()].filter((w) => !heldCodes.has(w.code));
    const byName = held.filter((b) => b.byName);
    const outline = (b: StoredBoundary) => ({
      name: register.get(b.code)?.name ?? b.code,
      outline: bngRings(b.geometry),
    });
    // The boundaries held, where they are today's (matched by code) and of every ward.
    if (held.length > 0 && unheld.length === 0 && byName.length === 0)
      return { kind: 'ward', places: held.map(outline) };
    // Else every ward's outline, from its LSOAs, where they are held; the note says why.
    const grouped = await lsoasGrouped(db, area.code, (w) => w, reads);
    if (grouped.length > 0) {
      const drawn = new Set(grouped.map((g) => g.name));
      const why = held.length > 0 ? ` (${heldWords(held.length, register.size, byName)})` : '';
      const none = [...register.values()].map((w) => w.name).filter((n) => !drawn.has(n));
      return {
        kind: 'ward',
        places: grouped,
        approximate: true,
        note: `${APPROXIMATE_WARDS.slice(0, -1)}${why}.${noOutline(none)}`,
      };
    }
    if (held.length === 0) return null;
    // Only the ward boundaries held: the note names the wards with no outline.
    const notes = [
      unheld.length > 0
        ? `Ward outlines are held for ${held.length} of the ${register.size} wards.${noOutline(unheld.map((w) => w.name))}`
        : '',
      byName.length > 0 ? byNameWords(byName, held.length) : '',
    ];
    return {
      kind: 'ward',
      places: held.map(outline),
      ...(byName.length > 0 ? { approximate: true } : {}),
      note: notes.filter((n) => n !== '').join(' '),
    };
  }
  if (area.type === 'force') {
    const grouped = await lsoasGrouped(db, area.code, (w) => w.district, reads);
    return grouped.length > 0 ? { kind: 'district', places: grouped } : null;
  }
  return null;
}

/** " No outline is held for Prescot North, Prescot South and Whiston and Cronton." */
const noOutline = (names: readonly string[]) =>
  names.length === 0
    ? ''
    : ` No outline is held for ${listJoin([...names].sort((a, b) => a.localeCompare(b, 'en-GB')))}.`;

/** Why the ward boundaries held are not drawn: "those held are of 2013, matched … by name, and of 12 of the 15 wards". */
function heldWords(held: number, wards: number, byName: readonly StoredBoundary[]): string {
  const parts = [
    byName.length > 0
      ? `of ${vintagesOf(byName)}, matched to today's wards by name${byName.length < held ? ` (${byName.length} of them)` : ''}`
      : '',
    held < wards ? `of ${held} of the ${wards} wards only` : '',
  ].filter((p) => p !== '');
  return `the ward boundaries held are ${listJoin(parts)}`;
}

/** "Outlines of 12 wards are of 2013, matched to today's wards by name: they may not follow today's boundaries." */
function byNameWords(byName: readonly StoredBoundary[], held: number): string {
  const which = byName.length === held ? 'The outlines' : `Outlines of ${byName.length} wards`;
  return `${which} are of ${vintagesOf(byName)}, matched to today's wards by name: they may not follow today's boundaries.`;
}

const vintagesOf = (shapes: readonly StoredBoundary[]) =>
  listJoin([...new Set(shapes.map((b) => b.byName?.vintage ?? ''))].sort());

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
