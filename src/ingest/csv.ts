/**
 * CSV text to records with their line numbers, through papaparse (RFC 4180: quoted fields with
 * commas, quotes and newlines; LF or CRLF line ends). A record's line is the 1-based line of the
 * file on which it starts, counting the lines that quoted newlines add, so that every rejected
 * row can be found in the file the user has.
 */
import Papa from 'papaparse';

import { InputError } from '../errors.js';

export interface CsvRecords {
  header: string[];
  /** Records after the header, blank lines dropped. */
  records: string[][];
  /** `lines[i]` is the line on which `records[i]` starts. */
  lines: number[];
  /** Records papaparse flagged as malformed (stray quotes), by index into `records`. */
  malformed: Map<number, string>;
}

export function parseCsv(text: string, path: string): CsvRecords {
  const result = Papa.parse<string[]>(text, { delimiter: ',', quoteChar: '"', escapeChar: '"' });
  const rows = result.data;
  const unterminated = result.errors.find((e) => e.code === 'MissingQuotes');
  const lineOfRow = lineNumbers(rows);
  if (unterminated) {
    const line = lineOfRow[unterminated.row ?? 0] ?? 1;
    throw new InputError(
      `${path}:${line}: a quoted field is never closed, so the rest of the file cannot be read`,
    );
  }
  const header = rows[0] ?? [];
  const malformedRows = new Map<number, string>();
  for (const e of result.errors) {
    if (e.type === 'Quotes' && e.row !== undefined) malformedRows.set(e.row, e.message);
  }
  const records: string[][] = [];
  const lines: number[] = [];
  const malformed = new Map<number, string>();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i] as string[];
    if (row.length === 1 && row[0] === '') continue; // blank line
    const message = malformedRows.get(i);
    if (message) malformed.set(records.length, message);
    records.push(row);
    lines.push(lineOfRow[i] as number);
  }
  return { header, records, lines, malformed };
}

/** The starting line of each parsed row: one line per row plus the newlines inside its fields. */
function lineNumbers(rows: readonly string[][]): number[] {
  const out = new Array<number>(rows.length);
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    out[i] = line;
    line += 1;
    for (const field of rows[i] as string[]) {
      if (field.length > 0 && field.includes('\n')) line += countNewlines(field);
    }
  }
  return out;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at !== -1; at = s.indexOf('\n', at + 1)) n++;
  return n;
}
