/**
 * How many rows the store holds now for each month an import may replace: police.uk months by
 * kind, force and area (batch_month), partner months by dataset and district. Read-only; the
 * import use cases compare a new file's rows with these before it replaces them, so that a file
 * cut short cannot silently replace a month's good rows (domain/replacement.ts).
 */
import { list, type Db } from './db.js';

export interface PoliceMonthHeld {
  kind: string;
  force: string;
  month: string;
  /** The area of an API fetch; null for a force's whole file. */
  area: string | null;
  rows: number;
}

/** Rows held now per kind, force, month and area. */
export async function policeMonthsHeld(db: Db): Promise<PoliceMonthHeld[]> {
  return db.query<PoliceMonthHeld & Record<string, unknown>>(
    `SELECT kind, force, month, area_code AS area, CAST(sum(row_count) AS INTEGER) AS rows
     FROM batch_month WHERE replaced_by IS NULL GROUP BY ALL`,
  );
}

/** A count of street records of one month and category. */
export interface MonthCategoryCount {
  month: string;
  category: string;
  records: number;
}

/**
 * The street records held now for some months of a force, by month and category (street_count,
 * summed over districts): what a republished file of those months replaces, so that the import
 * can say what the revision changed. `area`: the area of an API fetch, whose file replaces only
 * that area's records; null for a force's whole file, which replaces every holder of its months.
 */
export async function heldStreetCounts(
  db: Db,
  force: string,
  months: readonly string[],
  area: string | null,
): Promise<MonthCategoryCount[]> {
  return db.query<MonthCategoryCount & Record<string, unknown>>(
    `SELECT c.month, c.category, CAST(sum(c.records) AS INTEGER) AS records
     FROM street_count c JOIN batch_month m ON m.batch_id = c.batch_id AND m.month = c.month
     WHERE m.kind = 'street' AND m.force = $force AND list_contains($months, m.month)
       AND m.replaced_by IS NULL AND ($area IS NULL OR m.area_code = $area)
     GROUP BY ALL ORDER BY ALL`,
    { force, months: list(months), area },
  );
}

/**
 * Rows (as the files gave them: an aggregate row counts once, however many counts it holds) held
 * now for one partner dataset, by "district|month".
 */
export async function partnerMonthsHeld(db: Db, dataset: string): Promise<Map<string, number>> {
  const rows = await db.query<{ district: string; month: string; n: number }>(
    `SELECT district, month, CAST(sum(n) AS INTEGER) AS n FROM (
       SELECT district_code AS district, month, count(*) AS n FROM partner_record
       WHERE dataset = $dataset GROUP BY ALL
       UNION ALL
       SELECT district_code, month, count(DISTINCT (batch_id, line)) FROM partner_count
       WHERE dataset = $dataset GROUP BY ALL
       UNION ALL
       SELECT r.district_code, r.month, count(*) FROM community_concern r
       JOIN partner_batch b ON b.id = r.batch_id WHERE b.dataset = $dataset GROUP BY ALL
     ) GROUP BY ALL`,
    { dataset },
  );
  return new Map(rows.map((r) => [`${r.district}|${r.month}`, r.n]));
}

/**
 * The counts held now for one aggregate partner dataset, by "district|month|count": each count
 * column's (`byCategory`, as stored: "incidents", "repeat-victims"), or else their sum over every
 * category and breakdown ("total").
 */
export async function partnerCountsHeld(
  db: Db,
  dataset: string,
  byCategory: boolean,
): Promise<Map<string, number>> {
  const rows = await db.query<{ district: string; month: string; count: string; n: number }>(
    `SELECT district_code AS district, month, CASE WHEN $byCategory THEN category ELSE 'total' END AS count,
       CAST(sum(count) AS INTEGER) AS n
     FROM partner_count WHERE dataset = $dataset GROUP BY ALL`,
    { dataset, byCategory },
  );
  return new Map(rows.map((r) => [`${r.district}|${r.month}|${r.count}`, r.n]));
}
