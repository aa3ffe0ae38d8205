/**
 * Populations by area and year, each with its source. Imports replace the same area, year and
 * source; populations of LSOAs or wards are summed up the register (ward, district, CSP, force)
 * wherever every child area has one, so a rate for any area can use them.
 */
import type { Population } from '../domain/area.js';
import { list, TEXT_LIST, type Db } from './db.js';

export interface PopulationImport {
  year: number;
  source: string;
  rows: readonly { code: string; count: number }[];
}

/** Stores the rows (replacing that year and source), then the sums up the register. */
export async function replacePopulations(
  db: Db,
  input: PopulationImport,
): Promise<{ stored: number; derived: number }> {
  return db.transaction(async () => {
    const params = { year: input.year, source: input.source };
    await db.run(
      'CREATE TEMP TABLE IF NOT EXISTS population_in (area_code VARCHAR, count INTEGER)',
    );
    await db.run('DELETE FROM population_in');
    await db.append(
      'population_in',
      input.rows.map((r) => [r.code, r.count]),
    );
    await db.run(
      `DELETE FROM population WHERE year = $year AND (source = $source OR source = $source || ' (summed)')`,
      params,
    );
    await db.run(
      `INSERT INTO population SELECT area_code, $year, $source, count FROM population_in`,
      params,
    );
    const derived = await sumUpRegister(db, input.year, input.source);
    await db.run('DROP TABLE population_in');
    return { stored: input.rows.length, derived };
  });
}

/** Adds sums for parents whose every child has a population of this year and source. */
async function sumUpRegister(db: Db, year: number, source: string): Promise<number> {
  let added = 0;
  // Bottom up: LSOA → ward → district → CSP → force. A level computed here feeds the next.
  for (const level of ['ward', 'district', 'csp', 'force']) {
    const [{ n }] = (await db.query<{ n: number }>(
      `WITH sums AS (
         SELECT parent.code, sum(p.count) AS count, count(p.count) AS have, count(*) AS children
         FROM area parent
         JOIN area child ON child.parent = parent.code
         LEFT JOIN population p ON p.area_code = child.code AND p.year = $year
           AND (p.source = $source OR p.source = $source || ' (summed)')
         WHERE parent.type = $level
         GROUP BY parent.code)
       SELECT count(*) AS n FROM sums WHERE have = children AND have > 0
         AND code NOT IN (SELECT area_code FROM population WHERE year = $year
                          AND (source = $source OR source = $source || ' (summed)'))`,
      { year, source, level },
    )) as [{ n: number }];
    await db.run(
      `INSERT INTO population
       SELECT parent.code, $year, $source || ' (summed)', sum(p.count)
       FROM area parent
       JOIN area child ON child.parent = parent.code
       LEFT JOIN population p ON p.area_code = child.code AND p.year = $year
         AND (p.source = $source OR p.source = $source || ' (summed)')
       WHERE parent.type = $level
         AND parent.code NOT IN (SELECT area_code FROM population WHERE year = $year
                                 AND (source = $source OR source = $source || ' (summed)'))
       GROUP BY parent.code
       HAVING count(p.count) = count(*) AND count(p.count) > 0`,
      { year, source, level },
    );
    added += n;
  }
  return added;
}

/**
 * The population to use for a rate over a period ending in `year`: the year held nearest to it,
 * the earlier of two equally near (a direct figure preferred over a sum of sub-areas in the same
 * year); null when none is. As domain/area-counts.ts `populationAt`.
 */
export async function populationFor(
  db: Db,
  code: string,
  year: number,
): Promise<Population | null> {
  const rows = await db.query<Population & Record<string, unknown>>(
    `SELECT count, year, source FROM population WHERE area_code = $code
     ORDER BY abs(year - $year), year > $year, (source LIKE '% (summed)') ASC LIMIT 1`,
    { code, year },
  );
  return rows[0] ?? null;
}

/** Every population held for each of the areas, any year and source. */
export async function populationsOf(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, Population[]>> {
  const rows = await db.query<Population & { area: string } & Record<string, unknown>>(
    `SELECT area_code AS area, count, year, source FROM population
     WHERE list_contains($codes, area_code) ORDER BY year`,
    { codes: list(codes) },
    { codes: TEXT_LIST },
  );
  const result = new Map<string, Population[]>(codes.map((c) => [c, []]));
  for (const { area, ...population } of rows) result.get(area)?.push(population);
  return result;
}

/**
 * England's and England and Wales's populations in a year, as the sums of the districts'
 * direct figures that year (the bundled Census 2011 counts, unless others are imported).
 */
export async function nationalPopulations(
  db: Db,
  year: number,
): Promise<{ england: number; englandAndWales: number; source: string | null }> {
  const [row] = await db.query<{ england: number; ew: number; source: string | null }>(
    `SELECT coalesce(sum(p.count) FILTER (WHERE a.code LIKE 'E%'), 0)::BIGINT AS england,
            coalesce(sum(p.count), 0)::BIGINT AS ew, any_value(p.source) AS source
     FROM population p JOIN area a ON a.code = p.area_code AND a.type = 'district'
     WHERE p.year = $year AND p.source NOT LIKE '% (summed)'`,
    { year },
  );
  return {
    england: Number(row?.england ?? 0),
    englandAndWales: Number(row?.ew ?? 0),
    source: row?.source ?? null,
  };
}

/**
 * Stores district populations by broad ethnic group for a year (replacing that year and source):
 * `stop-search` divides searches by them.
 */
export async function replaceEthnicPopulations(
  db: Db,
  input: {
    year: number;
    source: string;
    rows: readonly { code: string; group: string; count: number }[];
  },
): Promise<number> {
  return db.transaction(async () => {
    const params = { year: input.year, source: input.source };
    await db.run(
      'CREATE TEMP TABLE IF NOT EXISTS ethnic_population_in (area_code VARCHAR, ethnic_group VARCHAR, count INTEGER)',
    );
    await db.run('DELETE FROM ethnic_population_in');
    await db.append(
      'ethnic_population_in',
      input.rows.map((r) => [r.code, r.group, r.count]),
    );
    await db.run(
      'DELETE FROM population_ethnic_group WHERE year = $year AND source = $source',
      params,
    );
    await db.run(
      `INSERT INTO population_ethnic_group
         SELECT area_code, $year, $source, ethnic_group, sum(count) FROM ethnic_population_in
         GROUP BY area_code, ethnic_group`,
      params,
    );
    const [row] = await db.query<{ n: number }>(
      'SELECT count(DISTINCT area_code) AS n FROM ethnic_population_in',
    );
    await db.run('DROP TABLE ethnic_population_in');
    return row?.n ?? 0;
  });
}
