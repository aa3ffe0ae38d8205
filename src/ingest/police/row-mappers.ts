/**
 * One mapper per police.uk kind: a CSV record to the staged cells of domain/police-records.ts,
 * or the first Problem found. A mapper is made once per file from its header (columns are found
 * by name, so their order does not matter) and then called for every row. It checks the whole
 * row before writing any cell, so a rejected row leaves nothing staged. This is the hot path of
 * an import: columns are resolved to indexes up front and good rows allocate almost nothing.
 */
import { categoryFromName, type Category } from '../../domain/categories.js';
import { forceIdFromName } from '../../domain/forces.js';
import type { Month } from '../../domain/month.js';
import type { Placer } from '../../domain/placement.js';
import type { PoliceKind } from '../../domain/police-file.js';
import { flag, num, text, type StagingBuffer } from '../staging.js';
import {
  booleanValue,
  monthProblem,
  pointProblem,
  type PointScratch,
  type Problem,
} from './fields.js';
import { recordKeys } from './record-key.js';
import { StreetCounts } from './street-counts.js';
import { streetLineMapper, type StreetLineMapper } from './street-line.js';

export interface MapperContext {
  /** Column index by header name. */
  index: ReadonlyMap<string, number>;
  /** The month every row must carry, when the file name gives one. */
  fileMonth: Month | null;
  /** The force the file belongs to. */
  force: string;
  /** Ties a record to its district by LSOA code or name, and counts how (domain/placement.ts). */
  placer: Placer;
  /** No field of the file holds a quote, comma or line break (csv.ts), so none needs quoting. */
  plain: boolean;
  /**
   * The file's bytes when its street rows are staged 'as-filed' (an ASCII, plain file with
   * exactly the police.uk street columns in their order): Lantern's own cells (line, ASB key,
   * district code, district match, category), then the file's line as it is, copied from
   * these bytes (or, for a record `copiesAsFiled` refuses, the same columns cell by cell).
   * DuckDB then reads the file's own cells instead of JavaScript encoding them again. Else null.
   */
  source: Buffer | null;
}

/** Writes the row to `out` and counts its month, or returns the problem that rejects it. */
export interface RowMapper {
  (
    record: readonly string[],
    line: number,
    out: StagingBuffer,
    months: Map<Month, number>,
    /** Where the record lies in the file's bytes (`MapperContext.source`); -1 when unknown. */
    start: number,
    end: number,
  ): Problem | null;
  /**
   * The fast path for a line of the file's bytes (street rows staged as filed, with the file's
   * month known; street-line.ts), sharing this mapper's ASB keys; absent otherwise.
   */
  fromLine?: StreetLineMapper;
  /** Street rows: the staged records counted for the store's street_count table (both paths). */
  streetCounts?: StreetCounts;
}
type Reader = (record: readonly string[]) => string;

/** Reads a column by name, trimmed; an absent optional column reads as ''. */
function reader(ctx: MapperContext, name: string): Reader {
  const i = ctx.index.get(name);
  if (i === undefined) return () => '';
  return (record) => (record[i] as string).trim();
}

const asIs = (value: string) => value;

/** Encodes a text cell taken from the file's fields: `text`, or as it is when none needs it. */
const cellOf = (ctx: MapperContext) => (ctx.plain ? asIs : text);

const countMonth = (months: Map<Month, number>, month: Month) =>
  months.set(month, (months.get(month) ?? 0) + 1);

/** A checked point with the text of its coordinates (trimmed, as the file gives them). */
interface LocatedPoint extends PointScratch {
  lonText: string;
  latText: string;
}

const locatedPoint = (): LocatedPoint => ({
  present: false,
  lon: 0,
  lat: 0,
  lonText: '',
  latText: '',
});

/** The staged cell of a checked coordinate (`num` of it; '' for no location). */
const coordinateCell = (point: LocatedPoint, value: number) => (point.present ? num(value) : '');

/** Month, force and point: the checks street and outcomes rows share. */
function locatedChecker(ctx: MapperContext) {
  const month = reader(ctx, 'Month');
  const fallsWithin = reader(ctx, 'Falls within');
  const lon = reader(ctx, 'Longitude');
  const lat = reader(ctx, 'Latitude');
  const forceOfName = new Map<string, string>();
  let goodMonth: string | null = null; // rows of a file mostly repeat one month
  return (record: readonly string[], point: LocatedPoint): Problem | null => {
    const m = month(record);
    if (m !== goodMonth) {
      const problem = monthProblem(m, ctx.fileMonth);
      if (problem) return problem;
      goodMonth = m;
    }
    const fw = fallsWithin(record);
    if (fw !== '') {
      let id = forceOfName.get(fw);
      if (id === undefined) forceOfName.set(fw, (id = forceIdFromName(fw) ?? ''));
      if (id !== ctx.force) {
        return { field: 'Falls within', reason: `"${fw}" is not the file's force (${ctx.force})` };
      }
    }
    const lonText = lon(record);
    const latText = lat(record);
    const problem = pointProblem(lonText, latText, point);
    if (problem) return problem;
    point.lonText = lonText;
    point.latText = latText;
    return null;
  };
}

/**
 * Whether a street record can be staged as its line, byte for byte: DuckDB must read from it
 * exactly the cells the record would be staged as. So no field may have spaces to trim, and
 * each coordinate must be a plain decimal that DuckDB reads as the same number as JavaScript
 * (and not a zero, whose sign `num` drops).
 */
function copiesAsFiled(record: readonly string[], point: LocatedPoint): boolean {
  for (let i = 0; i < record.length; i++) {
    const f = record[i] as string;
    const n = f.length;
    if (n > 0 && (f.charCodeAt(0) <= 32 || f.charCodeAt(n - 1) <= 32)) return false;
  }
  if (!point.present) return true;
  return (
    point.lon !== 0 && point.lat !== 0 && plainDecimal(point.lonText) && plainDecimal(point.latText)
  );
}

/** An optional minus, digits, and optionally a point and more digits. */
function plainDecimal(s: string): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const first = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  if (i === first) return false;
  if (i === n) return true;
  if (s.charCodeAt(i) !== 46) return false;
  const fraction = ++i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  return i === n && i > fraction;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function streetMapper(ctx: MapperContext): RowMapper {
  const located = locatedChecker(ctx);
  const point = locatedPoint();
  const [crimeId, month, reportedBy, fallsWithin, location, lsoaCode, lsoaName] = [
    'Crime ID',
    'Month',
    'Reported by',
    'Falls within',
    'Location',
    'LSOA code',
    'LSOA name',
  ].map((name) => reader(ctx, name)) as [Reader, Reader, Reader, Reader, Reader, Reader, Reader];
  const crimeType = reader(ctx, 'Crime type');
  const lastOutcome = reader(ctx, 'Last outcome category');
  const context = reader(ctx, 'Context');
  const keyOf = recordKeys();
  const cell = cellOf(ctx);
  const source = ctx.source;
  const categoryOfName = new Map<string, Category>();
  const categoryOf = (typeText: string) => {
    let category = categoryOfName.get(typeText);
    if (category === undefined) {
      category = categoryFromName(typeText);
      if (category) categoryOfName.set(typeText, category);
    }
    return category;
  };
  const counts = new StreetCounts();
  const mapper: RowMapper = (record, line, out, months, start, end) => {
    const problem = located(record, point);
    if (problem) return problem;
    const typeText = crimeType(record);
    const category = categoryOf(typeText);
    if (!category)
      return { field: 'Crime type', reason: `"${typeText}" is not a police.uk crime type` };
    const m = month(record);
    countMonth(months, m);
    const id = crimeId(record);
    const code = lsoaCode(record);
    const name = lsoaName(record);
    const placed = ctx.placer.place(code, name);
    counts.of(m, placed.districtCode, placed.match, category).records++;
    // The cells join as the coordinates themselves would (no location: empty).
    const asbKey =
      id !== ''
        ? ''
        : keyOf([
            m,
            coordinateCell(point, point.lon),
            coordinateCell(point, point.lat),
            location(record),
            code,
            name,
            category,
            context(record),
          ]);
    // An ASB key is "asb:", base64url and "#n": never quoted.
    if (source !== null) {
      const prefix = `${line},${asbKey},${placed.districtCode ?? ''},${placed.match},${category},`;
      if (start >= 0 && copiesAsFiled(record, point)) {
        out.rowFrom(prefix, source, start, end);
      } else {
        // The same columns, each cell as the record is staged (trimmed; numbers as `num`).
        out.row(
          `${prefix}${id},${m},${reportedBy(record)},${fallsWithin(record)},` +
            `${coordinateCell(point, point.lon)},${coordinateCell(point, point.lat)},` +
            `${location(record)},${code},${name},${typeText},${lastOutcome(record)},${context(record)}`,
        );
      }
      return null;
    }
    out.row(
      `${line},${asbKey},${cell(id)},${m},${cell(reportedBy(record))},` +
        `${cell(fallsWithin(record))},${coordinateCell(point, point.lon)},` +
        `${coordinateCell(point, point.lat)},${cell(location(record))},${cell(code)},` +
        `${cell(name)},${placed.districtCode ?? ''},${placed.match},${category},` +
        `${cell(lastOutcome(record))},${cell(context(record))}`,
    );
    return null;
  };
  if (source !== null && ctx.fileMonth !== null) {
    const { fileMonth, force, placer } = ctx;
    mapper.fromLine = streetLineMapper(
      { source, fileMonth, force, placer },
      { keyOf, categoryOf, counts },
    );
  }
  mapper.streetCounts = counts;
  return mapper;
}

function outcomesMapper(ctx: MapperContext): RowMapper {
  const located = locatedChecker(ctx);
  const point = locatedPoint();
  const crimeId = reader(ctx, 'Crime ID');
  const month = reader(ctx, 'Month');
  const reportedBy = reader(ctx, 'Reported by');
  const fallsWithin = reader(ctx, 'Falls within');
  const location = reader(ctx, 'Location');
  const lsoaCode = reader(ctx, 'LSOA code');
  const lsoaName = reader(ctx, 'LSOA name');
  const outcomeType = reader(ctx, 'Outcome type');
  const cell = cellOf(ctx);
  return (record, line, out, months) => {
    const problem = located(record, point);
    if (problem) return problem;
    const id = crimeId(record);
    if (id === '')
      return { field: 'Crime ID', reason: 'is empty (an outcome must name its crime)' };
    const outcome = outcomeType(record);
    if (outcome === '') return { field: 'Outcome type', reason: 'is empty' };
    const m = month(record);
    countMonth(months, m);
    const [code, name] = [lsoaCode(record), lsoaName(record)];
    const placed = ctx.placer.place(code, name);
    out.row(
      `${line},${cell(id)},${m},${cell(reportedBy(record))},${cell(fallsWithin(record))},` +
        `${coordinateCell(point, point.lon)},${coordinateCell(point, point.lat)},` +
        `${cell(location(record))},${cell(code)},${cell(name)},${placed.districtCode ?? ''},` +
        `${placed.match},${cell(outcome)}`,
    );
    return null;
  };
}

const SEARCH_TYPES = new Set(['person search', 'vehicle search', 'person and vehicle search']);
/**
 * The values police.uk publishes for a searched person's gender and age range (data.police.uk
 * API, stops-force; the bundled Northumbria files use exactly these), or empty (a vehicle
 * search, or not recorded). Stop-and-search figures are grouped by them, so another value would
 * be a group of its own that no reader could interpret. (Outcome and Object of search are left
 * open: their wording has changed over the years and differs between forces.)
 */
const SEARCH_VOCABULARY = {
  Gender: new Set(['Male', 'Female', 'Other']),
  'Age range': new Set(['under 10', '10-17', '18-24', '25-34', 'over 34']),
} as const;
/**
 * An ISO 8601 date (and time) that exists on the calendar and the clock: Date.parse accepts
 * 2020-04-31, which DuckDB (rightly) does not.
 */
export function isRealDateTime(text: string): boolean {
  const m = ISO_PARTS.exec(text);
  if (!m || !ISO_DATE_TIME.test(text)) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return false;
  if (m[4] === undefined) return true;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && (m[6] === undefined || Number(m[6]) <= 59);
}

const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/u;
const ISO_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/u;
/**
 * Whether a search's Date (checked by isRealDateTime) is of `month`: its date as written, or
 * the date in the UK at that moment. police.uk writes the moment in UTC ("+00:00") and files a
 * search by its UK date, so a search at 00:05 BST on 1 June is in the June file as
 * "2020-05-31T23:05:00+00:00".
 */
export function searchOfMonth(dateText: string, month: Month): boolean {
  if (dateText.startsWith(month)) return true;
  if (!HAS_OFFSET.test(dateText)) return false;
  const moment = new Date(dateText);
  return !Number.isNaN(moment.getTime()) && ukMonth(moment) === month;
}

const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/u;
let ukMonthFormat: Intl.DateTimeFormat | null = null;

/** The month (YYYY-MM) in the UK at a moment. */
function ukMonth(moment: Date): string {
  ukMonthFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
  });
  const parts = ukMonthFormat.formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

const FLAG_COLUMNS = [
  'Part of a policing operation',
  'Outcome linked to object of search',
  'Removal of more than just outer clothing',
] as const;
const TEXT_COLUMNS = [
  'Policing operation',
  'Gender',
  'Age range',
  'Self-defined ethnicity',
  'Officer-defined ethnicity',
  'Legislation',
  'Object of search',
  'Outcome',
] as const;

function stopSearchMapper(ctx: MapperContext): RowMapper {
  const type = reader(ctx, 'Type');
  const date = reader(ctx, 'Date');
  const lon = reader(ctx, 'Longitude');
  const lat = reader(ctx, 'Latitude');
  const point: PointScratch = { present: false, lon: 0, lat: 0 };
  const flags = FLAG_COLUMNS.map((name) => ({ name, read: reader(ctx, name) }));
  const [operation, ...descriptive] = TEXT_COLUMNS.map((name) => reader(ctx, name)) as [
    Reader,
    ...Reader[],
  ];
  const vocabulary = Object.entries(SEARCH_VOCABULARY).map(([name, values]) => ({
    name,
    values,
    read: reader(ctx, name),
    shown: [...values].join(', '),
  }));
  const cell = cellOf(ctx);
  return (record, line, out, months) => {
    const searchType = type(record);
    if (!SEARCH_TYPES.has(searchType.toLowerCase())) {
      return {
        field: 'Type',
        reason: `"${searchType}" is not a search type (Person search, Vehicle search, …)`,
      };
    }
    const dateText = date(record);
    if (!isRealDateTime(dateText)) {
      return { field: 'Date', reason: `"${dateText}" is not a real ISO 8601 date and time` };
    }
    const problem = pointProblem(lon(record), lat(record), point);
    if (problem) return problem;
    for (const v of vocabulary) {
      const value = v.read(record);
      if (value !== '' && !v.values.has(value)) {
        return {
          field: v.name,
          reason: `"${value}" is not one of police.uk's values (${v.shown})`,
        };
      }
    }
    const flagValues: (boolean | null)[] = [];
    for (const f of flags) {
      const value = booleanValue(f.read(record));
      if (value === undefined)
        return { field: f.name, reason: `"${f.read(record)}" is not True or False` };
      flagValues.push(value);
    }
    const month = ctx.fileMonth ?? dateText.slice(0, 7);
    if (!searchOfMonth(dateText, month)) {
      return {
        field: 'Date',
        reason: `${dateText} is not in the file's month ${month}`,
        otherMonth: { month: dateText.slice(0, 7), value: dateText },
      };
    }
    countMonth(months, month);
    out.row(
      `${line},${month},${cell(searchType)},${cell(dateText)},${flag(flagValues[0] ?? null)},` +
        `${cell(operation(record))},${num(point.present ? point.lat : null)},` +
        `${num(point.present ? point.lon : null)},${descriptive.map((read) => cell(read(record))).join(',')},` +
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
