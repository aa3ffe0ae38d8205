/**
 * Disclosure control month by month, for a reader who chooses the periods (a caller with a
 * totals-only grant asks `trends` or `summary` for any months it likes).
 *
 * Protecting each answer on its own (protect.ts over the answer's months and totals) is not enough
 * for such a reader: the total of January to December less that of February to December is
 * January, whatever each answer held back, and an answer given again when a month has been added
 * differs by that month. So what such a reader gets is built from cells that do not depend on the
 * question: each month of the area is one table (its categories, and all crime as their sum, which
 * is published exactly), protected on its own: the same pattern whatever period is asked, and
 * unchanged when later months arrive. A total over a period is given only when every month of it is
 * shown, since it is then their sum and tells nothing more; otherwise it is "fewer than" the
 * threshold when it is small, else "not shown". Everything such a reader can get, from any number
 * of answers, is then the months' published cells, and within each month protect.ts (checked by
 * linear programming, audit.ts) leaves no small count narrowed.
 */
import type { Month } from '../month.js';
import { protectTable } from './protect.js';
import {
  isSmallCount,
  type CellStatus,
  type DisclosureCell,
  type DisclosurePolicy,
  type LinearRelation,
} from './table.js';

/** One month's cells: its parts, and the sum of those marked `inSum` when it is published. */
export interface MonthCells {
  month: Month;
  parts: readonly { id: string; value: number; inSum: boolean }[];
  /** The published sum of the parts in it (all crime); null when none is published. */
  sum: { id: string; value: number } | null;
}

/** The status of every cell of every month, each month protected on its own. */
export function protectByMonth(
  months: readonly MonthCells[],
  policy: DisclosurePolicy,
): Map<string, CellStatus> {
  const status = new Map<string, CellStatus>();
  for (const m of months) {
    const cells: DisclosureCell[] = m.parts.map((p) => ({ id: p.id, value: p.value }));
    const relations: LinearRelation[] = [];
    const inSum = m.parts.filter((p) => p.inSum);
    // The sum is a relation a reader can solve only where it is the parts' sum.
    if (m.sum && inSum.reduce((n, p) => n + p.value, 0) === m.sum.value) {
      cells.push({ id: m.sum.id, value: m.sum.value, suppressible: false });
      relations.push({ id: m.sum.id, total: m.sum.id, parts: inSum.map((p) => p.id) });
    } else if (m.sum) cells.push({ id: m.sum.id, value: m.sum.value });
    for (const [id, s] of protectTable({ cells, relations }, policy).status) status.set(id, s);
  }
  return status;
}

/**
 * How a total over some months may be published given its months' statuses: shown when every one
 * is shown (it is their sum), else "fewer than" when it is small, else held back ("withheld").
 */
export function totalStatus(
  value: number,
  monthIds: readonly string[],
  status: ReadonlyMap<string, CellStatus>,
  policy: DisclosurePolicy,
): CellStatus {
  if (isSmallCount(value, policy)) return 'primary';
  return monthIds.every((id) => (status.get(id) ?? 'shown') === 'shown') ? 'shown' : 'withheld';
}
