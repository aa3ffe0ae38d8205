/**
 * A partner's table file (`lantern import --dataset NAME FILE`) read into a header and rows of
 * text, whatever form the partner sent it in: CSV, gzipped CSV or an Excel workbook (.xlsx).
 * Partners export from many systems, so the reading is forgiving where it can be without
 * guessing wrongly: CSV that is not UTF-8 is read as Windows-1252 (DEFRA's fly-tipping file is
 * latin-1), a title line above the header is skipped, and every workbook cell becomes the text a
 * person reading the sheet would type (dates as YYYY-MM-DD, numbers without exponents). What
 * cannot be read safely (a repeated or blank column name, a row wider than the header, a file
 * that is not what its name says) is refused with an InputError naming the file and the line.
 *
 * Pure ingest: this reads bytes and hands back text; the dataset's meaning is decided elsewhere.
 */
import { max } from 'd3-array';
import { isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';

import type { CellValue, Worksheet } from 'exceljs';

import { InputError } from '../../errors.js';
import { readCsv } from '../csv.js';
import { decodeCsvText, decodeWindows1252 } from '../decode.js';
import { gunzipWithin } from '../gunzip.js';
import { checkZipSizes } from '../zip.js';

/** One row after the header. `line`: 1-based row of the file or sheet (the header row counts). */
export interface TableRow {
  line: number;
  /** Cell text keyed by header text (trimmed); '' for an empty or missing cell. */
  values: Record<string, string>;
  /**
   * Columns (header text) whose cell is a formula the workbook was saved without calculating:
   * Excel shows its value, but the file holds none ('' in `values`).
   */
  uncalculated?: string[];
}

export interface TableFile {
  path: string;
  /** The worksheet read, for a workbook; null for CSV. */
  sheet: string | null;
  headers: string[];
  /** Rows after the header, blank rows left out. */
  rows: TableRow[];
  /**
   * A CSV file whose last byte ends no line: if its last row is then rejected, it was most
   * likely cut inside a field (usecases/import-partner-data.ts refuses such a file).
   */
  unended?: boolean;
}

export interface ReadTableOptions {
  /** Worksheet name (matched ignoring case); default: the first visible worksheet. */
  sheet?: string;
  /** 1-based row of the header; default: found as `findHeader` describes. */
  headerRow?: number;
}

const SUPPORTED = '.csv, .csv.gz or .xlsx';
/** Rows looked at to find the header. */
const HEADER_SEARCH_ROWS = 20;

/** A row as read, before the header is known: its line and its cells, left to right. */
interface RawRow {
  line: number;
  cells: string[];
  /** Columns (0-based) of formulas saved with no calculated value. */
  uncalculated?: number[];
}

interface RawTable {
  sheet: string | null;
  rows: RawRow[];
  /** Where a line is, for messages: `file.csv:3` or `file.xlsx, sheet "Data", row 3`. */
  at(line: number): string;
  /** A column for messages: `column 3`, with its letter in a workbook. */
  column(index: number): string;
  /** A CSV file whose last byte ends no line: its last row may be cut short. */
  unended?: boolean;
  /** A workbook's merged cells: their range ("B2:B3") and first and last rows. */
  merges?: { range: string; top: number; bottom: number }[];
}

export async function readTableFile(
  path: string,
  options: ReadTableOptions = {},
): Promise<TableFile> {
  const { headerRow, sheet } = options;
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    throw new InputError(`the header row must be a whole number from 1 up (not ${headerRow})`);
  }
  const lower = path.toLowerCase();
  let raw: RawTable;
  if (lower.endsWith('.xlsx')) {
    raw = await readXlsx(path, await readBytes(path), sheet);
  } else if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) {
    if (sheet !== undefined) {
      throw new InputError(
        `${path}: a CSV file has no sheets (the sheet "${sheet}" was asked for)`,
      );
    }
    let bytes: Uint8Array = await readBytes(path);
    if (lower.endsWith('.gz')) bytes = await gunzipBytes(bytes, path);
    raw = readCsvRows(bytes, path);
  } else {
    const hint = lower.endsWith('.xls') ? ' (save an .xls workbook as .xlsx first)' : '';
    throw new InputError(`${path}: unsupported file type; use ${SUPPORTED}${hint}`);
  }
  return toTable(path, raw, headerRow);
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such file`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a folder, not a file`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${path}: permission denied`);
    throw error;
  }
}

async function gunzipBytes(bytes: Uint8Array, path: string): Promise<Uint8Array> {
  if (bytes.length === 0) throw new InputError(`${path}: the file is empty`);
  return gunzipWithin(bytes, path);
}

// ---------------------------------------------------------------------------------------------
// Header and rows

/** The raw rows as a table: the header found, checked, and each later row keyed by it. */
function toTable(path: string, raw: RawTable, headerRow: number | undefined): TableFile {
  const rows = raw.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) {
    const what = raw.sheet === null ? 'the file' : `the sheet "${raw.sheet}"`;
    throw new InputError(`${path}: ${what} is empty`);
  }
  const h = headerRow === undefined ? findHeader(rows) : givenHeader(rows, headerRow, raw);
  const header = rows[h] as RawRow;
  refuseMergedData(path, raw, header.line);
  const headers = checkHeader(header, raw);
  refuseCutShort(rows.slice(h + 1), headers.length, raw);
  const out: TableRow[] = [];
  for (const row of rows.slice(h + 1)) {
    const extra = row.cells.findIndex((c, i) => i >= headers.length && c.trim() !== '');
    if (extra !== -1) {
      throw new InputError(
        // The cell is named by its place, never quoted: it may hold personal data.
        `${raw.at(row.line)}: the row has more cells than the header (${raw.column(extra)} ` +
          `holds a value but the header has ${headers.length} columns)` +
          (raw.sheet === null && splitThousands(row.cells)
            ? '. A number written with a thousands separator (1,234) is read as two cells: ' +
              'put it in quotes ("1,234") or write it without the comma (1234)'
            : ''),
      );
    }
    const values: Record<string, string> = {};
    headers.forEach((name, i) => (values[name] = row.cells[i] ?? ''));
    const uncalculated = (row.uncalculated ?? []).flatMap((i) => headers[i] ?? []);
    out.push({ line: row.line, values, ...(uncalculated.length > 0 ? { uncalculated } : {}) });
  }
  const table: TableFile = { path, sheet: raw.sheet, headers, rows: out };
  if (raw.unended) table.unended = true;
  return table;
}

/**
 * Whether a CSV row's cells look like a number whose thousands separator split it: a cell of one
 * to three digits followed by one of exactly three ("1", "234" from an unquoted 1,234).
 */
function splitThousands(cells: readonly string[]): boolean {
  return cells.some(
    (c, i) =>
      i > 0 &&
      /^\d{3}(\.\d+)?$/u.test(c.trim()) &&
      /^-?\d{1,3}$/u.test((cells[i - 1] ?? '').trim()),
  );
}

/**
 * A CSV file that ends inside a line (no line end after a last row with fewer cells than both
 * the header and the row before it; a file of one row is given the benefit of the doubt) was cut
 * short: copied or downloaded in part. Its rows would
 * replace a month's good rows with some of them, so the file is refused, naming the line.
 */
function refuseCutShort(rows: readonly RawRow[], width: number, raw: RawTable): void {
  if (!raw.unended || rows.length === 0) return;
  const last = rows[rows.length - 1] as RawRow;
  const before = rows[rows.length - 2];
  const cells = last.cells.length;
  if (cells < width && before !== undefined && cells < before.cells.length) {
    throw new InputError(
      `${raw.at(last.line)}: the last line is incomplete (${cells} of the header's ${width} ` +
        'cells, and no line end): the file looks cut short; nothing imported from it. Export ' +
        'or copy it again.',
    );
  }
}

const filled = (row: RawRow) => row.cells.map((c) => c.trim()).filter((c) => c !== '');
const hasRepeats = (cells: string[]) => new Set(cells).size !== cells.length;

/**
 * The header is the first of the first 20 non-blank rows whose non-empty cells number at least
 * half of the widest of those rows and are all different: a title line above the header (one
 * cell, or one merged cell whose value every covered cell repeats) fails one test or the other.
 * A data row can pass both, so when a row with repeated names came first and looks like a header
 * (at least as many names as the row chosen, and more than one distinct name) the file is
 * refused rather than a data row taken as the header.
 */
/**
 * Cells merged over a row below the header: exceljs gives every cell of the range the one value,
 * so a count merged over two rows was counted in both (a QA sweep: 20 incidents in March shown
 * once, stored for March and April). Cells merged from the header down are a header of two rows
 * ("Counts" over "Incidents" and "Crimes", "Month" merged over both), said as such. A merged title
 * above the header is left alone.
 */
function refuseMergedData(path: string, raw: RawTable, headerLine: number): void {
  const merged = raw.merges?.find((m) => m.bottom > headerLine);
  if (!merged) return;
  if (merged.top <= headerLine)
    throw new InputError(
      `${path}, sheet "${raw.sheet}": the header takes more than one row (cells ${merged.range} are merged ` +
        `over rows ${merged.top} to ${merged.bottom}); nothing imported. The header must be one row holding the ` +
        'field names, one per column (such as month, area, incidents, crimes): unmerge the cells and put ' +
        "each column's name in that one row, with the data in the rows below it",
    );
  throw new InputError(
    `${path}, sheet "${raw.sheet}": cells ${merged.range} are merged over rows of data, ` +
      'so every cell they cover would take their one value (a count merged over two rows would be counted twice); ' +
      'nothing imported. Unmerge them and give each row its own value',
  );
}

function findHeader(rows: RawRow[]): number {
  const first = rows.slice(0, HEADER_SEARCH_ROWS);
  const widest = max(first, (r) => filled(r).length) ?? 0;
  const wide = (r: RawRow) => filled(r).length * 2 >= widest;
  const chosen = first.findIndex((r) => wide(r) && !hasRepeats(filled(r)));
  const repeated = first.findIndex(
    (r, i) =>
      (chosen === -1 || i < chosen) &&
      wide(r) &&
      new Set(filled(r)).size > 1 &&
      (chosen === -1 || filled(r).length >= filled(first[chosen] as RawRow).length),
  );
  // The row with repeated names is taken as the header, so that checkHeader names them.
  if (repeated !== -1) return repeated;
  return chosen === -1 ? first.findIndex(wide) : chosen;
}

function givenHeader(rows: RawRow[], headerRow: number, raw: RawTable): number {
  const h = rows.findIndex((r) => r.line === headerRow);
  if (h !== -1) return h;
  const last = (rows[rows.length - 1] as RawRow).line;
  if (headerRow > last) {
    throw new InputError(`${raw.at(headerRow)}: no such row for the header (the last is ${last})`);
  }
  throw new InputError(`${raw.at(headerRow)}: the header row is blank`);
}

/** Trimmed header names, empty cells after the last name dropped; blank or repeated names refused. */
function checkHeader(header: RawRow, raw: RawTable): string[] {
  const names = header.cells.map((c) => c.trim());
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  const blank = names.flatMap((n, i) => (n === '' ? [raw.column(i)] : []));
  if (blank.length > 0) {
    throw new InputError(`${raw.at(header.line)}: the header has no name in ${blank.join(', ')}`);
  }
  const seen = new Map<string, number[]>();
  names.forEach((n, i) => seen.set(n, [...(seen.get(n) ?? []), i]));
  const repeats = [...seen].filter(([, at]) => at.length > 1);
  if (repeats.length > 0) {
    const list = repeats.map(([n, at]) => `"${n}" (${at.map((i) => raw.column(i)).join(', ')})`);
    throw new InputError(`${raw.at(header.line)}: the header repeats ${list.join('; ')}`);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** CSV bytes as rows: UTF-8 (with or without a byte-order mark), else Windows-1252. */
function readCsvRows(bytes: Uint8Array, path: string): RawTable {
  const rows: RawRow[] = [];
  readCsv(decodeText(bytes, path), path, {
    header: (cells) => rows.push({ line: 1, cells }),
    record: (cells, line, malformed) => {
      if (malformed) throw new InputError(`${path}:${line}: malformed quotes (${malformed})`);
      rows.push({ line, cells });
    },
  });
  return {
    sheet: null,
    rows,
    at: (line) => `${path}:${line}`,
    column: (i) => `column ${i + 1}`,
    unended: bytes.length > 0 && bytes[bytes.length - 1] !== 10 && bytes[bytes.length - 1] !== 13,
  };
}

/**
 * UTF-8 through decodeCsvText (which also refuses empty and binary files, and a file that starts
 * with a UTF-8 byte-order mark but is not UTF-8); anything else as Windows-1252, what "latin-1" files from Windows systems almost always are (it agrees with
 * ISO-8859-1 except that 0x80–0x9F hold characters such as € and – instead of controls).
 */
function decodeText(bytes: Uint8Array, path: string): string {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom || isUtf8(bytes) || bytes.subarray(0, 8192).includes(0)) {
    return decodeCsvText(bytes, path);
  }
  const text = decodeWindows1252(bytes);
  if (text.trim() === '') throw new InputError(`${path}: the file is empty`);
  return text;
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** The worksheet asked for (or the first visible one) as rows of cell text. */
async function readXlsx(path: string, bytes: Buffer, sheet: string | undefined): Promise<RawTable> {
  if (bytes.length === 0) throw new InputError(`${path}: the file is empty`);
  // An XLSX workbook is a zip archive; an encrypted workbook or an old .xls is an OLE file.
  const notXlsx = `${path}: not an XLSX workbook`;
  if (bytes.readUInt32BE(0) === 0xd0cf11e0) {
    throw new InputError(`${notXlsx} (it is an old .xls or a password-protected workbook)`);
  }
  if (bytes.readUInt16BE(0) !== 0x504b) throw new InputError(`${notXlsx} (it is not a zip file)`);
  // exceljs inflates the whole workbook at once: the sizes its parts declare are checked first.
  await checkZipSizes(bytes, path);
  // Loaded when a workbook is read (about 0.45 s), not by every command and server start.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types `load` with its own global `Buffer extends ArrayBuffer`, which a Node
    // Buffer does not satisfy; at run time it takes a Node Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new InputError(`${notXlsx} (${(error as Error).message})`);
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new InputError(`${notXlsx} (it holds no worksheets)`);
  const ws = pickSheet(path, sheets, sheet);
  const rows: RawRow[] = [];
  ws.eachRow((row, line) => {
    const cells: string[] = [];
    const uncalculated: number[] = [];
    row.eachCell((cell, col) => {
      while (cells.length < col - 1) cells.push('');
      if (isUncalculatedFormula(cell.value)) uncalculated.push(col - 1);
      cells.push(cellText(cell.value));
    });
    rows.push({ line, cells, ...(uncalculated.length > 0 ? { uncalculated } : {}) });
  });
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((range) => {
    const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/u.exec(range);
    return m ? [{ range, top: Number(m[1]), bottom: Number(m[2]) }] : [];
  });
  return {
    sheet: ws.name,
    rows,
    merges,
    at: (line) => `${path}, sheet "${ws.name}", row ${line}`,
    column: (i) => `column ${i + 1} (${columnLetters(i)})`,
  };
}

function pickSheet(path: string, sheets: Worksheet[], name: string | undefined): Worksheet {
  if (name === undefined)
    return sheets.find((s) => s.state === 'visible') ?? (sheets[0] as Worksheet);
  const wanted = name.trim().toLowerCase();
  const found = sheets.find((s) => s.name.trim().toLowerCase() === wanted);
  if (found) return found;
  const list = sheets.map((s) => `"${s.name}"`).join(', ');
  throw new InputError(`${path}: no sheet named "${name}"; the workbook's sheets are ${list}`);
}

/**
 * A cell's value as text: a date as YYYY-MM-DD (its UTC date, which is how exceljs hands over
 * the date the sheet shows), with THH:MM when it has a time of day, or HH:MM alone for a time
 * with no date (Excel's day 0, 1899-12-30); a number in plain decimals; rich text, hyperlinks and
 * formulas as the text or result shown; TRUE/FALSE; an error as its code (#N/A).
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue); // text may be rich text
  if ('error' in value) return value.error;
  return cellText(value.result); // a formula: its cached result ('' when never calculated)
}

/**
 * A formula saved with no calculated value: a workbook written by a script or some exports, never
 * opened in Excel since. Excel shows the value on opening; the file itself holds none.
 */
export function isUncalculatedFormula(value: CellValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value) &&
    (value.result === undefined || value.result === null)
  );
}

function dateText(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  // Serial day fractions carry floating-point error: round to the second before looking.
  const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  if (day === '1899-12-30') return time;
  return iso.slice(11, 19) === '00:00:00' ? day : `${day}T${time}`;
}

/** A number without exponent or grouping: 1e21 → "1000000000000000000000", 1e-7 → "0.0000001". */
export function plainNumber(n: number): string {
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/u.exec(s);
  if (!m) return s; // also Infinity and NaN, which cells cannot hold
  const [, sign = '', lead = '', fraction = '', exp = ''] = m;
  const digits = lead + fraction;
  const e = Number(exp);
  if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
  if (e >= fraction.length) return sign + digits + '0'.repeat(e - fraction.length);
  return `${sign}${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
}

/** 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}
