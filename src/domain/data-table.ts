/**
 * A table of numbers as a spreadsheet or Power BI takes it: named columns, one value per cell
 * (text, a number or nothing), and the notes a reader needs to read it right (what a missing
 * row means). Exports write it as CSV, XLSX or Parquet.
 */
export type TableCell = string | number | null;

export interface DataTable {
  /** Short and file-name safe: 'street-records', 'trends'. */
  id: string;
  /** What the table is, for a person: the first line of its README. */
  title: string;
  columns: string[];
  rows: TableCell[][];
  /** How to read it: each a sentence. */
  notes: string[];
}
