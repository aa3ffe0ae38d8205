/**
 * A rejected row as people read it: "line 14, field date: not a date (YYYY-MM-DD or DD/MM/YYYY)".
 * The line, the field and the rule broken; a rejected row never carries the row's values.
 */
export function rejectedRowText(row: { line: number; field: string | null; reason: string }) {
  return `line ${row.line}${row.field ? `, field ${row.field}` : ''}: ${row.reason}`;
}
