/**
 * A partner file's rows checked against its dataset's schema, through the mapping: each row is
 * accepted with typed values, or rejected with its line, the field and the rule it broke (never
 * its value: a rejected row may hold the very personal data the checks are there to keep out).
 * Personal fields are dropped or replaced by a keyed hash here, before anything reaches the store.
 *
 * Before any row is read the file as a whole is checked: every mapped column must exist, every
 * required field must come from a column or a constant, and personal data (`personal-data.ts`)
 * in any column Lantern reads refuses the whole file: a column whose header names personal data,
 * or one value holding a clear identifier, in a column that is mapped to a field stored as
 * written, or that is neither mapped nor ignored. Only columns mapped to personal fields (dropped
 * or hashed) and columns listed under `ignore` are exempt. The mapping's constants and value
 * translations, and the header row itself (a file with no header row has data there), are
 * checked the same way.
 */
import { createHmac } from 'node:crypto';

import type { DatasetMapping } from '../../domain/dataset-mapping.js';
import { slug, type DatasetDefinition, type DatasetField } from '../../domain/datasets.js';
import { MONTH_NAMES } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { PERSONAL_KIND_LABEL, personalKind } from '../../domain/personal-data.js';
import { findPersonalData, type PersonalDataFinding } from './personal-data.js';
import type { TableFile } from './table-file.js';
import { wholeCount } from '../../domain/whole-count.js';

export type CheckedValue = string | number | string[] | null;

export interface CheckedRow {
  line: number;
  values: Record<string, CheckedValue>;
}

/**
 * A row that was not imported: its line, the field and the rule it broke, never its values.
 * `month` and `area` are kept in memory only (to leave the months it held unknown), never stored.
 */
export interface RejectedPartnerRow {
  line: number;
  field: string | null;
  reason: string;
  /** The file's column the failing field was read from, when it was one column. */
  column?: string;
  /** The row's month and area where they could be read: a month it leaves unknown. */
  month?: string;
  area?: string;
}

export interface CheckedFile {
  rows: CheckedRow[];
  rejected: RejectedPartnerRow[];
  /** Columns of the file left out: not in the schema and not mapped (none look personal). */
  unmapped: string[];
}

export interface CheckOptions {
  /** Key for the keyed hash of `hash` fields (kept outside the database). */
  hashKey: Buffer;
}

/** How a field's value is read from a row: one column, flag columns, or a constant. */
type Source =
  | { kind: 'column'; column: string; fallback: string | null }
  | { kind: 'flags'; columns: Readonly<Record<string, string>> }
  | { kind: 'constant'; value: string }
  | { kind: 'none' };

export function checkPartnerFile(
  table: TableFile,
  dataset: DatasetDefinition,
  mapping: DatasetMapping,
  options: CheckOptions,
): CheckedFile {
  const where = mapping.source ? `mapping ${mapping.source}` : 'the file';
  const headers = new Set(table.headers);
  const fieldNames = new Set(dataset.fields.map((f) => f.name));
  for (const field of Object.keys({ ...mapping.columns, ...mapping.constants, ...mapping.values }))
    if (!fieldNames.has(field))
      throw new InputError(
        `${where}: "${field}" is not a field of ${dataset.name} (fields: ${[...fieldNames].join(', ')})`,
      );
  refusePersonalHeader(table);
  const sources = new Map<string, Source>();
  for (const field of dataset.fields) sources.set(field.name, sourceOf(field, table, mapping));
  for (const [field, source] of sources) {
    const missing =
      source.kind === 'column'
        ? [source.column]
        : source.kind === 'flags'
          ? Object.values(source.columns)
          : [];
    for (const column of missing)
      if (!headers.has(column))
        throw new InputError(
          `${table.path}: no column "${column}" for field ${field} (columns: ${table.headers.join(', ')})`,
        );
  }
  for (const field of dataset.fields) {
    const source = sources.get(field.name);
    if (source?.kind !== 'flags') continue;
    if (field.type !== 'enum-list')
      throw new InputError(`${where}: columns.${field.name}: only a list field takes flag columns`);
    for (const value of Object.keys(source.columns))
      if (!field.values?.includes(value))
        throw new InputError(
          `${where}: columns.${field.name}.${value}: not one of ${field.values?.join(', ')}`,
        );
  }
  const missingRequired = dataset.fields.filter(
    (f) => f.required && sources.get(f.name)?.kind === 'none',
  );
  if (missingRequired.length > 0)
    throw new InputError(
      `${table.path}: no column for required field(s) ${missingRequired.map((f) => f.name).join(', ')} of ${dataset.name}; ` +
        `name the columns in a mapping file (--mapping) or give a constant`,
    );

  const used = new Set<string>();
  for (const source of sources.values()) {
    if (source.kind === 'column') used.add(source.column);
    if (source.kind === 'flags') for (const c of Object.values(source.columns)) used.add(c);
  }
  const unmapped = table.headers.filter((h) => !used.has(h) && !mapping.ignore.includes(h));
  refusePersonalData(table, dataset, mapping, sources, unmapped);

  const rows: CheckedRow[] = [];
  const rejected: RejectedPartnerRow[] = [];
  /** The first date that is no day/month/year but is a month/day/year, and the first slash date read. */
  let monthFirst: { line: number; raw: string } | null = null;
  let slashDate: { line: number; raw: string; date: string } | null = null;
  for (const row of table.rows) {
    const values: Record<string, CheckedValue> = {};
    let problem: { field: string; reason: string; column?: string } | null = null;
    for (const field of dataset.fields) {
      const source = sources.get(field.name) as Source;
      const text =
        source.kind === 'column' && row.uncalculated?.includes(source.column)
          ? { error: UNCALCULATED_FORMULA }
          : rawValue(source, row.values);
      const result =
        'error' in text ? text : readValue(field, text.value as string, mapping, options);
      if (field.type === 'date' && !('error' in text)) {
        const raw = (text.value as string).trim();
        const slash = SLASH_DATE.exec(raw);
        if (slash && 'error' in result && Number(slash[1]) <= 12 && Number(slash[2]) > 12)
          monthFirst ??= { line: row.line, raw };
        if (slash && !('error' in result))
          slashDate ??= { line: row.line, raw, date: result.value as string };
      }
      if ('error' in result) {
        problem = {
          field: field.name,
          reason: result.error,
          ...(source.kind === 'column' ? { column: source.column } : {}),
        };
        break;
      }
      if (field.personal === 'drop') continue;
      values[field.name] = result.value;
    }
    if (!problem) problem = checkLocation(dataset, values);
    if (problem) {
      const month =
        values.month ?? (typeof values.date === 'string' ? values.date.slice(0, 7) : null);
      rejected.push({
        line: row.line,
        field: problem.field,
        reason: problem.reason,
        ...(problem.column !== undefined ? { column: problem.column } : {}),
        ...(typeof month === 'string' ? { month } : {}),
        ...(typeof values.area === 'string' ? { area: values.area } : {}),
      });
    } else rows.push({ line: row.line, values });
  }
  if (monthFirst) refuseMonthFirstDates(table.path, monthFirst, slashDate);
  return { rows, rejected, unmapped };
}

/** A date written with slashes (or dots or dashes): two numbers and a four-digit year. */
const SLASH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u;

/**
 * A file whose dates are written month first (01/13/2025) cannot be read day first: its dates
 * that fit either way (01/05/2025) would be taken as 1 May, not 5 January, inventing months and
 * zeros. A US-ordered file was imported with its January and February moved to March and May
 * (a QA sweep). One date that fits only month first refuses the file.
 */
function refuseMonthFirstDates(
  path: string,
  monthFirst: { line: number; raw: string },
  slashDate: { line: number; raw: string; date: string } | null,
): never {
  const read = slashDate
    ? `, so its other dates, such as "${slashDate.raw}" on line ${slashDate.line} (read as ${slashDate.date}), cannot be trusted either`
    : '';
  throw new InputError(
    `${path}:${monthFirst.line}: date "${monthFirst.raw}" is not day/month/year but would be month/day/year: ` +
      `the file looks written month first (US order)${read}; nothing imported. ` +
      'Save its dates as YYYY-MM-DD (or day/month/year) and import it again',
  );
}

/**
 * Refuses a file whose header row holds a clear identifier: a file with no header row has its
 * first row of data there, whose values would otherwise be listed back (and stored as column
 * names). The column is named by its position, never by its text.
 */
function refusePersonalHeader(table: TableFile): void {
  for (const [i, header] of table.headers.entries()) {
    const kind = personalKind(header);
    if (kind === null) continue;
    throw new InputError(
      `${table.path}: the header row holds ${PERSONAL_KIND_LABEL[kind]} (column ${i + 1}), ` +
        `so the file may have no header row and start with a row of data. Nothing was imported. ` +
        `Add a header row naming the columns (or name the header's row with header_row in a mapping file, --mapping), ` +
        `take the personal details out of the file, then import it again`,
    );
  }
}

/**
 * Refuses a file with personal data in a column Lantern reads (mapped to a field stored as
 * written, or neither mapped nor ignored), or in the mapping's constants or value translations.
 * The message names the file, each column, the kind of data and the line of its first value
 * (never the value), and how to go on.
 */
function refusePersonalData(
  table: TableFile,
  dataset: DatasetDefinition,
  mapping: DatasetMapping,
  sources: ReadonlyMap<string, Source>,
  unmapped: readonly string[],
): void {
  // Columns feeding fields stored as written (not dropped or hashed), with those fields.
  const storedAs = new Map<string, string[]>();
  for (const field of dataset.fields) {
    if (field.personal) continue;
    const source = sources.get(field.name);
    const columns =
      source?.kind === 'column'
        ? [source.column]
        : source?.kind === 'flags'
          ? Object.values(source.columns)
          : [];
    for (const c of columns) storedAs.set(c, [...(storedAs.get(c) ?? []), field.name]);
  }
  const checked = table.headers.filter((h) => storedAs.has(h) || unmapped.includes(h));
  const found: string[] = findPersonalData(table, checked).map((p) =>
    describeFinding(p, storedAs.get(p.column)),
  );
  const where = mapping.source ? `the mapping ${mapping.source}` : '--area';
  for (const [field, value] of Object.entries(mapping.constants)) {
    const kind = personalKind(value);
    if (kind)
      found.push(`the constant given for ${field} in ${where}: ${PERSONAL_KIND_LABEL[kind]}`);
  }
  for (const [field, translations] of Object.entries(mapping.values))
    for (const value of Object.values(translations)) {
      const kind = personalKind(value);
      if (kind) found.push(`a value given for ${field} in ${where}: ${PERSONAL_KIND_LABEL[kind]}`);
    }
  if (found.length === 0) return;
  const mapTo = (kind: 'hash' | 'drop', what: string, how: string) =>
    dataset.fields
      .filter((f) => f.personal === kind)
      .map((f) => ` A column of ${what} can be mapped to ${f.name} (${how}).`)
      .join('');
  const personalFields =
    mapTo('hash', 'references', 'kept only as a keyed hash') +
    mapTo('drop', 'free text', 'dropped on import');
  throw new InputError(
    `${table.path}: personal data in what Lantern would read: ${found.join('; ')}. ` +
      `Nothing was imported. A column the partnership does not need: list it under "ignore" ` +
      `in a mapping file (--mapping), and map the field to another column if it was mapped.` +
      personalFields +
      ` A column it needs: take the personal details out of the file (or rename a header that ` +
      `names personal data the column does not hold), then import it again`,
  );
}

function describeFinding(p: PersonalDataFinding, fields: readonly string[] | undefined): string {
  const what =
    p.evidence === 'header'
      ? `its header suggests ${PERSONAL_KIND_LABEL[p.kind]}`
      : `${PERSONAL_KIND_LABEL[p.kind]} on line ${p.firstLine}` +
        (p.matches > 1 ? ` (${p.matches} values in all)` : '');
  const use = fields ? `read as ${fields.join(', ')}` : 'not mapped';
  return `column "${p.column}": ${what}, ${use}`;
}

/**
 * Where a field's value comes from: the column the mapping names, else a column named like the
 * field (case, spaces and underscores aside); a constant (from the mapping or --area) fills in
 * the rows whose column is empty, or every row when there is no column.
 */
function sourceOf(field: DatasetField, table: TableFile, mapping: DatasetMapping): Source {
  const mapped = mapping.columns[field.name];
  const constant = mapping.constants[field.name] ?? null;
  if (typeof mapped === 'string') return { kind: 'column', column: mapped, fallback: constant };
  if (mapped && typeof mapped === 'object') return { kind: 'flags', columns: mapped };
  const wanted = slug(field.name);
  const column = table.headers.find((h) => slug(h) === wanted);
  if (column) return { kind: 'column', column, fallback: constant };
  return constant !== null ? { kind: 'constant', value: constant } : { kind: 'none' };
}

/** Said of a cell holding a formula the workbook was saved without calculating. */
const UNCALCULATED_FORMULA =
  'a formula with no calculated value (the workbook was saved without calculating it): ' +
  'open the workbook in Excel and save it, then import it again';

const YES = new Set(['y', 'yes', 'true', 't', '1', 'x']);
const NO = new Set(['', 'n', 'no', 'false', 'f', '0', 'n/a', 'na', '-']);

/** The field's text in a row; for flag columns, the values whose flag is set. */
function rawValue(source: Source, row: Readonly<Record<string, string>>): Read {
  switch (source.kind) {
    case 'column': {
      const text = (row[source.column] ?? '').trim();
      return { value: text === '' && source.fallback !== null ? source.fallback.trim() : text };
    }
    case 'constant':
      return { value: source.value.trim() };
    case 'flags': {
      const set: string[] = [];
      for (const [value, column] of Object.entries(source.columns)) {
        const flag = (row[column] ?? '').trim().toLowerCase();
        if (YES.has(flag)) set.push(value);
        else if (!NO.has(flag))
          return { error: `column "${column}" is neither yes (Y) nor no (N)` };
      }
      return { value: set.join(';') };
    }
    case 'none':
      return { value: '' };
  }
}

type Read = { value: CheckedValue } | { error: string };

function readValue(
  field: DatasetField,
  raw: string,
  mapping: DatasetMapping,
  options: CheckOptions,
): Read {
  if (raw === '') return field.required ? { error: 'required, but empty' } : { value: null };
  if (field.personal === 'drop') return { value: null };
  if (field.personal === 'hash')
    return { value: createHmac('sha256', options.hashKey).update(raw).digest('hex').slice(0, 32) };
  const translate = (v: string) => {
    const table = mapping.values[field.name];
    if (!table) return v;
    const hit = Object.entries(table).find(
      ([from]) => from.trim().toLowerCase() === v.trim().toLowerCase(),
    );
    return hit ? hit[1] : v;
  };
  switch (field.type) {
    case 'date': {
      const date = parseDate(raw);
      if (date) return { value: date };
      // 45809 is 1 June 2025 as Excel keeps it: a date cell saved without its date format.
      return EXCEL_SERIAL.test(raw)
        ? {
            error:
              'not a date (YYYY-MM-DD or DD/MM/YYYY): a number of five figures is how Excel keeps a date; format the column as a date in the workbook, or write YYYY-MM-DD',
          }
        : { error: 'not a date (YYYY-MM-DD or DD/MM/YYYY)' };
    }
    case 'month': {
      const month = parseMonth(raw);
      return month ? { value: month } : { error: `not a month (${MONTH_FORMS})` };
    }
    case 'enum': {
      const value = slug(translate(raw));
      return field.values?.includes(value)
        ? { value }
        : { error: `not one of ${field.values?.join(', ')}` };
    }
    case 'enum-list': {
      const tokens = raw
        .split(/[;,|]/u)
        .map((v) => v.trim())
        .filter(Boolean);
      const bad = tokens.findIndex((t) => !field.values?.includes(slug(translate(t))));
      if (bad !== -1)
        return {
          error: `value ${bad + 1} of ${tokens.length} is not one of ${field.values?.join(', ')}`,
        };
      const values = [...new Set(tokens.map((t) => slug(translate(t))))];
      if (values.length === 0)
        return field.required ? { error: 'required, but empty' } : { value: null };
      return { value: values };
    }
    case 'integer':
      return wholeCount(raw);
    case 'share': {
      const percent = raw.endsWith('%');
      const n = Number(percent ? raw.slice(0, -1) : raw);
      if (!Number.isFinite(n) || n < 0) return { error: 'not a share (0..1 or a percentage)' };
      const share = percent || n > 1 ? n / 100 : n;
      return share <= 1 ? { value: share } : { error: 'more than 100%' };
    }
    case 'longitude':
    case 'latitude': {
      const n = Number(raw);
      const limit = field.type === 'longitude' ? 180 : 90;
      return Number.isFinite(n) && Math.abs(n) <= limit
        ? { value: n }
        : { error: `not a ${field.type}` };
    }
    case 'area':
    case 'text':
      return { value: translate(raw) };
  }
}

function checkLocation(
  dataset: DatasetDefinition,
  values: Record<string, CheckedValue>,
): { field: string; reason: string } | null {
  const lon = values.longitude ?? null;
  const lat = values.latitude ?? null;
  if ((lon === null) !== (lat === null))
    return {
      field: lon === null ? 'longitude' : 'latitude',
      reason: 'longitude and latitude come together',
    };
  if (dataset.detail === 'incident' && values.area == null && lon === null)
    return {
      field: 'area',
      reason: 'no location: give an area, longitude and latitude, or --area',
    };
  return null;
}

/** YYYY-MM-DD (a time after it is ignored) or DD/MM/YYYY (UK order); null when not a real date. */
export function parseDate(raw: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/u.exec(raw);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = SLASH_DATE.exec(raw);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

/** Months by the first three letters of their names, as partners abbreviate them: jan, feb … */
const MONTH_ABBREVIATIONS = MONTH_NAMES.map((name) => name.slice(0, 3).toLowerCase());

/** An Excel day number from 2000 (36526) to 2099 (73415), possibly with a time as its fraction. */
const EXCEL_SERIAL = /^(?:3[6-9]|[4-6]\d|7[0-3])\d{3}(?:\.\d+)?$/u;

/** The forms a month field takes, as a rejected row's reason names them. */
const MONTH_FORMS = 'YYYY-MM, MM/YYYY, a date, or a month and year: June 2025, Jun-25';

/**
 * YYYY-MM, MM/YYYY, a date (its month), or a month name and year: "Jan 2025", "January 2025",
 * and "Jan-25", which is how Excel writes a month cell (mmm-yy) to CSV: a two-figure year is of
 * this century (no partner data before 2000 is taken: domain/plausible-dates.ts), and only after a
 * hyphen ("Mar 25" may be 25 March).
 */
export function parseMonth(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})$/u.exec(raw);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? raw : null;
  const slashed = /^(\d{1,2})\/(\d{4})$/u.exec(raw);
  if (slashed) {
    const month = Number(slashed[1]);
    return month >= 1 && month <= 12 ? `${slashed[2]}-${String(month).padStart(2, '0')}` : null;
  }
  const date = parseDate(raw);
  if (date) return date.slice(0, 7);
  // Two figures only after a hyphen, as Excel writes them: "Mar 25" may be 25 March.
  const named = /^([a-z]{3})[a-z]*\.?(?:\s+(\d{4})|-(\d{4}|\d{2}))$/iu.exec(raw);
  if (named) {
    const i = MONTH_ABBREVIATIONS.indexOf((named[1] as string).toLowerCase());
    const written = (named[2] ?? named[3]) as string;
    const year = written.length === 2 ? `20${written}` : written;
    if (i >= 0) return `${year}-${String(i + 1).padStart(2, '0')}`;
  }
  return null;
}
