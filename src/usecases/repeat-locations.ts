/**
 * `lantern repeat-locations`: how concentrated incidents are at a few places. For police.uk data
 * a place is a map point (police.uk's anonymous snap points), and every map point with any record
 * (of any category) in the area in the period belongs to the universe, so places without incidents
 * of the category count as zeros; months held outside the period play no part, so the answer for
 * a period is the same whatever else the store holds;
 * for partner data a place is a distinct point of the dataset's records in the area.
 */
import { concentration, type Concentration } from '../analysis/concentration.js';
import type { Scope } from '../domain/scope.js';
import { resolveArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { streetPlaces } from '../store/incident-points.js';
import { CommandReads, scopeKey } from './command-reads.js';
import { incidentPoints, type IncidentRequest } from './incident-points.js';

export interface RepeatLocations extends Concentration {
  area: { code: string; name: string; type: string };
  what: string;
  label: string;
  period: { from: string; to: string };
  topPlaces: {
    location: string | null;
    /** The place's LSOA, where its records give one (police.uk's map points). */
    lsoa: string | null;
    lon: number;
    lat: number;
    count: number;
    share: number;
  }[];
  monthsMissing: string[];
  notes: string[];
}

const key = (lon: number, lat: number) => `${lon.toFixed(6)},${lat.toFixed(6)}`;

export async function repeatLocations(
  db: Db,
  scope: Scope,
  request: IncidentRequest & { top?: number },
  reads: CommandReads = new CommandReads(),
): Promise<RepeatLocations> {
  const incidents = await incidentPoints(db, scope, request, reads);
  const places = new Map<
    string,
    { lon: number; lat: number; location: string | null; lsoa: string | null; count: number }
  >();
  if (incidents.source === 'police.uk') {
    const area = await reads.once(`area:${request.area}`, () => resolveArea(db, request.area));
    // The area's map points in the period (and their keys) are the same for every category of
    // the command: read once.
    const { from, to } = request.period;
    const all = await reads.once(
      `street-places:${scopeKey(scope)}:${area.code}:${from}..${to}`,
      async () =>
        (await streetPlaces(db, scope, area, request.period)).map((p) => ({
          p,
          k: key(p.lon, p.lat),
        })),
    );
    for (const { p, k } of all) places.set(k, { ...p, count: 0 });
  }
  const { place: placeOf, places: at } = incidents.incidents;
  const keys: string[] = [];
  for (let i = 0; i < incidents.incidents.length; i++) {
    const j = placeOf[i]!;
    const p = at[j]!;
    const k = (keys[j] ??= key(p.lon, p.lat));
    const place = places.get(k) ?? {
      lon: p.lon,
      lat: p.lat,
      location: p.location,
      lsoa: p.lsoa,
      count: 0,
    };
    place.count += 1;
    places.set(k, place);
  }
  const list = [...places.entries()].map(([k, p]) => ({
    key: k,
    label: p.location,
    count: p.count,
  }));
  const result = concentration(list);
  const total = result.incidents;
  const topPlaces = [...places.values()]
    .filter((p) => p.count > 0)
    .sort((a, b) => b.count - a.count || a.lon - b.lon || a.lat - b.lat)
    .slice(0, request.top ?? 10)
    .map((p) => ({ ...p, share: total > 0 ? p.count / total : 0 }));
  return {
    ...result,
    area: incidents.area,
    what: incidents.what,
    label: incidents.label,
    period: incidents.period,
    topPlaces,
    monthsMissing: incidents.monthsMissing,
    notes: [
      ...incidents.notes,
      incidents.source === 'police.uk'
        ? 'Places: every police.uk map point with any record in the area in the period, of any category (those without incidents of this one count as zeros). Map points stand for several nearby addresses.'
        : 'Places: the distinct points of the records in the area.',
      'Gini: 0 when every place has as many incidents, near 1 when one place has them all.',
      ...sparseNotes(result),
      ...(incidents.monthsMissing.length > 0
        ? [`Months not held, left out: ${incidents.monthsMissing.join(', ')}.`]
        : []),
    ],
  };
}

/**
 * With fewer incidents than places, the Gini and the top shares are near their extremes whatever
 * the spread (3 incidents at 3 of 1,342 places: Gini 1.00, the busiest 1% holding 100%): said,
 * with the generalised Gini that measures against the most even spread the incidents allow.
 */
function sparseNotes(c: Concentration): string[] {
  if (c.incidents === 0 || c.incidents >= c.places) return [];
  const f = (v: number) => v.toFixed(2);
  const n = (v: number) => v.toLocaleString('en-GB');
  const filled = c.top.filter((t) => t.places >= c.placesWithIncidents);
  return [
    `Fewer incidents (${n(c.incidents)}) than places (${n(c.places)}): the Gini cannot be under ${(Math.floor(c.giniFloor * 100) / 100).toFixed(2)} however they are spread, so on its own it overstates concentration. The generalised Gini (Bernasco & Steenbeek 2017), ${f(c.generalisedGini)}, measures against the most even spread the incidents allow: 0 when no two share a place, near 1 when one place has them all.`,
    ...(filled.length > 0
      ? [
          `The busiest ${filled.map((t) => `${t.percent}%`).join(', ')} of places (${n(filled[0]!.places)} or more) are at least as many as the ${n(c.placesWithIncidents)} with any incident: ${filled.length === 1 ? 'its share is' : 'their shares are'} 100% by arithmetic, not a sign of concentration.`,
        ]
      : []),
  ];
}
