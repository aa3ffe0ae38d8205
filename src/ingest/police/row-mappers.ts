/**
 * One mapper per police.uk kind: a CSV record to the staged cells of domain/police-records.ts,
 * or the first Problem found. A mapper is made once per file from its header (columns are found
 * by name, so their order does not matter) and then called for every row; it is pure and never
 * throws. This is the hot path of an import, so columns are resolved to indexes up front.
 */
import { categoryFromName } from '../../domain/categories.js';
import { forceIdFromName } from '../../domain/forces.js';
import type { Month } from '../../domain/month.js';
import type { Placed } from '../../domain/placement.js';
import type { PoliceKind } from '../../domain/police-file.js';
import { flag, num, text, type StagingCsv } from '../staging.js';
import { recordKeys } from './record-key.js';
import {
  checkBoolean,
  checkMonth,
  checkPoint,
  type Checked,
  type Point,
  type Problem,
} from './fields.js';

export interface MapperContext {
  /** Column index by header name. */
  index: ReadonlyMap<string, number>;
  /** The month every row must carry, when the file name gives one. */
  fileMonth: Month | null;
  /** The force the file belongs to. */
  force: string;
  /** Ties a record to its district by LSOA code or name (domain/placement.ts). */
  place: (lsoaCode: string, lsoaName: string) => Placed;
}

/** Writes the row to `out` and notes its month, or returns the problem that rejects it. */
export type RowMapper = (
  record: readonly string[],
  line: number,
  out: StagingCsv,
  months: Map<Month, number>,
) => Problem | null;
type Reader = (record: readonly string[]) => string;

const fail = (field: string, reason: string): Problem => ({ field, reason });

/** Reads a column by name, trimmed; an absent optional column reads as ''. */
function reader(ctx: MapperContext, name: string): Reader {
  const i = ctx.index.get(name);
  if (i === undefined) return () => '';
  return (record) => (record[i] as string).trim();
}

interface Located {
  month: Month;
  fallsWithin: string;
  point: Point | null;
}

/** Month, force and point: the checks street and outcomes rows share. */
function locatedChecker(ctx: MapperContext): (record: readonly string[]) => Checked<Located> {
  const month = reader(ctx, 'Month');
  const fallsWithin = reader(ctx, 'Falls within');
  const lon = reader(ctx, 'Longitude');
  const lat = reader(ctx, 'Latitude');
  const forceOfName = new Map<string, string>();
  return (record) => {
    const m = checkMonth(month(record), ctx.fileMonth);
    if (!m.ok) return m;
    const fw = fallsWithin(record);
    if (fw !== '') {
      let id = forceOfName.get(fw);
      if (id === undefined) forceOfName.set(fw, (id = forceIdFromName(fw)));
      if (id !== ctx.force) {
        const reason = `"${fw}" is not the file's force (${ctx.force})`;
        return { ok: false, problem: { field: 'Falls within', reason } };
      }
    }
    const point = checkPoint(lon(record), lat(record));
    if (!point.ok) return point;
    return { ok: true, value: { month: m.value, fallsWithin: fw, point: point.value } };
  };
}

function streetMapper(ctx: MapperContext): RowMapper {
  const located = locatedChecker(ctx);
  const crimeId = reader(ctx, 'Crime ID');
  const reportedBy = reader(ctx, 'Reported by');
  const location = reader(ctx, 'Location');
  const lsoaCode = reader(ctx, 'LSOA code');
  const lsoaName = reader(ctx, 'LSOA name');
  const crimeType = reader(ctx, 'Crime type');
  const lastOutcome = reader(ctx, 'Last outcome category');
  const context = reader(ctx, 'Context');
  const keyOf = recordKeys();
  return (record, line, out, months) => {
    const base = located(record);
    if (!base.ok) return base.problem;
    const typeText = crimeType(record);
    const category = categoryFromName(typeText);
    if (!category) return fail('Crime type', `"${typeText}" is not a police.uk crime type`);
    const { month, fallsWithin, point } = base.value;
    months.set(month, (months.get(month) ?? 0) + 1);
    const id = crimeId(record);
    const [loc, code, name, ctxText] = [
      location(record),
      lsoaCode(record),
      lsoaName(record),
      context(record),
    ];
    const key = keyOf(id, [month, point?.lon, point?.lat, loc, code, name, category, ctxText]);
    const placed = ctx.place(code, name);
    out.push(
      `${line},${text(key)},${text(id)},${month},${text(reportedBy(record))},${text(fallsWithin)},` +
        `${num(point?.lon ?? null)},${num(point?.lat ?? null)},${text(loc)},${text(code)},` +
        `${text(name)},${text(placed.districtCode ?? '')},${placed.match},${category},` +
        `${text(lastOutcome(record))},${text(ctxText)}`,
    );
    return null;
  };
}

function outcomesMapper(ctx: MapperContext): RowMapper {
  const located = locatedChecker(ctx);
  const crimeId = reader(ctx, 'Crime ID');
  const reportedBy = reader(ctx, 'Reported by');
  const location = reader(ctx, 'Location');
  const lsoaCode = reader(ctx, 'LSOA code');
  const lsoaName = reader(ctx, 'LSOA name');
  const outcomeType = reader(ctx, 'Outcome type');
  return (record, line, out, months) => {
    const base = located(record);
    if (!base.ok) return base.problem;
    const id = crimeId(record);
    if (id === '') return fail('Crime ID', 'is empty (an outcome must name its crime)');
    const outcome = outcomeType(record);
    if (outcome === '') return fail('Outcome type', 'is empty');
    const { month, fallsWithin, point } = base.value;
    months.set(month, (months.get(month) ?? 0) + 1);
    const [code, name] = [lsoaCode(record), lsoaName(record)];
    const placed = ctx.place(code, name);
    out.push(
      `${line},${text(id)},${month},${text(reportedBy(record))},${text(fallsWithin)},` +
        `${num(point?.lon ?? null)},${num(point?.lat ?? null)},${text(location(record))},` +
        `${text(code)},${text(name)},${text(placed.districtCode ?? '')},${placed.match},` +
        `${text(outcome)}`,
    );
    return null;
  };
}

const SEARCH_TYPES = new Set(['person search', 'vehicle search', 'person and vehicle search']);
const ISO_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/u;
const FLAG_COLUMNS = [
  'Part of a policing operation',
  'Outcome linked to object of search',
  'Removal of more than just outer clothing',
] as const;

function stopSearchMapper(ctx: MapperContext): RowMapper {
  const type = reader(ctx, 'Type');
  const date = reader(ctx, 'Date');
  const lon = reader(ctx, 'Longitude');
  const lat = reader(ctx, 'Latitude');
  const flags = FLAG_COLUMNS.map((name) => ({ name, read: reader(ctx, name) }));
  const freeText = [
    'Policing operation',
    'Gender',
    'Age range',
    'Self-defined ethnicity',
    'Officer-defined ethnicity',
    'Legislation',
    'Object of search',
    'Outcome',
  ].map((name) => reader(ctx, name));
  return (record, line, out, months) => {
    const searchType = type(record);
    if (!SEARCH_TYPES.has(searchType.toLowerCase())) {
      return fail(
        'Type',
        `"${searchType}" is not a search type (Person search, Vehicle search, …)`,
      );
    }
    const dateText = date(record);
    if (!ISO_DATE_TIME.test(dateText) || Number.isNaN(Date.parse(dateText))) {
      return fail('Date', `"${dateText}" is not an ISO 8601 date and time`);
    }
    const point = checkPoint(lon(record), lat(record));
    if (!point.ok) return point.problem;
    const flagValues: (boolean | null)[] = [];
    for (const f of flags) {
      const checked = checkBoolean(f.read(record), f.name);
      if (!checked.ok) return checked.problem;
      flagValues.push(checked.value);
    }
    const [operation, gender, age, selfEth, officerEth, legislation, object, outcome] =
      freeText.map((read) => read(record));
    const month = ctx.fileMonth ?? dateText.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
    out.push(
      `${line},${month},${text(searchType)},${text(dateText)},${flag(flagValues[0] ?? null)},` +
        `${text(operation ?? '')},${num(point.value?.lat ?? null)},${num(point.value?.lon ?? null)},` +
        `${text(gender ?? '')},${text(age ?? '')},${text(selfEth ?? '')},${text(officerEth ?? '')},` +
        `${text(legislation ?? '')},${text(object ?? '')},${text(outcome ?? '')},` +
        `${flag(flagValues[1] ?? null)},${flag(flagValues[2] ?? null)}`,
    );
    return null;
  };
}

export const ROW_MAPPERS: Readonly<Record<PoliceKind, (ctx: MapperContext) => RowMapper>> = {
  street: streetMapper,
  outcomes: outcomesMapper,
  'stop-and-search': stopSearchMapper,
};
