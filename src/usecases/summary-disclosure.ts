/**
 * An area's summary as a caller who sees the area in aggregate only gets it: the counts by
 * category and month after disclosure control (domain/disclosure, as the trends of
 * analysis/trend-disclosure.ts). Each category's months sum to its total, the categories other
 * than ASB to the crime total, and (as the text prints it) to each month's crime; counts from 1
 * to threshold − 1 are held back as "fewer than", and those that would give one back as "not
 * shown", each month on its own so that answers for different periods hold a month back alike
 * (domain/disclosure/by-month.ts), and a total only where every month of it is shown.
 * The records not counted (no location, outside the area) are not given. Pure.
 */
import type { WithheldAs } from '../analysis/trend-table.js';
import { ALL_CRIME, ASB } from '../domain/categories.js';
import { protectByMonth, totalStatus, type MonthCells } from '../domain/disclosure/by-month.js';
import type {
  CellStatus,
  DisclosureCell,
  DisclosurePolicy,
  DisclosureTable,
  LinearRelation,
  Protection,
} from '../domain/disclosure/table.js';
import type { Month } from '../domain/month.js';
import type { AreaSummary } from './summarise-area.js';

/** The summary as a reader can solve it: every cell it publishes and the sums between them. */
export function summaryDisclosureTable(s: AreaSummary): DisclosureTable {
  const keep = {};
  const cells: DisclosureCell[] = [];
  const relations: LinearRelation[] = [];
  const observed = s.months.filter((m) => m.status === 'observed').map((m) => m.month);
  const crimeCats = s.categories.filter((c) => c.category !== ASB);
  for (const c of s.categories) {
    for (const m of observed) cells.push({ id: `${c.category}:${m}`, value: c.byMonth[m] ?? 0 });
    cells.push({ id: `${c.category}:total`, value: c.total ?? 0, ...keep });
    relations.push({
      id: c.category,
      total: `${c.category}:total`,
      parts: observed.map((m) => `${c.category}:${m}`),
    });
  }
  cells.push({ id: 'crime:total', value: s.totals.crime ?? 0, ...keep });
  relations.push({
    id: 'crime',
    total: 'crime:total',
    parts: crimeCats.map((c) => `${c.category}:total`),
  });
  for (const m of observed) {
    const parts = crimeCats.map((c) => `${c.category}:${m}`);
    cells.push({
      id: `crime:${m}`,
      value: crimeCats.reduce((n, c) => n + (c.byMonth[m] ?? 0), 0),
      ...keep,
    });
    relations.push({ id: `crime:${m}`, total: `crime:${m}`, parts });
  }
  return { cells, relations };
}

/**
 * The summary's month cells' status from the area's (police-totals-disclosure.ts), whose crime
 * cell is all crime's. A cell it does not name is held back: never shown by default.
 */
function fromAreaStatus(
  months: readonly MonthCells[],
  status: ReadonlyMap<string, CellStatus>,
): Map<string, CellStatus> {
  const out = new Map<string, CellStatus>();
  for (const m of months) {
    for (const p of m.parts) out.set(p.id, status.get(p.id) ?? 'withheld');
    if (m.sum) out.set(m.sum.id, status.get(`${ALL_CRIME}:${m.month}`) ?? 'withheld');
  }
  return out;
}

const withheldAs = (p: Protection, id: string): WithheldAs | null => {
  const status = p.status.get(id) ?? 'shown';
  return status === 'shown' ? null : status === 'primary' ? 'fewer than' : 'not shown';
};

/**
 * Each month protected on its own (domain/disclosure/by-month.ts: a totals-only caller chooses
 * the period, and the same month must be held back alike in every answer), and a category's
 * total given only where every month of it is shown; the crime total is the sum of the months'
 * crime, which are published.
 */
export function summaryProtection(
  s: AreaSummary,
  policy: DisclosurePolicy,
  monthStatus?: ReadonlyMap<string, CellStatus>,
): Protection {
  const observed = s.months.filter((m) => m.status === 'observed').map((m) => m.month);
  const months: MonthCells[] = observed.map((m) => ({
    month: m,
    parts: s.categories.map((c) => ({
      id: `${c.category}:${m}`,
      value: c.byMonth[m] ?? 0,
      inSum: c.category !== ASB,
    })),
    sum: {
      id: `crime:${m}`,
      value: s.categories
        .filter((c) => c.category !== ASB)
        .reduce((n, c) => n + (c.byMonth[m] ?? 0), 0),
    },
  }));
  const status = monthStatus ? fromAreaStatus(months, monthStatus) : protectByMonth(months, policy);
  for (const c of s.categories)
    status.set(
      `${c.category}:total`,
      totalStatus(
        c.total ?? 0,
        observed.map((m) => `${c.category}:${m}`),
        status,
        policy,
      ),
    );
  status.set(
    'crime:total',
    totalStatus(
      s.totals.crime ?? 0,
      observed.map((m) => `crime:${m}`),
      status,
      policy,
    ),
  );
  return { threshold: policy.threshold, status, ranges: new Map() };
}

/**
 * The summary as a caller who sees the area as totals only gets it. `monthStatus`: each month's
 * cells as protected with the other areas of the force the caller sees
 * (usecases/police-totals-disclosure.ts: ids `category:month`, all crime `all-crime:month`);
 * without it, the area's months are protected on their own.
 */
export function discloseSummary(
  s: AreaSummary,
  policy: DisclosurePolicy,
  monthStatus?: ReadonlyMap<string, CellStatus>,
): AreaSummary {
  const p = summaryProtection(s, policy, monthStatus);
  const observed = s.months.filter((m) => m.status === 'observed').map((m) => m.month);
  const monthCrime: Record<Month, WithheldAs> = {};
  const crimeByMonth = { ...s.crimeByMonth };
  for (const m of observed) {
    const as = withheldAs(p, `crime:${m}`);
    if (as) {
      monthCrime[m] = as;
      crimeByMonth[m] = null;
    }
  }
  const categories = s.categories.map((c) => {
    const byMonth = { ...c.byMonth };
    const withheld: Record<Month, WithheldAs> = {};
    for (const m of observed) {
      const as = withheldAs(p, `${c.category}:${m}`);
      if (as) {
        withheld[m] = as;
        byMonth[m] = null;
      }
    }
    const total = withheldAs(p, `${c.category}:total`);
    return {
      ...c,
      byMonth,
      total: total ? null : c.total,
      ...(Object.keys(withheld).length > 0 ? { withheld } : {}),
      ...(total ? { totalWithheld: total } : {}),
    };
  });
  const crime = withheldAs(p, 'crime:total');
  const asb = categories.find((c) => c.category === ASB);
  return {
    ...s,
    categories,
    crimeByMonth,
    totals: { crime: crime ? null : s.totals.crime, asb: asb ? asb.total : s.totals.asb },
    uncounted: null,
    notes: [
      `Your access shows ${s.area.name} as totals only: counts from 1 to ${policy.threshold - 1} are shown as "fewer than ${policy.threshold}", and counts that would give them away by subtraction as "not shown"; each month is protected on its own, a total is given only where every month of it is shown, and records not counted here are not given.`,
      ...s.notes.filter((n) => !n.startsWith('Not counted here')),
    ],
    disclosure: { threshold: policy.threshold, crime, monthCrime },
  };
}
