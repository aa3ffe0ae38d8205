/** Stop-and-search records of a force over a period, counted by object of search and outcome. */
import type { Period } from '../domain/month.js';
import { mayReadDataset, type Scope } from '../domain/scope.js';
import { ForbiddenError } from '../errors.js';
import type { Db } from './db.js';

export interface SearchCount {
  object: string;
  outcome: string;
  linked: boolean | null;
  count: number;
}

export async function searchCounts(
  db: Db,
  scope: Scope,
  force: string,
  period: Period,
): Promise<SearchCount[]> {
  if (!mayReadDataset(scope, 'police-stop-and-search')) {
    throw new ForbiddenError('your access does not cover police.uk stop-and-search data');
  }
  return db.query<SearchCount & Record<string, unknown>>(
    `SELECT COALESCE(object_of_search, 'Not stated') AS object, COALESCE(outcome, 'Not stated') AS outcome,
            outcome_linked AS linked, count(*) AS count
     FROM stop_search WHERE force = $force AND month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY count DESC`,
    { force, from: period.from, to: period.to },
  );
}

/** The publication months held for a force's stop-and-search. */
export async function searchMonths(db: Db, force: string): Promise<string[]> {
  const rows = await db.query<{ month: string }>(
    `SELECT DISTINCT month FROM batch_month WHERE kind = 'stop-and-search' AND force = $force
       AND replaced_by IS NULL ORDER BY month`,
    { force },
  );
  return rows.map((r) => r.month);
}
