/**
 * Cells a spreadsheet would read as a formula, and the escape that keeps them text. Lantern's CSV
 * files (report/csv-text.ts) write such a cell (OWASP's list: starting with = + - @, tab or
 * carriage return) with a leading single quote, so that it opens as text; a file Lantern reads
 * back (the support directory's CSV) takes that quote off again, and only that one: a quote
 * before any other character is the cell's own.
 */
export const FORMULA_START = /^[=+\-@\t\r]/u;

/** The cell as it was before the export escaped it: one leading ' before = + - @ tab or CR removed. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
