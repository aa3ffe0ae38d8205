/**
 * A restricted dataset in `assess`: any caller may assess any period, so the totals of two
 * assessments cannot be subtracted to give a month held back (2025 less February to December was
 * January's 3 Prevent referrals in Three Rivers). Each assessment is asked as a caller can ask it,
 * then every figure it gives (each month, the period's total, the months compared, the earlier
 * period's total, the force's total from its rate and population) is put together and subtracted,
 * as someone holding the answers would.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { bySubtraction, type Equation } from './helpers/by-subtraction.js';
import { runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
afterAll(() => dir.remove());

interface Issue {
  key: string;
  basis: Record<string, string>;
  evidence: {
    recorded: number | null;
    previous: number | null;
    changePct: number | null;
    ratePer1000: number | null;
    forceRatePer1000: number | null;
    volumeShare: number | null;
    forcePopulation?: { count: number } | null;
    comparison?: {
      currentMonths: string[];
      previousMonths: string[];
      current?: number;
    } | null;
    disclosure?: { recorded: string | null; previous: string | null };
  };
  months: { month: string; count: number | null; withheld?: string }[];
}

interface Trend {
  category: string;
  months: { month: string; count: number | null; withheld?: string }[];
}

const pad = (n: number) => String(n).padStart(2, '0');
// Periods ending and starting on every month, and some spanning the turn of the year.
const PERIODS = [
  '2025',
  ...Array.from({ length: 11 }, (_, i) => `2025-01..2025-${pad(i + 1)}`),
  ...Array.from({ length: 11 }, (_, i) => `2025-${pad(i + 2)}..2025-12`),
  '2024-12..2025-11',
  '2024-11..2025-10',
];
const RESTRICTED = ['prevent', 'domestic-abuse'];

describe('assess: a restricted dataset, two periods cannot be subtracted', () => {
  it('gives no month of Prevent or domestic abuse from 1 to 4 away, in Three Rivers or the force', async () => {
    const known: Equation[] = [];
    const small = new Set<string>();
    const record = (cell: string, m: Issue['months'][number]) => {
      if (m.count !== null) {
        expect(m.count === 0 || m.count >= 5, cell).toBe(true);
        known.push({ cells: [cell], value: m.count });
      } else if (m.withheld === 'fewer than') small.add(cell);
    };
    for (const period of PERIODS) {
      const r = await runJson<{ issues: Issue[] }>([
        'assess',
        '--area',
        'Three Rivers',
        '--period',
        period,
        '--db',
        db,
        '--no-save',
      ]);
      expect(r.code, r.stderr).toBe(0);
      for (const i of r.json.issues.filter((x) => RESTRICTED.includes(x.key))) {
        const at = (m: string) => `${i.key}:${m}`;
        const e = i.evidence;
        for (const m of i.months) record(at(m.month), m);
        const held = i.months.filter((m) => m.count !== null || m.withheld).map((m) => m.month);
        if (e.recorded !== null) known.push({ cells: held.map(at), value: e.recorded });
        const c = e.comparison;
        if (c?.current !== undefined)
          known.push({ cells: c.currentMonths.map(at), value: c.current });
        if (e.previous !== null && c)
          known.push({ cells: c.previousMonths.map(at), value: e.previous });
        // A change gives one total from the other; a rate, a share or a rate ratio the total.
        if (e.recorded === null) {
          expect([e.changePct, e.ratePer1000, e.volumeShare], `${i.key} ${period}`).toEqual([
            null,
            null,
            null,
          ]);
          expect(i.basis.likelihood).not.toMatch(/% of all recorded|× the force rate/u);
        }
        if (e.changePct !== null && (e.previous === null || e.recorded === null))
          throw new Error(`${i.key} ${period}: a change beside a total held back`);
        // The force's total is its rate times its population, over the same months.
        if (e.forceRatePer1000 !== null && e.forcePopulation)
          known.push({
            cells: held.map((m) => `force:${at(m)}`),
            value: Math.round((e.forceRatePer1000 * e.forcePopulation.count) / 1000),
          });
        else expect(i.basis.likelihood, `${i.key} ${period}`).not.toMatch(/× the force rate/u);
      }
    }
    // The force's months held back, as trends gives them (assess gives none of them).
    for (const dataset of RESTRICTED) {
      const r = await runJson<Trend[]>([
        'trends',
        '--area',
        'Hertfordshire',
        '--dataset',
        dataset,
        '--all',
        '--period',
        '2024-11..2025-12',
        '--db',
        db,
      ]);
      // Where the store holds none of the force's, assess gave no force total to subtract either.
      if (r.code !== 0) {
        expect(r.stderr).toContain('no month of it is held');
        expect(known.some((k) => k.cells.some((c) => c.startsWith(`force:${dataset}:`)))).toBe(
          false,
        );
        continue;
      }
      for (const d of r.json)
        for (const m of d.months)
          if (m.withheld === 'fewer than') small.add(`force:${dataset}:${m.month}`);
    }
    // January 2025's Prevent referrals in Three Rivers (3), "fewer than 5", are there to be found.
    expect(small.has('prevent:2025-01')).toBe(true);
    const found = bySubtraction(known);
    expect([...small].filter((c) => found.has(c))).toEqual([]);
  });
});
