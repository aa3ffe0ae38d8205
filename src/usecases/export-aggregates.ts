/**
 * The store's records as tables for a spreadsheet or Power BI: counts by LSOA (or district, or
 * force) × month × category for an area and period, with the places named. A month the store
 * does not hold has no rows at all (unknown, not zero), and each table's notes list such months.
 */
import type { AreaType } from '../domain/area.js';
import type { DataTable } from '../domain/data-table.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import { DEFAULT_DISCLOSURE_POLICY, isSmallCount } from '../domain/disclosure/table.js';
import { datasetCategories, findDataset } from '../domain/datasets.js';
import type { Scope } from '../domain/scope.js';
import { InputError, NotFoundError } from '../errors.js';
import { forceCovering } from '../store/area-force.js';
import { districtAreasWithin, findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import {
  forceOfArea,
  monthsHeldOf,
  outcomesByLsoa,
  searchesByMonth,
  streetRecordsByLsoa,
  type LsoaMonthCount,
} from '../store/export-aggregates.js';
import { partnerCountsByDistrict, partnerCoverageOf } from '../store/partner-data.js';
import { partnerTotalsStatus } from './partner-totals-disclosure.js';
import { observedStreetMonths } from '../store/street-counts.js';

export interface AggregateRequest {
  area: string;
  areaType?: AreaType;
  /** Defaults to the first to the last month held. */
  period?: Period;
}

const LSOA_COLUMNS = [
  'lsoa_code',
  'lsoa_name',
  'ward_code',
  'ward_name',
  'district_code',
  'district_name',
  'month',
] as const;

export async function streetRecordsTable(
  db: Db,
  scope: Scope,
  request: AggregateRequest,
): Promise<DataTable> {
  const area = await findArea(db, request.area, request.areaType);
  const held = await observedStreetMonths(db, scope, area);
  const period = periodOrHeld(request.period, held, `police.uk street records for ${area.name}`);
  const rows = await streetRecordsByLsoa(db, scope, area, period);
  return lsoaTable(
    'street-records',
    `police.uk street records (crimes and anti-social behaviour) in ${area.name}, ${period.from} to ${period.to}, by LSOA, month and category`,
    'category',
    rows,
    held,
    period,
  );
}

export async function outcomesTable(
  db: Db,
  scope: Scope,
  request: AggregateRequest,
): Promise<DataTable> {
  const area = await findArea(db, request.area, request.areaType);
  const force = await forceOfArea(db, area.code);
  const held = force ? await monthsHeldOf(db, 'outcomes', force.id) : [];
  const period = periodOrHeld(request.period, held, `police.uk outcomes for ${area.name}`);
  const rows = await outcomesByLsoa(db, scope, area, period);
  return lsoaTable(
    'outcomes',
    `police.uk outcomes recorded in ${area.name}, ${period.from} to ${period.to}, by LSOA, month (the outcome's) and outcome`,
    'outcome',
    rows,
    held,
    period,
  );
}

export async function stopSearchTable(
  db: Db,
  scope: Scope,
  request: AggregateRequest,
): Promise<DataTable> {
  const area = await findArea(db, request.area, request.areaType);
  if (area.type === 'ward' || area.type === 'lsoa')
    throw new InputError(
      `${area.name} (${area.code}) is a ${area.type}: stop and search is placed in districts, so export a district, a CSP or a force`,
    );
  const force = await forceCovering(db, area.code);
  if (!force) throw new NotFoundError(`${area.name} lies in no police.uk force the store knows`);
  const held = await monthsHeldOf(db, 'stop-and-search', force.id);
  const period = periodOrHeld(request.period, held, `police.uk stop and search for ${force.name}`);
  const part = area.type === 'district' || area.type === 'csp';
  const rows = await searchesByMonth(
    db,
    scope,
    {
      force: force.id,
      forceArea: force.areaCode,
      area: part ? { code: area.code, type: area.type as 'district' | 'csp' } : null,
    },
    period,
  );
  return {
    id: 'stop-search',
    title: part
      ? `police.uk stop and search by ${force.name} in ${area.name} (placed by each search's point), ${period.from} to ${period.to}, by district, month, type, object of search and outcome`
      : `police.uk stop and search by ${force.name}, ${period.from} to ${period.to}, by district, month, type, object of search and outcome`,
    columns: [
      'force',
      'force_name',
      'district_code',
      'district_name',
      'month',
      'search_type',
      'object_of_search',
      'outcome',
      'count',
    ],
    rows: rows.map((r) => [
      force.id,
      force.name,
      r.district_code,
      r.district_name,
      r.month,
      r.search_type,
      r.object_of_search,
      r.outcome,
      r.count,
    ]),
    notes: [
      "police.uk publishes stop and search by force, each search with an approximate point: Lantern places it in the district whose boundary holds the point. A search with no location, or at a point in no district whose boundary is held, has no district (empty district_code) and is in the force's table only.",
      ...monthNotes(held, period),
    ],
  };
}

export async function partnerCountsTable(
  db: Db,
  scope: Scope,
  request: AggregateRequest & { dataset: string },
): Promise<DataTable> {
  const area = await findArea(db, request.area, request.areaType);
  const districts = await districtAreasWithin(db, area.code);
  const codes = districts.map((d) => d.code);
  const coverage = await partnerCoverageOf(db, scope, [request.dataset], codes);
  const held = coverage.observed.get(request.dataset)!;
  const all = [...new Set([...held.values()].flat())].sort();
  const period = periodOrHeld(request.period, all, `${request.dataset} in ${area.name}`);
  const names = new Map(districts.map((d) => [d.code, d.name]));
  const inPeriod = (m: Month) => m >= period.from && m <= period.to;
  const dataset = findDataset(request.dataset);
  // Counts the partner's files did not give in months they cover: unknown there, not zero.
  const notGivenRows = coverage.notGiven.filter((r) => inPeriod(r.month));
  const counted = (await partnerCountsByDistrict(db, scope, request.dataset, codes)).filter((r) =>
    inPeriod(r.month),
  );
  // The store holds no row for a category none of a held month's records or counts gave: that
  // count is 0, and is given as 0, since a month with no rows reads as not held (QA: Three Rivers'
  // Prevent referrals of February 2025, 0 in trends, had no row, as if the month were unknown).
  const categories = [
    ...new Set([...(dataset ? datasetCategories(dataset) : []), ...counted.map((r) => r.category)]),
  ];
  const has = new Set(counted.map((r) => `${r.area} ${r.month} ${r.category}`));
  const notGivenKeys = new Set(notGivenRows.map((r) => `${r.district} ${r.month} ${r.category}`));
  const zeros = codes.flatMap((code) =>
    (held.get(code) ?? [])
      .filter(inPeriod)
      .flatMap((month) =>
        categories
          .filter(
            (c) => !has.has(`${code} ${month} ${c}`) && !notGivenKeys.has(`${code} ${month} ${c}`),
          )
          .map((category) => ({ area: code, month, category, count: 0 })),
      ),
  );
  const rows = [...counted, ...zeros].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.area.localeCompare(b.area) ||
      a.category.localeCompare(b.category),
  );
  // A restricted dataset's counts from 1 to 4 are shown to no one (issue 20 item 4): a district's
  // category with any such month has every month withheld, so that no total published elsewhere
  // (trends) can give one back; and a month trends holds back to protect another (of the month,
  // or of the force's other districts: partner-totals-disclosure.ts) is withheld too, or it and
  // the force's month in trends would give the other back.
  const restricted = dataset?.sensitivity === 'restricted';
  const policy = DEFAULT_DISCLOSURE_POLICY;
  const withheld = new Set(
    restricted
      ? rows.filter((r) => isSmallCount(r.count, policy)).map((r) => `${r.area} ${r.category}`)
      : [],
  );
  const statuses =
    restricted && dataset
      ? await partnerTotalsStatus(db, scope, dataset, districts, monthsIn(period), policy)
      : null;
  const shown = (r: { area: string; month: Month; category: string }) =>
    !withheld.has(`${r.area} ${r.category}`) &&
    (statuses?.get(r.area)?.get(`${r.category}:${r.month}`) ?? 'shown') === 'shown';
  const notHeld = districts.flatMap((d) => {
    const months = new Set(held.get(d.code) ?? []);
    const missing = monthsIn(period).filter((m) => !months.has(m));
    return missing.length > 0 ? [`${d.name}: ${monthList(missing)}`] : [];
  });
  const notGiven = districts.flatMap((d) => {
    const byCategory = new Map<string, Month[]>();
    for (const r of notGivenRows.filter((x) => x.district === d.code))
      byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r.month]);
    return [...byCategory]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, months]) => `${d.name}, ${category}: ${monthList(months.sort())}`);
  });
  return {
    id: 'partner-counts',
    title: `${request.dataset} in ${area.name}, ${period.from} to ${period.to}, by district, month and category`,
    // `withheld` says of each row whether its count is held back, in the file itself: a CSV
    // has no README, and its empty cells read as missing or zero (QA).
    columns: ['district_code', 'district_name', 'month', 'category', 'count', 'withheld'],
    rows: rows.map((r) => [
      r.area,
      names.get(r.area) ?? null,
      r.month,
      r.category,
      shown(r) ? r.count : null,
      shown(r) ? 'no' : 'yes',
    ]),
    notes: [
      ...(restricted
        ? [
            `${request.dataset} is restricted: where a district's category has any month from 1 to ${policy.threshold - 1}, every month of it is left empty (withheld), and so is a month that would give such a count back (with another category of the month, or the force's figure less the other districts'), so that no count under ${policy.threshold} can be read or worked back.`,
          ]
        : []),
      "withheld: 'yes' where the count is held back by disclosure control (its count cell is empty: neither missing nor 0), 'no' where it is given.",
      "Records with several categories (a hate crime's strands) count under each; the category 'total' counts each record once.",
      'A month a district has no data of the dataset for has no rows: unknown, not zero.',
      notHeld.length > 0
        ? `Months not held, by district: ${notHeld.join('; ')}.`
        : 'Every month of the period is held for every district.',
      ...(notGiven.length > 0
        ? [
            `Counts the partner's files do not give, so not held (no rows: unknown, not zero), by district: ${notGiven.join('; ')}.`,
          ]
        : []),
    ],
  };
}

function lsoaTable(
  id: string,
  title: string,
  what: string,
  rows: readonly LsoaMonthCount[],
  held: readonly Month[],
  period: Period,
): DataTable {
  return {
    id,
    title,
    columns: [...LSOA_COLUMNS, what, 'count'],
    rows: rows.map((r) => [
      r.lsoa_code,
      r.lsoa_name,
      r.ward_code,
      r.ward_name,
      r.district_code,
      r.district_name,
      r.month,
      r.category,
      r.count,
    ]),
    notes: [
      `In a month held, an LSOA and ${what} with no row had none (0).`,
      ...monthNotes(held, period),
      "Records police.uk gives no location have the LSOA, ward and district blank; the LSOA name is police.uk's when the store's register lacks the code.",
    ],
  };
}

function monthNotes(held: readonly Month[], period: Period): string[] {
  const months = new Set(held);
  const missing = monthsIn(period).filter((m) => !months.has(m));
  return [
    missing.length > 0
      ? `Months not held (no rows at all: unknown, not zero): ${monthList(missing)}.`
      : 'Every month of the period is held.',
  ];
}

function monthList(months: readonly Month[]): string {
  return months.length > 24
    ? `${months.slice(0, 12).join(', ')}, … (${months.length} months)`
    : months.join(', ');
}

function periodOrHeld(period: Period | undefined, held: readonly Month[], what: string): Period {
  if (period) return period;
  const sorted = [...held].sort();
  const from = sorted[0];
  const to = sorted[sorted.length - 1];
  if (!from || !to) throw new NotFoundError(`The store holds no ${what}; import some first`);
  return { from, to };
}
