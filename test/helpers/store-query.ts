/**
 * Rows of a SQL query on a store file, opened read-only in the test process and closed again:
 * an independent way to count what the `lantern` commands report.
 */
import { DuckDBInstance } from '@duckdb/node-api';

export async function queryStore<T = Record<string, unknown>>(
  db: string,
  sql: string,
): Promise<T[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as T[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs a statement on a store file (opened for writing in the test process, then closed). */
export async function updateStore(db: string, sql: string): Promise<void> {
  const instance = await DuckDBInstance.create(db);
  const connection = await instance.connect();
  try {
    await connection.run(sql);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A Parquet file read by DuckDB: its rows, each column's type, and its key-value metadata. */
export async function readParquet(path: string): Promise<{
  rows: Record<string, unknown>[];
  types: Record<string, string>;
  metadata: Record<string, string>;
}> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const file = `'${path.replaceAll("'", "''")}'`;
  try {
    const rows = (
      await connection.runAndReadAll(`SELECT * FROM read_parquet(${file})`)
    ).getRowObjectsJS();
    const types = (
      await connection.runAndReadAll(
        `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${file}))`,
      )
    ).getRowObjectsJS();
    const metadata = (
      await connection.runAndReadAll(
        `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${file})`,
      )
    ).getRowObjectsJS();
    return {
      rows: rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]),
        ),
      ),
      types: Object.fromEntries(types.map((t) => [String(t.column_name), String(t.column_type)])),
      metadata: Object.fromEntries(metadata.map((m) => [String(m.key), String(m.value)])),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
