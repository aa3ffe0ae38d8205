/**
 * What a reader of a force's and each of its districts' `trends` knows (test/partner-force-
 * disclosure.test.ts, test/report-months-held.test.ts): each month shown, each total given, and
 * each force month the sum of its districts'.
 */
import { expect } from 'vitest';

import type { DisclosedTrendDocument } from '../../src/usecases/trends.js';
import type { Equation } from './by-subtraction.js';
import { runJson } from './cli.js';
import { HERTFORDSHIRE_DISTRICTS } from './hertfordshire.js';

/** A cell of the attack: an area's count of a category in a month. */
export const cellOf = (area: string, category: string, month: string): string =>
  `${area}|${category}:${month}`;

/** `lantern trends --all` of a partner dataset, as the caller `as` (--as NAME) is shown it. */
export async function trendsOf(
  db: string,
  area: string,
  dataset: string,
  period: string,
  as?: string[],
): Promise<DisclosedTrendDocument[]> {
  const r = await runJson<DisclosedTrendDocument[]>([
    'trends',
    '--area',
    area,
    '--dataset',
    dataset,
    '--all',
    '--period',
    period,
    '--db',
    db,
    ...(as ?? []),
  ]);
  expect(r.code, `${area}: ${r.stderr}`).toBe(0);
  return r.json;
}

/**
 * The sums a reader of Hertfordshire's and every district's trends knows, and the cells they are
 * shown as "fewer than" (the small counts to be found).
 */
export async function hertfordshireTrendsKnown(
  db: string,
  dataset: string,
  period: string,
  as?: string[],
): Promise<{ known: Equation[]; small: Set<string> }> {
  const known: Equation[] = [];
  const small = new Set<string>();
  const months = new Set<string>();
  const categories = new Set<string>();
  for (const area of ['Hertfordshire', ...HERTFORDSHIRE_DISTRICTS]) {
    for (const d of await trendsOf(db, area, dataset, period, as)) {
      categories.add(d.category);
      for (const m of d.months) {
        months.add(m.month);
        const id = cellOf(area, d.category, m.month);
        if (m.count !== null) known.push({ cells: [id], value: m.count });
        else if (m.withheld === 'fewer than') small.add(id);
      }
      if (d.current !== null)
        known.push({
          cells: d.months.map((m) => cellOf(area, d.category, m.month)),
          value: d.current,
        });
    }
  }
  // The force's month is its districts' sum (the reader knows the districts make up the force).
  for (const m of months)
    for (const c of categories) {
      const force = known.find(
        (k) => k.cells.length === 1 && k.cells[0] === cellOf('Hertfordshire', c, m),
      );
      if (force)
        known.push({
          cells: HERTFORDSHIRE_DISTRICTS.map((d) => cellOf(d, c, m)),
          value: force.value,
        });
    }
  return { known, small };
}
