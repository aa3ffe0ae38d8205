/**
 * A partner file's rows checked against its dataset's schema, through the mapping: each row is
 * accepted with typed values, or rejected with its line, the field and the reason. Personal fields
 * are dropped or replaced by a keyed hash here, before anything reaches the store.
 *
 * Before any row is read the file as a whole is checked: every mapped column must exist, every
 * required field must come from a column or a constant, and a column that is neither mapped nor
 * ignored but looks like personal data (names, emails, phone numbers, dates of birth, postcodes,
 * addresses) refuses the whole file until the mapping says what it is.
 */
import { createHmac } from 'node:crypto';

import type { DatasetMapping } from '../../config/dataset-mapping.js';
import { slug, type DatasetDefinition, type DatasetField } from '../../domain/datasets.js';
import { InputError } from '../../errors.js';
import { findPersonalData } from './personal-data.js';
import type { TableFile } from './table-file.js';

export type CheckedValue = string | number | string[] | null;

export interface CheckedRow {
  line: number;
  values: Record<string, CheckedValue>;
}

export interface RejectedPartnerRow {
  line: number;
  field: string | null;
  reason: string;
  raw: string;
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
  // Unmapped columns by header or values; columns mapped to free-text fields by their values.
  const freeText = dataset.fields
    .filter((f) => f.type === 'text' && !f.personal)
    .map((f) => sources.get(f.name))
    .flatMap((s) => (s?.kind === 'column' ? [s.column] : []));
  const personal = [
    ...findPersonalData(table, unmapped),
    ...findPersonalData(table, freeText).filter((p) => p.evidence === 'values'),
  ];
  if (personal.length > 0) {
    const list = personal
      .map(
        (p) =>
          `"${p.column}" (${p.kind}, ${p.evidence === 'header' ? 'by its name' : `${p.matches} value(s), first on line ${p.firstLine}`})`,
      )
      .join(', ');
    throw new InputError(
      `${table.path}: refused: column(s) ${list} look like personal data and are not mapped. ` +
        `Map each to a field of ${dataset.name} (personal fields are dropped or hashed) or list it under "ignore" in a mapping file (--mapping); nothing was imported`,
    );
  }

  const rows: CheckedRow[] = [];
  const rejected: RejectedPartnerRow[] = [];
  for (const row of table.rows) {
    const values: Record<string, CheckedValue> = {};
    let problem: { field: string; reason: string } | null = null;
    for (const field of dataset.fields) {
      const text = rawValue(sources.get(field.name) as Source, row.values);
      const result =
        'error' in text ? text : readValue(field, text.value as string, mapping, options);
      if ('error' in result) {
        problem = { field: field.name, reason: result.error };
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
        raw: rawText(row.values, dataset, sources),
        ...(typeof month === 'string' ? { month } : {}),
        ...(typeof values.area === 'string' ? { area: values.area } : {}),
      });
    } else rows.push({ line: row.line, values });
  }
  return { rows, rejected, unmapped };
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
          return { error: `column "${column}": "${row[column]}" is neither yes (Y) nor no (N)` };
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
      return date
        ? { value: date }
        : { error: `"${raw}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` };
    }
    case 'month': {
      const month = parseMonth(raw);
      return month ? { value: month } : { error: `"${raw}" is not a month (YYYY-MM)` };
    }
    case 'enum': {
      const value = slug(translate(raw));
      return field.values?.includes(value)
        ? { value }
        : { error: `"${raw}" is not one of ${field.values?.join(', ')}` };
    }
    case 'enum-list': {
      const tokens = raw
        .split(/[;,|]/u)
        .map((v) => v.trim())
        .filter(Boolean);
      const bad = tokens.find((t) => !field.values?.includes(slug(translate(t))));
      if (bad !== undefined) return { error: `"${bad}" is not one of ${field.values?.join(', ')}` };
      const values = [...new Set(tokens.map((t) => slug(translate(t))))];
      if (values.length === 0)
        return field.required ? { error: 'required, but empty' } : { value: null };
      return { value: values };
    }
    case 'integer': {
      const clean = raw.replace(/,/gu, '');
      if (!/^\d+(\.0+)?$/u.test(clean)) return { error: `"${raw}" is not a whole number ≥ 0` };
      return { value: Number.parseInt(clean, 10) };
    }
    case 'share': {
      const percent = raw.endsWith('%');
      const n = Number(percent ? raw.slice(0, -1) : raw);
      if (!Number.isFinite(n) || n < 0)
        return { error: `"${raw}" is not a share (0..1 or a percentage)` };
      const share = percent || n > 1 ? n / 100 : n;
      return share <= 1 ? { value: share } : { error: `"${raw}" is more than 100%` };
    }
    case 'longitude':
    case 'latitude': {
      const n = Number(raw);
      const limit = field.type === 'longitude' ? 180 : 90;
      return Number.isFinite(n) && Math.abs(n) <= limit
        ? { value: n }
        : { error: `"${raw}" is not a ${field.type}` };
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

/**
 * The rejected row as kept for the analyst: only the columns that feed fields of the schema
 * which are not personal. Ignored, unmapped and personal columns are never stored.
 */
function rawText(
  row: Readonly<Record<string, string>>,
  dataset: DatasetDefinition,
  sources: ReadonlyMap<string, Source>,
): string {
  const kept: string[] = [];
  for (const field of dataset.fields) {
    if (field.personal) continue;
    const s = sources.get(field.name);
    if (s?.kind === 'column') kept.push(s.column);
    if (s?.kind === 'flags') kept.push(...Object.values(s.columns));
  }
  return [...new Set(kept)].map((column) => `${column}=${row[column] ?? ''}`).join('; ');
}

/** YYYY-MM-DD (a time after it is ignored) or DD/MM/YYYY (UK order); null when not a real date. */
export function parseDate(raw: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/u.exec(raw);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(raw);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  return date.toISOString().slice(0, 10);
}

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/** YYYY-MM, a date (its month), or "Jan 2025" / "January 2025". */
export function parseMonth(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})$/u.exec(raw);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? raw : null;
  const date = parseDate(raw);
  if (date) return date.slice(0, 7);
  const named = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/iu.exec(raw);
  if (named) {
    const i = MONTH_NAMES.indexOf((named[1] as string).toLowerCase());
    if (i >= 0) return `${named[2]}-${String(i + 1).padStart(2, '0')}`;
  }
  return null;
}
