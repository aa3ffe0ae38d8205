/**
 * `lantern stop-search`: a force's stop-and-search over a period (publication months) by object of
 * search and outcome, and the share of searches whose outcome was linked to the object searched
 * for. Months not held are named. Stop-and-search is published per force, with no LSOA.
 */
import { requireSomeMonthHeld } from '../domain/held-months.js';
import { monthsIn, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { NotFoundError } from '../errors.js';
import type { Db } from '../store/db.js';
import { searchCounts, searchMonths } from '../store/stop-search.js';

export interface SearchObjectSummary {
  object: string;
  searches: number;
  outcomes: { outcome: string; count: number }[];
  /** Searches whose outcome the file marks as linked to the object searched for. */
  linked: number;
  /** Searches whose file leaves the link empty. */
  linkUnstated: number;
  /** linked / searches. */
  linkedShare: number | null;
}

export interface StopSearchReport {
  force: string;
  period: Period;
  missingMonths: string[];
  searches: number;
  objects: SearchObjectSummary[];
  linkedShare: number | null;
  notes: string[];
}

export async function stopSearchSummary(
  db: Db,
  scope: Scope,
  request: { force: string; period: Period },
): Promise<StopSearchReport> {
  const held = new Set(await searchMonths(db, request.force));
  if (held.size === 0)
    throw new NotFoundError(`the store holds no stop-and-search data of force "${request.force}"`);
  requireSomeMonthHeld(request.period, held, `stop-and-search data of force "${request.force}"`);
  const rows = await searchCounts(db, scope, request.force, request.period);
  const byObject = new Map<string, typeof rows>();
  for (const r of rows) byObject.set(r.object, [...(byObject.get(r.object) ?? []), r]);
  const objects = [...byObject].map(([object, list]): SearchObjectSummary => {
    const outcomes = new Map<string, number>();
    for (const r of list) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + r.count);
    const linked = list.filter((r) => r.linked === true).reduce((n, r) => n + r.count, 0);
    const searches = list.reduce((n, r) => n + r.count, 0);
    const linkUnstated = list.filter((r) => r.linked === null).reduce((n, r) => n + r.count, 0);
    return {
      object,
      searches,
      outcomes: [...outcomes]
        .sort((a, b) => b[1] - a[1])
        .map(([outcome, count]) => ({ outcome, count })),
      linked,
      linkUnstated,
      linkedShare: searches > 0 ? linked / searches : null,
    };
  });
  const linked = objects.reduce((n, o) => n + o.linked, 0);
  const searches = objects.reduce((n, o) => n + o.searches, 0);
  const unstated = objects.reduce((n, o) => n + o.linkUnstated, 0);
  const neverFalse = !rows.some((r) => r.linked === false);
  return {
    force: request.force,
    period: request.period,
    missingMonths: monthsIn(request.period).filter((m) => !held.has(m)),
    searches,
    objects: objects.sort((a, b) => b.searches - a.searches),
    linkedShare: searches > 0 ? linked / searches : null,
    notes: [
      'Months are publication months: a file may carry a few searches of the month before.',
      `Linked share: searches whose outcome the file marks as linked to the object of search, of all searches; ${unstated} leave it empty.`,
      ...(neverFalse && unstated > 0
        ? [
            'These files never mark a search as not linked: an empty field may mean "not linked" or "not recorded".',
          ]
        : []),
    ],
  };
}
