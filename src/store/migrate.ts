/** Applies the migrations a store lacks, in order, each atomically. */
import { InputError } from '../errors.js';
import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';
import { storeTables } from './store-tables.js';

export async function migrate(db: Db): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migration (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  const done = await appliedVersions(db);
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
  const done = await appliedVersions(db);
  return MIGRATIONS.filter((m) => !done.has(m.version)).map((m) => m.version);
}

/**
 * The schema changes the store has had, refused (InputError) if any is one this version does not
 * know: a store a later Lantern has upgraded. Read by this version, it would be read wrongly (a
 * partner count its file did not give read as 0, where the later schema marks it unknown), and
 * written, fail half-way with an error of the database's (QA, opening today's store with the
 * release before).
 */
async function appliedVersions(db: Db): Promise<Set<number>> {
  const rows = await db.query<{ version: number; name: string }>(
    'SELECT version, name FROM schema_migration ORDER BY version',
  );
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const later = rows.filter((r) => !known.has(r.version));
  if (later.length > 0) {
    const newest = later.at(-1) as { version: number; name: string };
    throw new InputError(
      `${db.path}: this store was upgraded by a later version of Lantern (its schema has change ` +
        `${newest.version}, "${newest.name}"; this version knows changes up to ` +
        `${MIGRATIONS.at(-1)?.version}). Use that version or a later one; nothing was read or written.`,
    );
  }
  return new Set(rows.map((r) => r.version));
}
