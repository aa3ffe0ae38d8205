/**
 * Crimes of an area and period with their latest outcome: the outcomes files (joined by Crime ID)
 * where they hold one, else the street file's "Last outcome category". Counts by category and
 * outcome.
 *
 * The latest outcome is the one of the latest month the outcomes files hold for the crime. When
 * that month holds two different outcomes (a charge beside "Investigation complete", say), the
 * more final wins by the order given (config/police-outcomes.yaml: most final first); outcomes not
 * in the order come after it, alphabetically. Such crimes are counted (`tiedCrimes`).
 */
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { AreaRef } from './street-counts.js';
import { streetAreaCondition, checkStreetAccess } from './street-counts.js';
import { TEXT_LIST, list, type Db } from './db.js';

export interface OutcomeCount {
  category: string;
  outcome: string;
  source: 'outcomes file' | 'street file' | 'none';
  count: number;
  /** Of these crimes, those whose latest month held two or more different outcomes. */
  tied: number;
}

export async function latestOutcomes(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
  finalityOrder: readonly string[],
): Promise<OutcomeCount[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<OutcomeCount & Record<string, unknown>>(
    `WITH crimes AS (
       SELECT c.crime_id, c.category, c.last_outcome FROM crime c
       WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
         AND c.category <> 'anti-social-behaviour'),
     finality AS (
       SELECT unnest($order) AS outcome_type, generate_subscripts($order, 1) AS rank),
     theirs AS (
       SELECT o.crime_id, o.month, o.outcome_type FROM outcome o
       WHERE o.crime_id IN (SELECT crime_id FROM crimes WHERE crime_id <> '')),
     last_month AS (
       SELECT t.crime_id, t.outcome_type, coalesce(f.rank, 1000000) AS rank
       FROM theirs t LEFT JOIN finality f ON lower(f.outcome_type) = lower(t.outcome_type)
       WHERE (t.crime_id, t.month) IN (SELECT (crime_id, max(month)) FROM theirs GROUP BY crime_id)),
     latest AS (
       SELECT crime_id, arg_min(outcome_type, lpad(rank::VARCHAR, 7, '0') || outcome_type) AS outcome,
              count(DISTINCT outcome_type) > 1 AS tied
       FROM last_month GROUP BY crime_id)
     SELECT c.category,
            COALESCE(l.outcome, NULLIF(c.last_outcome, ''), 'No outcome recorded') AS outcome,
            CASE WHEN l.outcome IS NOT NULL THEN 'outcomes file'
                 WHEN NULLIF(c.last_outcome, '') IS NOT NULL THEN 'street file' ELSE 'none' END AS source,
            count(*) AS count, count(*) FILTER (WHERE l.tied) AS tied
     FROM crimes c LEFT JOIN latest l ON l.crime_id = c.crime_id
     GROUP BY ALL ORDER BY c.category, count DESC, outcome`,
    { area: area.code, from: period.from, to: period.to, order: list(finalityOrder) },
    { order: TEXT_LIST },
  );
}

/** The months of the period whose outcomes files are held for the area's force(s). */
export async function outcomeFileMonths(
  db: Db,
  forces: readonly string[],
  period: Period,
): Promise<Month[]> {
  const rows = await db.query<{ month: Month }>(
    `SELECT DISTINCT month FROM batch_month WHERE kind = 'outcomes' AND replaced_by IS NULL
       AND list_contains($forces, force) AND month BETWEEN $from AND $to ORDER BY month`,
    { forces: list(forces), from: period.from, to: period.to },
    { forces: TEXT_LIST },
  );
  const held = new Set(rows.map((r) => r.month));
  return monthsIn(period).filter((m) => held.has(m));
}
