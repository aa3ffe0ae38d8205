/**
 * Trends after disclosure control (domain/disclosure, the one module the public report uses too),
 * for a caller who sees an area in aggregate only and for restricted datasets.
 *
 * A totals-only caller (discloseTrendsByMonth) chooses the periods, so each month of the area is
 * protected on its own and a total is given only where every month of it is shown
 * (domain/disclosure/by-month.ts): no two answers can be subtracted.
 *
 * A restricted dataset is answered the same way, for every caller (the owner included) who is
 * granted it: its counts from 1 to threshold − 1 are "fewer than" to everyone, and any caller may
 * ask for any period, so protecting each answer on its own would let two answers be subtracted
 * (January to December less February to December is January). A change, test or rate is given
 * only when every count it is worked from is shown (a rate with its population, or a change with
 * one count, gives the other back).
 *
 * Pure: documents in, documents out.
 */
import { ASB } from '../domain/categories.js';
import type { AreaCounts, Measure } from '../domain/area-counts.js';
import { measureSeries } from '../domain/area-counts.js';
import { totalStatus, type MonthCells } from '../domain/disclosure/by-month.js';
import {
  linkedShown,
  type CellStatus,
  type DisclosurePolicy,
  type Protection,
} from '../domain/disclosure/table.js';
import type {
  DisclosedTrendDocument,
  DisclosureReason,
  TrendDocument,
  WithheldAs,
} from './trend-table.js';

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
        : `This dataset is restricted: counts from 1 to ${policy.threshold - 1} are shown as "${fewer}" to everyone, and counts that would give them away by subtraction as "not shown"; each month is protected on its own, and a total is given only where every month of it is shown.`,
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
 * Trends as a totals-only caller, or any caller of a restricted dataset (`reason`), gets them:
 * each month's count with the status month-by-month control gave it (`status`, from
 * protectByMonth over areaMonthCells), and a total (the period's, the months compared, the
 * earlier year's) only where every month of it is shown; a change or rate only where the totals it
 * is worked from are.
 */
export function discloseTrendsByMonth(
  docs: readonly TrendDocument[],
  status: ReadonlyMap<string, CellStatus>,
  policy: DisclosurePolicy,
  reason: DisclosureReason = 'totals only',
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
    return disclosed(d, i, protection, policy, reason);
  });
}
