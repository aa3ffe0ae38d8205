/**
 * The protection of one month of a force's areas (domain/disclosure/by-month.ts's
 * protectAreasInMonth), remembered by what it was worked out from: the month's cells of every
 * area, which of them the reader knows, the sums that tie them and the policy. The protection is
 * a pure function of those, so an answer remembered can never be stale: a month whose counts
 * change (a republished file, a new area register) or a caller with other grants makes another
 * key. Kept for the life of the process, the least recently used dropped first.
 *
 * Without it a server worked the force's every month out again for each request of a totals-only
 * caller (its linear programming is most of the 1.2 s of a year's trends: docs/benchmarks.md,
 * "Disclosure control"), though the answer is the same each time.
 */
import { createHash } from 'node:crypto';

import {
  protectAreasInMonth,
  type AreaMonth,
  type AreaSum,
  type ExactCheck,
} from '../domain/disclosure/by-month.js';
import type { CellStatus, DisclosurePolicy } from '../domain/disclosure/table.js';

/** Months kept: a force's 60 months for some dozens of grant patterns. */
const KEPT = 4096;

const kept = new Map<string, Map<string, Map<string, CellStatus>>>();

/**
 * protectAreasInMonth, remembered by its inputs. `exact` gives the exact check, or none where the
 * areas are tied by no sum; it is asked for only when the month is not remembered (loading the
 * solver is itself a tenth of a second).
 */
export async function protectAreasInMonthOnce(
  areas: readonly AreaMonth[],
  sums: readonly AreaSum[],
  policy: DisclosurePolicy,
  exact: () => Promise<ExactCheck | undefined>,
): Promise<Map<string, Map<string, CellStatus>>> {
  const key = createHash('sha256')
    .update(JSON.stringify([areas, sums, policy.threshold]))
    .digest('base64');
  const known = kept.get(key);
  if (known) {
    kept.delete(key);
    kept.set(key, known);
    return copy(known);
  }
  const made = protectAreasInMonth(areas, sums, policy, await exact());
  kept.set(key, copy(made));
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return made;
}

/** The caller may change what it is given: the maps kept are never handed out. */
const copy = (statuses: Map<string, Map<string, CellStatus>>) =>
  new Map([...statuses].map(([area, s]) => [area, new Map(s)]));

/** Forgets every month kept (a benchmark's cold start: a new process). */
export function forgetProtections(): void {
  kept.clear();
}
