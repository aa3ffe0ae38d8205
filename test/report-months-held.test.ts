/**
 * A report is read by people whose grants differ from its maker's, and a partner dataset's months
 * are shown to some of them under month-by-month control, whose months held back depend on their
 * grants. Fly-tipping (a public dataset) for every district of Hertfordshire in 2025, made up for
 * the test beside the demo store's synthetic Three Rivers: 200 incidents a month, Watford's
 * January 3. A caller seeing the force as totals only (Eve) is shown the force's January and
 * every district's but Watford's ("fewer than 5") and Three Rivers' (160, "not shown": the
 * smallest beside it). Before the fix, Three Rivers' public report, made by the store's owner,
 * gave its fly-tipping of 2025 (and its months, and the districts compared): less February to
 * December, Three Rivers' January; and the force less the other districts, Watford's 3.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import type { ReportData } from '../src/report/report-data.js';
import { openStore } from '../src/store/open-store.js';
import { reportData } from '../src/usecases/report-data.js';
import { addAccounts } from './helpers/accounts.js';
import { bySubtraction, type Equation } from './helpers/by-subtraction.js';
import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { cellOf, hertfordshireTrendsKnown } from './helpers/force-trends.js';
import { HERTFORDSHIRE_DISTRICTS } from './helpers/hertfordshire.js';
import { settingsFrom } from './helpers/settings.js';
import { loadAssessmentInputsSetting } from '../src/config/settings.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
const SETTINGS = await settingsFrom();
// Manual scores that make fly-tipping a High priority: its months, map and districts compared,
// and the plan made from it, are then in the report too.
const INPUTS_FILE = join(dir.path, 'inputs.yaml');
writeFileSync(
  INPUTS_FILE,
  [
    'scored_by: Reviewer',
    'date: 2026-01-15',
    'issues:',
    '  fly-tipping:',
    ...['impact', 'position', 'vulnerability'].map((s) => `    ${s}: { score: 5, reason: test }`),
  ].join('\n') + '\n',
);
const INPUTS = await loadAssessmentInputsSetting(INPUTS_FILE, SETTINGS.riskMatrix);
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire', sensitivity: 'restricted' }] },
    {
      name: 'Eve',
      role: 'partner',
      organisation: 'Hertfordshire County Council',
      grants: [{ area: 'Hertfordshire', level: 'aggregate', sensitivity: 'partner' }],
    },
  ]);
  const rows = ['date,area,land_type,waste_type,size'];
  for (const d of HERTFORDSHIRE_DISTRICTS.filter((x) => x !== 'Three Rivers'))
    for (const m of MONTHS)
      for (let i = 0; i < (d === 'Watford' && m === '2025-01' ? 3 : 200); i++)
        rows.push(`${m}-${String(1 + (i % 28)).padStart(2, '0')},${d},highway,green,single-item`);
  writeFileSync(join(dir.path, 'fly-tipping.csv'), rows.join('\n') + '\n');
  // Then the partnership's plan for 2024-25, from a saved assessment with fly-tipping High: the
  // report's review of it compares fly-tipping's April 2024 to March 2025 with 2025.
  for (const args of [
    ['import', '--dataset', 'fly-tipping', join(dir.path, 'fly-tipping.csv')],
    [
      'assess',
      '--area',
      'Three Rivers',
      '--period',
      '2024-04..2025-03',
      '--allow-partial',
      '--inputs',
      INPUTS_FILE,
    ],
    [
      'plan',
      'create',
      '--partnership',
      'Three Rivers CSP',
      '--year',
      '2024-25',
      '--from-assessment',
      'latest',
    ],
  ]) {
    const r = await run([...args, '--db', db]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
}, 120_000);

/** Three Rivers' (or another area's) public report of 2025, made by the store's owner. */
const publicReport = async (area: string, path = db): Promise<ReportData> => {
  const store = await openStore(path, { readOnly: true });
  try {
    return await reportData(store, FULL_SCOPE, {
      area,
      period: { from: '2025-01', to: '2025-12' },
      save: false,
      settings: SETTINGS,
      inputs: INPUTS,
      audience: 'public',
    });
  } finally {
    store.close();
  }
};

/** The sums of fly-tipping's total a public report gives (the area's months and period counts). */
function reportSums(data: ReportData): Equation[] {
  const area = data.area.name;
  const year = MONTHS.map((m) => cellOf(area, 'total', m));
  const known: Equation[] = [];
  for (const row of data.partner)
    if (row.dataset === 'fly-tipping' && !row.withheld?.recorded)
      known.push({ cells: year, value: row.count });
  for (const i of data.assessment.issues)
    if (i.key === 'fly-tipping' && !i.evidence.disclosure?.recorded)
      known.push({ cells: year, value: i.evidence.recorded });
  for (const p of data.priorities.filter((x) => x.key === 'fly-tipping')) {
    for (const m of p.trend?.months ?? [])
      if (!m.hidden && m.count !== null && MONTHS.includes(m.month))
        known.push({ cells: [cellOf(area, 'total', m.month)], value: m.count });
    for (const a of p.comparison?.areas ?? [])
      known.push({ cells: MONTHS.map((m) => cellOf(a.name, 'total', m)), value: a.count });
  }
  // The review of the plan: fly-tipping in 2025 (and in April 2024 to March 2025, whose
  // January to March 2025 are the same months).
  for (const p of data.planReview?.priorities ?? [])
    if (p.key === 'fly-tipping' && p.figures) known.push({ cells: year, value: p.figures.current });
  return known;
}

describe('a public dataset in the public report, against a totals-only caller', () => {
  it("gives no sum that, with the force's months in trends, is Watford's January", async () => {
    const { known, small } = await hertfordshireTrendsKnown(db, 'fly-tipping', '2025', [
      '--as',
      'Eve',
    ]);
    const watford = cellOf('Watford', 'total', '2025-01');
    expect(small.has(watford)).toBe(true); // there to be found
    // Without the reports, trends alone give nothing away.
    expect(bySubtraction(known).has(watford)).toBe(false);
    const reports = await Promise.all(
      ['Three Rivers', 'Watford', 'Dacorum'].map((a) => publicReport(a)),
    );
    // Each report gives fly-tipping (a public dataset) a row of its own.
    for (const r of reports) expect(r.partner.map((p) => p.dataset)).toContain('fly-tipping');
    const sums = reports.flatMap(reportSums);
    const found = bySubtraction([...known, ...sums]);
    expect([...small].filter((c) => found.has(c))).toEqual([]);
    // Three Rivers' year is said to be held back, and why, in words a resident can read.
    const tr = reports[0]!;
    const row = tr.partner.find((p) => p.dataset === 'fly-tipping')!;
    expect(row.withheld).toMatchObject({ recorded: 'not shown', reason: 'public version' });
    // Fly-tipping is a High priority (the manual scores): its months are given but January,
    // with no expected range (fitted from January too), and no map or districts compared.
    const priority = tr.priorities.find((p) => p.key === 'fly-tipping')!;
    expect(priority.trend!.months.filter((m) => m.hidden).map((m) => m.month)).toContain('2025-01');
    expect(priority.trend!.months.filter((m) => m.month >= '2025-02' && !m.hidden)).toHaveLength(
      11,
    );
    expect(priority.trend!.months.some((m) => m.expectedLow != null)).toBe(false);
    expect(priority.comparison).toBeNull();
    expect(priority.hotspot).toBeNull();
    // The plan's review gives no fly-tipping total over January 2025 either.
    const review = tr.planReview!.priorities.find((p) => p.key === 'fly-tipping')!;
    expect(review.figures).toBeNull();
    expect(review.noFigures).toMatch(/a count from 1 to 4 was recorded here or in another/u);
    const issue = tr.assessment.issues.find((i) => i.key === 'fly-tipping')!;
    expect(issue.rationale).toContain(
      'the number recorded is not shown (in one of its months, a count from 1 to 4 was recorded here or in another district of the force)',
    );
  });

  it('gives every figure where no district of the force has a small month', async () => {
    // The demo store alone: only Three Rivers holds fly-tipping, none of its months small.
    const data = await publicReport('Three Rivers', demoStoreCopy(dir.path, 'plain.duckdb'));
    const row = data.partner.find((p) => p.dataset === 'fly-tipping')!;
    expect(row.withheld).toBeUndefined();
    expect(row.count).toBeGreaterThan(1000);
  });
});
