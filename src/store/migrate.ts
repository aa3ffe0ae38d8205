/** Applies the migrations a store lacks, in order, each atomically. */
import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';
import { storeTables } from './store-tables.js';

export async function migrate(db: Db): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migration')).map(
      (r) => r.version,
    ),
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async () => {
      await db.run(m.sql());
      await db.run('INSERT INTO schema_migration VALUES ($v, $n, now())', {
        v: m.version,
        n: m.name,
      });
    });
    applied.push(m.version);
  }
  return applied;
}

/** The migrations a store lacks, found without writing (a store opened read-only). */
export async function missingMigrations(db: Db): Promise<number[]> {
  if (!(await storeTables(db)).has('schema_migration')) return MIGRATIONS.map((m) => m.version);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migration')).map(
      (r) => r.version,
    ),
  );
  return MIGRATIONS.filter((m) => !done.has(m.version)).map((m) => m.version);
}
