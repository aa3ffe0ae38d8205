/**
 * Crimes of an area and period with their latest outcome: the outcomes files (joined by Crime ID,
 * the latest outcome month winning) where they hold one, else the street file's "Last outcome
 * category". Counts by category and outcome.
 */
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { AreaRef } from './street-counts.js';
import { streetAreaCondition, checkStreetAccess } from './street-counts.js';
import type { Db } from './db.js';

export interface OutcomeCount {
  category: string;
  outcome: string;
  source: 'outcomes file' | 'street file' | 'none';
  count: number;
}

export async function latestOutcomes(
  db: Db,
  scope: Scope,
  area: AreaRef,
  period: Period,
): Promise<OutcomeCount[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<OutcomeCount & Record<string, unknown>>(
    `WITH latest AS (
       SELECT crime_id, arg_max(outcome_type, month) AS outcome FROM outcome GROUP BY crime_id)
     SELECT c.category,
            COALESCE(l.outcome, NULLIF(c.last_outcome, ''), 'No outcome recorded') AS outcome,
            CASE WHEN l.outcome IS NOT NULL THEN 'outcomes file'
                 WHEN NULLIF(c.last_outcome, '') IS NOT NULL THEN 'street file' ELSE 'none' END AS source,
            count(*) AS count
     FROM crime c LEFT JOIN latest l ON l.crime_id = c.crime_id
     WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
       AND c.category <> 'anti-social-behaviour'
     GROUP BY ALL ORDER BY c.category, count DESC`,
    { area: area.code, from: period.from, to: period.to },
  );
}
