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
