/**
 * CSV as a spreadsheet opens it safely: a cell it would read as a formula (OWASP's list: = + -
 * @, tab, carriage return) is written with a leading single quote, so it opens as text. Numbers
 * are written as numbers, so a negative change stays a number. Used by the report's data files
 * and the API's exports; a file read back (the support directory) takes the quote off again
 * (domain/csv-formula.ts).
 */
import Papa from 'papaparse';

import { FORMULA_START } from '../domain/csv-formula.js';

/**
 * Control characters other than tab and line ends: an escape sequence in an action's title
 * (ESC [31m) reached the plan's CSV as it was, to recolour a terminal that shows the file; the
 * XLSX dropped it. Dropped here too.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/gu;
const clean = (v: string | number) => (typeof v === 'string' ? v.replace(CONTROL, '') : v);

/**
 * The byte-order mark that tells Excel a CSV is UTF-8: without it Excel reads the file in the
 * machine's code page, and "Ynys Môn" or an en dash comes out garbled. Readers that do not need it
 * (Papa Parse, DuckDB, R's readr) skip it.
 */
export const CSV_BOM = '\uFEFF';

export function csvText(fields: readonly string[], rows: readonly (string | number)[][]): string {
  const text = Papa.unparse(
    { fields: fields.map((f) => clean(f) as string), data: rows.map((r) => r.map(clean)) },
    { newline: '\n', escapeFormulae: FORMULA_START },
  );
  // Papa ends a table of no rows with a newline already: a second would be an empty record.
  return text.endsWith('\n') ? text : `${text}\n`;
}
