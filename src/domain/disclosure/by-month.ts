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
import { deducedBounds, exposedCells } from './bounds.js';
import { protectTable } from './protect.js';
import {
  isSmallCount,
  type CellStatus,
  type DisclosureCell,
  type DisclosurePolicy,
  type DisclosureTable,
  type LinearRelation,
  type Protection,
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

/** One area's cells of a month, among areas protected together (protectAreasInMonth). */
export interface AreaMonth {
  area: string;
  cells: MonthCells;
  /** The reader sees the area in detail: its cells are known to them (DisclosureCell.known). */
  known: boolean;
}

/**
 * The exact check of a pattern (audit.ts, by linear programming: the solver is handed in by the
 * use case): the small counts held back that a reader can still narrow.
 */
export type ExactCheck = (table: DisclosureTable, protection: Protection) => readonly string[];

/** An area whose every count is the sum of its parts' (a force and its districts), by code. */
export interface AreaSum {
  total: string;
  parts: readonly string[];
}

/**
 * One month of several areas protected together, for a reader who sees some of them as totals
 * only and can subtract one from another (a force less its other districts is the district left).
 * Each area's cells and the sum among them are as protectByMonth makes them; besides, each count
 * of an area that is the sum of others' (`sums`: a force of its districts, a partnership of its
 * districts) is tied to theirs, measure by measure, where it is exactly their sum. Cells of areas
 * the reader sees in detail are known to them and used as such. The status of each area's cells,
 * by area then by the cell's own id.
 */
export function protectAreasInMonth(
  areas: readonly AreaMonth[],
  sums: readonly AreaSum[],
  policy: DisclosurePolicy,
  exact?: ExactCheck,
): Map<string, Map<string, CellStatus>> {
  const cells: DisclosureCell[] = [];
  const relations: LinearRelation[] = [];
  const key = (area: string, id: string) => `${area}|${id}`;
  const value = new Map<string, number>();
  // Each area's sum (all crime) is published exactly, never held back to protect another count,
  // unless a sum is itself small (a partner dataset's month in a district): the sums, tied across
  // the areas too, are then cells like the others, or the small one could not be protected.
  const exactSums = !areas.some(
    (a) => !a.known && a.cells.sum !== null && isSmallCount(a.cells.sum.value, policy),
  );
  for (const { area, cells: m, known } of areas) {
    const k = known ? { known: true } : {};
    for (const p of m.parts) cells.push({ id: key(area, p.id), value: p.value, ...k });
    const inSum = m.parts.filter((p) => p.inSum);
    if (m.sum && inSum.reduce((n, p) => n + p.value, 0) === m.sum.value) {
      const fixed = exactSums ? { suppressible: false } : {};
      cells.push({ id: key(area, m.sum.id), value: m.sum.value, ...fixed, ...k });
      relations.push({
        id: key(area, m.sum.id),
        total: key(area, m.sum.id),
        parts: inSum.map((p) => key(area, p.id)),
      });
    } else if (m.sum) cells.push({ id: key(area, m.sum.id), value: m.sum.value, ...k });
  }
  for (const c of cells) value.set(c.id, c.value);
  const ids = new Map(
    areas.map((a) => [
      a.area,
      [...a.cells.parts, ...(a.cells.sum ? [a.cells.sum] : [])].map((p) => p.id),
    ]),
  );
  let tied = false;
  for (const s of sums) {
    for (const id of ids.get(s.total) ?? []) {
      const parts = s.parts.map((a) => key(a, id));
      const total = key(s.total, id);
      // A reader can subtract only what adds up exactly.
      if (parts.some((p) => !value.has(p))) continue;
      if (parts.reduce((n, p) => n + (value.get(p) as number), 0) !== value.get(total)) continue;
      relations.push({ id: `${total}=sum`, total, parts });
      tied = true;
    }
  }
  const table = { cells, relations };
  // Areas tied by no sum are each protected as protectByMonth protects them, unchanged.
  const protection = tied
    ? completed(table, pruned(table, protectTable(table, policy)), exact)
    : protectTable(table, policy);
  const byArea = new Map<string, Map<string, CellStatus>>(areas.map((a) => [a.area, new Map()]));
  for (const [id, status] of protection.status) {
    const cut = id.indexOf('|');
    byArea.get(id.slice(0, cut))?.set(id.slice(cut + 1), status);
  }
  return byArea;
}

/**
 * The pattern with every cell held back to protect others given back where the rest still protect
 * every small count, the largest first. Holding cells back one at a time (protect.ts) can, in a
 * two-way table (districts by category), take many that later ones made needless.
 */
function pruned(table: DisclosureTable, protection: Protection): Protection {
  const status = new Map(protection.status);
  const p: Protection = { ...protection, status };
  const value = new Map(table.cells.map((c) => [c.id, c.value]));
  const held = [...status]
    .filter(([, s]) => s === 'secondary' || s === 'withheld')
    .map(([id]) => id)
    .sort((a, b) => (value.get(b) ?? 0) - (value.get(a) ?? 0) || a.localeCompare(b));
  for (const id of held) {
    const was = status.get(id)!;
    status.set(id, 'shown');
    if (exposedCells(table, p).length > 0 || !deducedBounds(table, p)) status.set(id, was);
  }
  return p;
}

/**
 * The pattern completed until the exact check finds nothing: the bounds protect.ts works with are
 * not exact in a two-way table (districts by category), where linear programming can combine a
 * district's month with the force's column. For each count still narrowed, the smallest cell shown
 * (at least the threshold) of a sum it is in is held back too; with none left, that sum's parts
 * shown are withheld.
 */
function completed(
  table: DisclosureTable,
  protection: Protection,
  exact: ExactCheck | undefined,
): Protection {
  if (!exact) return protection;
  const status = new Map(protection.status);
  const p: Protection = { ...protection, status };
  const cell = new Map(table.cells.map((c) => [c.id, c]));
  const free = (id: string) => {
    const c = cell.get(id)!;
    return status.get(id) === 'shown' && c.suppressible !== false && c.known !== true;
  };
  for (let round = 0; round <= table.cells.length; round++) {
    const narrowed = exact(table, p);
    if (narrowed.length === 0) return p;
    for (const id of narrowed) {
      const sums = table.relations.filter((r) => r.total === id || r.parts.includes(id));
      const next = sums
        .flatMap((r) => [...r.parts, r.total])
        .filter((x) => free(x) && cell.get(x)!.value >= p.threshold)
        .sort((a, b) => cell.get(a)!.value - cell.get(b)!.value || a.localeCompare(b))[0];
      if (next) status.set(next, 'secondary');
      else for (const r of sums) for (const x of r.parts) if (free(x)) status.set(x, 'withheld');
    }
  }
  throw new Error('disclosure: could not protect a month of a force and its districts');
}
