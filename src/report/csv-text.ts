/**
 * CSV as a spreadsheet opens it safely: a cell it would read as a formula (OWASP's list: = + -
 * @, tab, carriage return) is written with a leading single quote, so it opens as text. Numbers
 * are written as numbers, so a negative change stays a number. Used by the report's data files
 * and the API's exports; a file read back (the support directory) takes the quote off again
 * (domain/csv-formula.ts).
 */
import Papa from 'papaparse';

import { FORMULA_START } from '../domain/csv-formula.js';

export function csvText(fields: readonly string[], rows: readonly (string | number)[][]): string {
  const text = Papa.unparse(
    { fields: [...fields], data: rows.map((r) => [...r]) },
    { newline: '\n', escapeFormulae: FORMULA_START },
  );
  // Papa ends a table of no rows with a newline already: a second would be an empty record.
  return text.endsWith('\n') ? text : `${text}\n`;
}
