/**
 * `lantern fetch --area A --from M --to M`: the months of an area's street data that the store
 * lacks, fetched from the data.police.uk API month by month and imported through the same path
 * as files. Each month is its own import (committed on its own), so an interrupted fetch resumes
 * where it stopped: months already held are skipped. Months the source does not have are
 * reported as such and nothing is stored for them.
 */
import { convexHull, type Point } from '../geo/convex-hull.js';
import { PointLocator } from '../geo/point-locator.js';
import { PolygonIndex } from '../geo/polygon-index.js';
import { apiCrimesToCsv } from '../acquire/api-to-csv.js';
import { crimesInPolygon } from '../acquire/fetch-polygon.js';
import type { PoliceApi } from '../acquire/police-api.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import { placeRecord } from '../domain/placement.js';
import type { Scope } from '../domain/scope.js';
import { InputError } from '../errors.js';
import { forceCovering, districtsWithin } from '../store/area-force.js';
import { findArea } from '../store/areas.js';
import { lsoaBoundariesWithin } from '../store/boundaries.js';
import type { Db } from '../store/db.js';
import { knownMapPoints, lsoaNames } from '../store/map-points.js';
import { loadPlacementLookups } from '../store/placement-lookups.js';
import { observedStreetMonths } from '../store/street-counts.js';
import { importPoliceSources, type ImportFileReport } from './import-police-data.js';

export type MonthPlan = 'present' | 'unavailable' | 'fetch';

export interface FetchMonthReport {
  month: Month;
  status: 'present' | 'unavailable' | 'fetched' | 'would-fetch' | 'refused';
  /** Records the API returned for the polygon, and those inside the area that were kept. */
  returned?: number;
  kept?: number;
  accepted?: number;
  requests?: number;
  splits?: number;
  error?: string;
}

export interface FetchReport {
  area: { code: string; name: string; type: string };
  force: string;
  period: Period;
  source: string;
  /** The latest month the source says its crime data was updated for (crime-last-updated). */
  sourceUpdated: Month;
  dryRun: boolean;
  months: FetchMonthReport[];
  notes: string[];
}

export type FetchProgress =
  | { phase: 'plan'; toFetch: number }
  | { phase: 'month'; month: Month; status: FetchMonthReport['status'] };

export interface FetchRequest {
  area: string;
  period: Period;
  dryRun?: boolean;
  onProgress?: (event: FetchProgress) => void;
}

export async function fetchPoliceData(
  db: Db,
  scope: Scope,
  api: PoliceApi,
  request: FetchRequest,
): Promise<FetchReport> {
  const area = await findArea(db, request.area);
  if (area.type === 'ward' || area.type === 'lsoa') {
    throw new InputError(
      `fetch: give a district, CSP or force; ${area.name} is a ${area.type} (fetch its district)`,
    );
  }
  const force = await forceCovering(db, area.code);
  if (!force) throw new InputError(`fetch: no police.uk force covers ${area.name}`);
  const progress = request.onProgress ?? (() => undefined);
  const available = new Set(await api.availableMonths());
  const lastUpdated = await api.lastUpdated();
  const present = new Set(
    await observedStreetMonths(db, scope, { code: area.code, type: area.type }),
  );
  const plan = monthsIn(request.period).map((month): [Month, MonthPlan] => [
    month,
    present.has(month) ? 'present' : available.has(month) ? 'fetch' : 'unavailable',
  ]);
  progress({ phase: 'plan', toFetch: plan.filter(([, p]) => p === 'fetch').length });
  const report: FetchReport = {
    area: { code: area.code, name: area.name, type: area.type },
    force: force.id,
    period: request.period,
    source: api.baseUrl,
    sourceUpdated: lastUpdated,
    dryRun: Boolean(request.dryRun),
    months: [],
    notes: [
      'The API gives only records with a location; records with none are in the monthly archive files.',
    ],
  };
  const fetching = plan.some(([, p]) => p === 'fetch') && !request.dryRun;
  const tools = fetching ? await placementTools(db, area.code, area.name) : null;
  for (const [month, p] of plan) {
    let entry: FetchMonthReport;
    if (p !== 'fetch') entry = { month, status: p };
    else if (request.dryRun || !tools) entry = { month, status: 'would-fetch' };
    else entry = await fetchMonth(db, api, month, area, force, tools);
    report.months.push(entry);
    progress({ phase: 'month', month, status: entry.status });
  }
  return report;
}

interface PlacementTools {
  ring: [number, number][];
  locator: PointLocator;
  inArea: (lsoaCode: string | null, lsoaName: string | null) => boolean;
}

async function placementTools(db: Db, areaCode: string, areaName: string): Promise<PlacementTools> {
  const boundaries = await lsoaBoundariesWithin(db, areaCode);
  if (boundaries.length === 0) {
    throw new InputError(
      `fetch: no LSOA boundaries are held for ${areaName}; import them with 'lantern areas import-boundaries'`,
    );
  }
  const vertices: Point[] = boundaries.flatMap((b) =>
    (b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates).flatMap(
      (polygon) => (polygon[0] ?? []).map((p) => [p[0] as number, p[1] as number] as const),
    ),
  );
  const lookups = await loadPlacementLookups(db);
  const districts = await districtsWithin(db, areaCode);
  const locator = new PointLocator(
    await knownMapPoints(db),
    PolygonIndex.build(await lsoaBoundariesWithin(db, areaCode)),
    await lsoaNames(db),
  );
  return {
    ring: convexHull(vertices),
    locator,
    inArea: (code, name) => {
      const placed = placeRecord(code ?? '', name ?? '', lookups);
      return placed.districtCode !== null && districts.has(placed.districtCode);
    },
  };
}

async function fetchMonth(
  db: Db,
  api: PoliceApi,
  month: Month,
  area: { code: string; name: string },
  force: { id: string; name: string },
  tools: PlacementTools,
): Promise<FetchMonthReport> {
  const { crimes, requests, splits } = await crimesInPolygon(api, tools.ring, month);
  const kept = crimes.filter((c) => {
    if (!c.location) return false;
    const place = tools.locator.locate(Number(c.location.longitude), Number(c.location.latitude));
    return tools.inArea(place.lsoaCode, place.lsoaName);
  });
  const csv = apiCrimesToCsv(kept, force.name, (lon, lat) => tools.locator.locate(lon, lat));
  const bytes = new TextEncoder().encode(csv);
  const path = `data.police.uk API: ${area.name} (${area.code}) ${month}`;
  const imported = await importPoliceSources(db, {
    sources: [
      {
        path,
        baseName: `${month}-${force.id}-street.csv`,
        areaCode: area.code,
        read: async () => bytes,
      },
    ],
    problems: [],
    close: () => undefined,
  });
  const file = imported.files[0] as ImportFileReport;
  const base = { month, returned: crimes.length, kept: kept.length, requests, splits };
  if (file.status === 'refused') return { ...base, status: 'refused', error: file.error };
  return { ...base, status: 'fetched', accepted: file.accepted };
}
