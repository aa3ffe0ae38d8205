/**
 * A table written as a Parquet file by DuckDB itself (COPY … TO … (FORMAT parquet)), with its
 * notes in the file's key-value metadata under `readme`. Counts are BIGINT, other numbers
 * DOUBLE, the rest VARCHAR: Power BI reads each as such.
 */
import { rm, writeFile } from 'node:fs/promises';

import type { DataTable } from '../domain/data-table.js';
import { quoteLiteral, type Db } from './db.js';

export async function writeParquet(db: Db, table: DataTable, path: string): Promise<void> {
  const types = table.columns.map((_, j) => columnType(table.rows.map((r) => r[j] ?? null)));
  // The rows go to DuckDB as newline-delimited JSON next to the output, read with the types above.
  const staged = `${path}.ndjson`;
  await writeFile(
    staged,
    table.rows
      .map((row) =>
        JSON.stringify(Object.fromEntries(table.columns.map((_, j) => [`c${j}`, row[j] ?? null]))),
      )
      .join('\n') + '\n',
  );
  const columns = table.columns.map((_, j) => `c${j}: '${types[j]}'`).join(', ');
  const select = table.columns.map((c, j) => `c${j} AS "${c.replaceAll('"', '""')}"`).join(', ');
  const readme = [table.title, ...table.notes].join('\n');
  const source =
    table.rows.length > 0
      ? `read_json(${quoteLiteral(staged)}, format = 'newline_delimited', columns = {${columns}})`
      : `(SELECT ${types.map((t, j) => `NULL::${t} AS c${j}`).join(', ')} WHERE false)`;
  try {
    await db.run(
      `COPY (SELECT ${select} FROM ${source})
       TO ${quoteLiteral(path)} (FORMAT parquet, KV_METADATA {readme: ${quoteLiteral(readme)}})`,
    );
  } finally {
    await rm(staged, { force: true });
  }
}

function columnType(values: readonly (string | number | null)[]): string {
  const present = values.filter((v) => v !== null);
  if (present.length === 0 || present.some((v) => typeof v !== 'number')) return 'VARCHAR';
  return present.every((v) => Number.isInteger(v)) ? 'BIGINT' : 'DOUBLE';
}
