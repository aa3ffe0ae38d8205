/**
 * Trends after disclosure control (domain/disclosure, the one module the public report uses too),
 * for a caller who sees an area in aggregate only and for restricted datasets.
 *
 * A totals-only caller (discloseTrendsByMonth) chooses the periods, so each month of the area is
 * protected on its own and a total is given only where every month of it is shown
 * (domain/disclosure/by-month.ts): no two answers can be subtracted.
 *
 * A restricted dataset (discloseTrends), for every caller, the owner included, who is granted the
 * dataset: each answer is protected on its own, its totals kept where possible. Each
 * measure's months and its period total are cells, the total the sum of the months (and the
 * months compared, when fewer, another sum); where "all crime" is given beside its categories and
 * is their sum, each of its months and totals is the sum of theirs. Counts from 1 to threshold − 1
 * are held back as "fewer than", and the cells that would give one back by subtraction as "not
 * shown" (secondary suppression); a change, test or rate is given only when every count it is
 * worked from is shown (a rate with its population, or a change with one count, gives the other
 * back). The earlier year's months are not published, only its total, which is suppressed alone.
 *
 * Pure: documents in, documents out.
 */
import { ALL_CRIME, ASB } from '../domain/categories.js';
import type { AreaCounts, Measure } from '../domain/area-counts.js';
import { measureSeries } from '../domain/area-counts.js';
import { totalStatus, type MonthCells } from '../domain/disclosure/by-month.js';
import { protectTable } from '../domain/disclosure/protect.js';
import {
  linkedShown,
  type CellStatus,
  type DisclosureCell,
  type DisclosurePolicy,
  type DisclosureTable,
  type LinearRelation,
  type Protection,
} from '../domain/disclosure/table.js';
import type {
  DisclosedTrendDocument,
  DisclosureReason,
  TrendDocument,
  WithheldAs,
} from './trend-table.js';

/**
 * Trends of a restricted dataset (for every caller, the owner included), each answer protected on
 * its own. A totals-only caller is answered month by month instead (discloseTrendsByMonth).
 */
export function discloseTrends(
  docs: readonly TrendDocument[],
  policy: DisclosurePolicy,
): DisclosedTrendDocument[] {
  // Held back, a year's total hides more than a month does: the totals are kept and months held
  // back instead where that protects every small count; else anything may go.
  let protection: Protection;
  try {
    protection = protectTable(trendDisclosureTable(docs, { keepTotals: true }), policy);
  } catch {
    protection = protectTable(trendDisclosureTable(docs), policy);
  }
  return docs.map((d, i) => disclosed(d, i, protection, policy, 'restricted dataset'));
}

/**
 * The trends as disclosure control sees them: each measure's months and totals as cells (ids
 * `i:month`, `i:current`, `i:previous`, `i:compared` for the i-th document), and the sums between
 * them a reader can solve.
 */
export function trendDisclosureTable(
  docs: readonly TrendDocument[],
  options: { keepTotals?: boolean } = {},
): DisclosureTable {
  const cells: DisclosureCell[] = [];
  // A total that is not small (a period's, or all crime's in a month) is never held back to
  // protect another cell: the categories' months are.
  const total = options.keepTotals ? { suppressible: false } : {};
  const relations: LinearRelation[] = [];
  const id = (i: number, what: string) => `${i}:${what}`;
  const all = docs.findIndex((d) => d.category === ALL_CRIME);
  docs.forEach((d, i) => {
    const held = d.months.filter((m) => m.count !== null);
    for (const m of held)
      cells.push({ id: id(i, m.month), value: m.count as number, ...(i === all ? total : {}) });
    cells.push({ id: id(i, 'current'), value: d.current, ...total });
    relations.push({
      id: id(i, 'period'),
      total: id(i, 'current'),
      parts: held.map((m) => id(i, m.month)),
    });
    if (d.previous !== null) cells.push({ id: id(i, 'previous'), value: d.previous, ...total });
    if (d.comparison && d.comparison.current !== d.current) {
      cells.push({ id: id(i, 'compared'), value: d.comparison.current, ...total });
      relations.push({
        id: id(i, 'compared'),
        total: id(i, 'compared'),
        parts: d.comparison.currentMonths.map((m) => id(i, m)),
      });
    }
  });
  // All crime as the sum of the categories beside it, month by month and over the totals: only
  // where it is their sum (a reader can subtract only what adds up).
  if (all >= 0 && docs.length > 1) {
    // All crime leaves out anti-social behaviour, which is shown on its own line.
    const parts = docs.map((_, i) => i).filter((i) => i !== all && docs[i]!.category !== ASB);
    const value = new Map(cells.map((c) => [c.id, c.value]));
    const sums = (what: string) => {
      const ids = parts.map((i) => id(i, what));
      const total = id(all, what);
      if (!value.has(total) || ids.some((x) => !value.has(x))) return;
      const sum = ids.reduce((s, x) => s + (value.get(x) as number), 0);
      if (sum === value.get(total)) relations.push({ id: `sum:${what}`, total, parts: ids });
    };
    for (const m of docs[all]!.months) sums(m.month);
    sums('current');
    sums('previous');
  }
  return { cells, relations };
}

function withheldAs(p: Protection, cell: string): WithheldAs | null {
  const status = p.status.get(cell) ?? 'shown';
  if (status === 'shown') return null;
  return status === 'primary' ? 'fewer than' : 'not shown';
}

function disclosed(
  d: TrendDocument,
  i: number,
  p: Protection,
  policy: DisclosurePolicy,
  reason: DisclosureReason,
): DisclosedTrendDocument {
  const cell = (what: string) => `${i}:${what}`;
  const current = withheldAs(p, cell('current'));
  const previous = d.previous === null ? null : withheldAs(p, cell('previous'));
  const compared =
    d.comparison && d.comparison.current !== d.current ? cell('compared') : cell('current');
  const changeShown = d.previous !== null && linkedShown(p, compared, cell('previous'));
  const rateShown = current === null;
  const months = d.months.map((m) => {
    const as = m.count === null ? null : withheldAs(p, cell(m.month));
    return as === null ? m : { month: m.month, count: null, withheld: as };
  });
  // The reading quotes the totals and the change: kept when they are all shown.
  const readingShown =
    current === null && previous === null && (d.previous === null || changeShown);
  const fewer = `fewer than ${policy.threshold}`;
  return {
    ...d,
    current: current === null ? d.current : null,
    previous: previous === null ? d.previous : null,
    comparison: d.comparison && {
      ...d.comparison,
      current: p.status.get(compared) === 'shown' ? d.comparison.current : null,
    },
    months,
    change: changeShown ? d.change : null,
    changePct: changeShown ? d.changePct : null,
    rateRatio: changeShown ? d.rateRatio : null,
    ci95: changeShown ? d.ci95 : null,
    pValue: changeShown ? d.pValue : null,
    ...(d.pValueAdjusted !== undefined
      ? { pValueAdjusted: changeShown ? d.pValueAdjusted : null }
      : {}),
    ratePer1000: rateShown ? d.ratePer1000 : null,
    ratePer1000PerMonth: rateShown ? d.ratePer1000PerMonth : null,
    reading: readingShown
      ? d.reading
      : `${d.label}: the total or the earlier year's is held back (${fewer}, or not shown where it would give a smaller count away), so no change or rate is given.`,
    notes: [
      reason === 'totals only'
        ? `Your access shows ${d.area.name} as totals only: counts from 1 to ${policy.threshold - 1} are shown as "${fewer}", and counts that would give them away by subtraction as "not shown"; each month is protected on its own, and a total is given only where every month of it is shown.`
        : `This dataset is restricted: counts from 1 to ${policy.threshold - 1} are shown as "${fewer}" to everyone, and counts that would give them away by subtraction as "not shown".`,
      ...d.notes,
    ],
    disclosure: { threshold: policy.threshold, reason, current, previous },
  };
}

/**
 * Every month's cells of an area for month-by-month disclosure control (domain/disclosure/
 * by-month.ts): each measure's count (cell `measure:month`), the sum measure's (all crime, or a
 * dataset's total) as their published sum, anti-social behaviour beside them and not in it. All
 * the area's measures, whichever the caller asked for, so that the pattern is the same whatever
 * is asked.
 */
export function areaMonthCells(
  input: AreaCounts,
  measures: readonly Measure[],
  sumKey: string,
): MonthCells[] {
  const series = measures.map((m) => ({ key: m.key, counts: measureSeries(input, m) }));
  const sum = series.find((m) => m.key === sumKey);
  return input.observed.map((month) => ({
    month,
    parts: series
      .filter((m) => m !== sum)
      .map((m) => ({
        id: `${m.key}:${month}`,
        value: m.counts.get(month) ?? 0,
        inSum: m.key !== ASB,
      })),
    sum: sum ? { id: `${sum.key}:${month}`, value: sum.counts.get(month) ?? 0 } : null,
  }));
}

/**
 * Trends as a totals-only caller gets them: each month's count with the status month-by-month
 * control gave it (`status`, from protectByMonth over areaMonthCells), and a total (the period's,
 * the months compared, the earlier year's) only where every month of it is shown.
 */
export function discloseTrendsByMonth(
  docs: readonly TrendDocument[],
  status: ReadonlyMap<string, CellStatus>,
  policy: DisclosurePolicy,
): DisclosedTrendDocument[] {
  return docs.map((d, i) => {
    const cells = new Map<string, CellStatus>();
    const of = (months: readonly string[]) => months.map((m) => `${d.category}:${m}`);
    const held = d.months.filter((m) => m.count !== null).map((m) => m.month);
    for (const m of held) cells.set(`${i}:${m}`, status.get(`${d.category}:${m}`) ?? 'shown');
    cells.set(`${i}:current`, totalStatus(d.current, of(held), status, policy));
    if (d.previous !== null)
      cells.set(
        `${i}:previous`,
        d.comparison
          ? totalStatus(d.previous, of(d.comparison.previousMonths), status, policy)
          : 'withheld',
      );
    if (d.comparison && d.comparison.current !== d.current)
      cells.set(
        `${i}:compared`,
        totalStatus(d.comparison.current, of(d.comparison.currentMonths), status, policy),
      );
    const protection: Protection = {
      threshold: policy.threshold,
      status: cells,
      ranges: new Map(),
    };
    return disclosed(d, i, protection, policy, 'totals only');
  });
}
