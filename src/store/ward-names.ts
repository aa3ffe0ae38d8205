/**
 * Names for places: the ward of each LSOA (the register's 2011 LSOA → 2019 ward best-fit lookup)
 * and the names of areas by code. A 2021 LSOA the register does not hold has no ward here.
 */
import { list, TEXT_LIST, type Db } from './db.js';

export interface NamedArea {
  code: string;
  name: string;
}

/** The ward of each LSOA code given that the register places in one (others are absent). */
export async function wardsOfLsoas(
  db: Db,
  lsoas: readonly string[],
): Promise<Map<string, NamedArea>> {
  if (lsoas.length === 0) return new Map();
  const rows = await db.query<{ lsoa: string; code: string; name: string }>(
    `SELECT l.code AS lsoa, w.code, w.name FROM area l JOIN area w ON w.code = l.parent
     WHERE l.type = 'lsoa' AND w.type = 'ward' AND list_contains($codes, l.code)`,
    { codes: list(lsoas) },
    { codes: TEXT_LIST },
  );
  return new Map(rows.map((r) => [r.lsoa, { code: r.code, name: r.name }]));
}

/** The names of areas by code (codes the register does not hold are absent). */
export async function areaNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM area WHERE list_contains($codes, code)',
    { codes: list(codes) },
    { codes: TEXT_LIST },
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
