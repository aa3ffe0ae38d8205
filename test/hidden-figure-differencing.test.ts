/**
 * The hidden figure gives a restricted dataset's recorded count for any period asked. A total given
 * whenever it is 5 or more let two periods be subtracted to give a small month back (as trends and
 * assess did): its months are protected as theirs are, and a total is given only where every month
 * of it is shown. Domestic abuse counts for Watford, imported into a copy of the demo store, with
 * January 2025 at 3 incidents.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { bySubtraction, type Equation } from './helpers/by-subtraction.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
const INCIDENTS = [3, 21, 18, 25, 19, 22, 30, 27, 24, 2, 26, 23];
const months = INCIDENTS.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  const file = join(dir.path, 'da-watford.csv');
  writeFileSync(
    file,
    [
      'month,area,incidents,crimes',
      ...months.map((m, i) => `${m},Watford,${INCIDENTS[i]},${Math.floor(INCIDENTS[i]! / 2)}`),
    ].join('\n') + '\n',
  );
  const r = await run(['import', '--dataset', 'domestic-abuse', file, '--db', db]);
  expect(r.code, r.stderr).toBe(0);
}, 120_000);

type Row = { key: string; recorded: number | null; withheld?: string };

describe("the hidden figure's restricted totals cannot be subtracted to give a small month back", () => {
  it('over every period that starts or ends on a month of 2025, no month under 5 is worked out', async () => {
    const periods = [
      ...months.map((m) => `${m}..2025-12`),
      ...months.slice(0, -1).map((m) => `2025-01..${m}`),
    ];
    const known: Equation[] = [];
    for (const period of periods) {
      const r = await runJson<{ rows: Row[] }>([
        'hidden-figure',
        '--area',
        'Watford',
        '--period',
        period,
        '--db',
        db,
      ]);
      expect(r.code, r.stderr).toBe(0);
      const row = r.json.rows.find((x) => x.key === 'dataset:domestic-abuse:incidents')!;
      const [from, to] = period.split('..') as [string, string];
      if (row.recorded !== null)
        known.push({ cells: months.filter((m) => m >= from && m <= to), value: row.recorded });
      else expect(row.withheld).toMatch(/fewer than 5|not shown/u);
    }
    // Without the month-by-month control, 2025 less February to December gives January's 3.
    expect(known.length).toBeGreaterThan(0);
    const solved = bySubtraction(known);
    for (const [month, value] of solved)
      expect(value >= 1 && value <= 4, `${month} = ${value}`).toBe(false);
    expect(solved.get('2025-01')).toBeUndefined();
    expect(solved.get('2025-10')).toBeUndefined();
  });

  it('gives the total where every month of it is shown', async () => {
    const r = await runJson<{ rows: Row[] }>([
      'hidden-figure',
      '--area',
      'Watford',
      '--period',
      '2025-02..2025-09',
      '--db',
      db,
    ]);
    const row = r.json.rows.find((x) => x.key === 'dataset:domestic-abuse:incidents')!;
    expect(row.recorded).toBe(INCIDENTS.slice(1, 9).reduce((a, b) => a + b, 0));
  });
});
