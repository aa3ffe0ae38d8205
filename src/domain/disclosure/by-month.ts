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
 * unchanged when later months arrive. A total over a period is given when every month of it is
 * shown, since it is then their sum and tells nothing more; or when the period is a whole year
 * (of the calendar public outputs follow, public-period.ts) wholly held whose total
 * `yearTotalStatus` allows: decided from that year's counts alone, so the same in every answer and
 * final once the year is complete. Otherwise it is "fewer than" the threshold when it is small,
 * else "not shown". Everything such a reader can get, from any number of answers, is then the
 * months' published cells and those year totals, and protect.ts within each month and the bounds
 * over each year (checked by linear programming, audit.ts, in the tests) leave no small count
 * narrowed.
 */
import type { Month } from '../month.js';
import { exposedCells } from './bounds.js';
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
  /** A whole year's total that yearTotalStatus allows, when these months are that year. */
  yearTotal?: CellStatus,
): CellStatus {
  if (isSmallCount(value, policy)) return 'primary';
  if (monthIds.every((id) => (status.get(id) ?? 'shown') === 'shown')) return 'shown';
  return yearTotal === 'shown' ? 'shown' : 'withheld';
}

/** The id of a part's total over a year: `burglary:2025-01..2025-12`. */
export const yearTotalId = (part: string, months: readonly Month[]): string =>
  `${part}:${months[0]}..${months[months.length - 1]}`;

/** A year whose total may be published exactly: its months, and the parts' ids for the year. */
export interface YearTotals {
  /** The months of the year (all held). */
  months: readonly Month[];
}

/**
 * Which whole years' totals may be published exactly beside the months' published cells. A year's
 * total is the sum of its months, so where a month of it is held back it would give back what the
 * month's own protection hides unless enough of its months are held back alike. For each year
 * wholly held (`years`), every part's year total is offered, and those that let a reader narrow a
 * small count (domain/disclosure/bounds.ts, over the year's months, their sums and the totals
 * offered) are withheld, until none does. Decided from the year's own counts alone: the same for
 * every answer, and final once the year is complete (a year not wholly held gets no total here).
 * Returns each offered total's status by its id.
 */
export function yearTotalStatus(
  months: readonly MonthCells[],
  monthStatus: ReadonlyMap<string, CellStatus>,
  years: readonly YearTotals[],
  policy: DisclosurePolicy,
): Map<string, CellStatus> {
  const out = new Map<string, CellStatus>();
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const year of years) {
    const held = year.months.map((m) => byMonth.get(m));
    if (held.some((m) => m === undefined)) continue;
    const cells: DisclosureCell[] = [];
    const relations: LinearRelation[] = [];
    const status = new Map<string, CellStatus>();
    const parts = new Map<string, { id: string; value: number }[]>();
    for (const m of held as MonthCells[]) {
      for (const p of m.parts) {
        cells.push({ id: p.id, value: p.value });
        status.set(p.id, monthStatus.get(p.id) ?? 'shown');
        const key = p.id.slice(0, p.id.lastIndexOf(':'));
        parts.set(key, [...(parts.get(key) ?? []), p]);
      }
      const inSum = m.parts.filter((p) => p.inSum);
      if (m.sum && inSum.reduce((n, p) => n + p.value, 0) === m.sum.value) {
        cells.push({ id: m.sum.id, value: m.sum.value });
        status.set(m.sum.id, monthStatus.get(m.sum.id) ?? 'shown');
        relations.push({ id: m.sum.id, total: m.sum.id, parts: inSum.map((p) => p.id) });
      }
    }
    const offered: string[] = [];
    for (const [key, cellsOf] of parts) {
      const id = yearTotalId(key, year.months);
      const value = cellsOf.reduce((n, p) => n + p.value, 0);
      cells.push({ id, value });
      relations.push({ id, total: id, parts: cellsOf.map((p) => p.id) });
      if (isSmallCount(value, policy)) status.set(id, 'primary');
      else if (cellsOf.every((p) => status.get(p.id) === 'shown')) status.set(id, 'shown');
      else {
        status.set(id, 'shown');
        offered.push(id);
      }
    }
    const table = { cells, relations };
    const protection = { threshold: policy.threshold, status, ranges: new Map() };
    // A count a reader could narrow lies in some months: the offered totals of the parts held back
    // in those months are what narrows it (with the months' own sums), so they are withheld, until
    // nothing is narrowed (else every offered total, which leaves the months as they protect
    // themselves).
    const monthOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);
    for (let exposed = exposedCells(table, protection); exposed.length > 0;) {
      const months = new Set(exposed.map(monthOf));
      const blamed = offered.filter((t) => {
        const key = t.slice(0, t.lastIndexOf(':'));
        return (
          status.get(t) === 'shown' &&
          (parts.get(key) ?? []).some(
            (p) => months.has(monthOf(p.id)) && status.get(p.id) !== 'shown',
          )
        );
      });
      if (blamed.length === 0) {
        for (const t of offered) status.set(t, 'withheld');
        break;
      }
      for (const t of blamed) status.set(t, 'withheld');
      exposed = exposedCells(table, protection);
    }
    for (const key of parts.keys()) {
      const id = yearTotalId(key, year.months);
      out.set(id, status.get(id)!);
    }
  }
  return out;
}
