/**
 * Issue 21: the strategic assessment reviews the previous action plan. On a copy of the demo store
 * a partnership builds its 2021-22 plan from the assessment of 2021 (the demo store holds no
 * 2022 to 2024 but January 2022), adds actions (one owned by a
 * person, not published) and completes some; the report of 2025 then has a section "Review of the
 * 2021-22 action plan" whose counts are the plan's and whose figures are those `trends` gives for
 * the same categories and periods. The public version holds only the published actions and names
 * no person; a report with no earlier plan has no section, and says so in one line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isCategoryChoice } from '../src/domain/categories.js';
import { renderAssessment } from '../src/report/assessment-html.js';
import type { ReportData } from '../src/report/report-data.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversData } from './helpers/three-rivers-report.js';
import { readerText } from './helpers/report-pages.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const D = ['--db', db];
afterAll(() => dir.remove());

const PERSON = 'Shivani Davé';
const SECRET = 'Share the hate crime JSNA with the Prevent lead';
const TODAY = '2026-02-01';

let priorities: { key: string; label: string }[] = [];
/** Two of the plan's priorities that are police.uk categories (their actions are made below). */
let A = '';
let B = '';

async function ok(args: string[]) {
  const r = await run([...args, ...D]);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

async function add(extra: string[]): Promise<number> {
  const r = await ok(['plan', 'action', 'add', ...extra]);
  return Number(/Added action (\d+)/u.exec(r.stdout)![1]);
}

const report = (audience: 'partner' | 'public', period = { from: '2025-01', to: '2025-12' }) =>
  threeRiversData(db, audience, { period, today: TODAY });

beforeAll(async () => {
  await ok(['assess', '--area', 'Three Rivers', '--period', '2021']);
  const created = await runJson<{ priorities: { key: string; label: string }[] }>([
    'plan',
    'create',
    ...D,
    '--partnership',
    'Three Rivers CSP',
    '--year',
    '2021-22',
    '--from-assessment',
    'latest',
  ]);
  expect(created.code, created.stderr).toBe(0);
  priorities = created.json.priorities;
  [A, B] = priorities.map((p) => p.key).filter(isCategoryChoice) as [string, string];
  expect(B).toBeTruthy();
  const council = ['--org', 'Three Rivers District Council'];
  // A: one done, one in progress, one overdue (not started, due before the report's date).
  const done = await add([
    '--priority',
    A,
    '--title',
    'Target-hardening visits in the top hotspot',
    '--owner',
    'Community Safety Officer',
    ...council,
    '--due',
    '2021-09-30',
    '--public',
  ]);
  const going = await add([
    '--priority',
    A,
    '--title',
    'Cocooning after each incident',
    '--owner',
    'Neighbourhood Inspector',
    '--org',
    'Hertfordshire Constabulary',
    '--due',
    '2026-03-31',
    '--public',
  ]);
  await add([
    '--priority',
    A,
    '--title',
    SECRET,
    '--owner',
    PERSON,
    ...council,
    '--due',
    '2022-03-31',
  ]);
  const second = await add([
    '--priority',
    B,
    '--title',
    'Youth outreach in the town centre',
    '--owner',
    'ASB Officer',
    ...council,
    '--due',
    '2022-03-31',
    '--public',
  ]);
  for (const [id, status, progress] of [
    [done, 'complete', '100'],
    [going, 'in-progress', '50'],
    [second, 'complete', '100'],
  ] as const)
    await ok([
      'plan',
      'action',
      'update',
      String(id),
      '--status',
      status,
      '--progress',
      progress,
      '--expect-version',
      '1',
    ]);
  // The open ones continue in 2025-26 (its year begins within 2025: not the plan to review).
  await ok(['plan', 'carry-over', '--from', '2021-22', '--to', '2025-26']);
});

describe('the review of the previous action plan in the strategic assessment', () => {
  let partner: ReportData;
  beforeAll(async () => {
    partner = await report('partner');
  });

  it('reviews the 2021-22 plan in the 2025 report: what was done under each priority', () => {
    const review = partner.planReview!;
    expect(review).toMatchObject({ partnership: 'Three Rivers CSP', year: '2021-22' });
    expect(review.base).toEqual({ from: '2021-01', to: '2021-12' });
    expect(review.priorities.map((p) => p.key)).toEqual(priorities.map((p) => p.key));
    const first = review.priorities.find((p) => p.key === A)!;
    expect(first.actions).toMatchObject({
      total: 3,
      complete: 1,
      inProgress: 1,
      notStarted: 1,
      overdue: 1,
      carriedOver: 2,
    });
    expect(first.items.find((i) => i.title === SECRET)).toMatchObject({
      state: 'overdue',
      owner: PERSON,
      carriedOver: true,
    });
    const other = review.priorities.find((p) => p.key === B)!;
    expect(other.actions).toMatchObject({ total: 1, complete: 1, carriedOver: 0 });

    const html = renderAssessment(partner).html;
    const text = readerText(html);
    expect(html).toContain('Review of the 2021-22 action plan');
    expect(text).toMatch(
      /What was done\. 3 actions: 1 done, 1 in progress, 1 not started; 1 overdue; 2 carried over/u,
    );
    expect(text).toContain(PERSON);
    expect(text).toMatch(/not evidence that an action worked/u);
    expect(partner.caveats.join(' ')).not.toMatch(/No earlier action plan/u);
  });

  it("gives each priority's figures as trends gives them: 2021 against 2025, the change and the exact test", async () => {
    const review = partner.planReview!;
    let compared = 0;
    for (const p of review.priorities) {
      if (!isCategoryChoice(p.key)) continue;
      compared++;
      const {
        json: t,
        code,
        stderr,
      } = await runJson<{
        current: number;
        previous: number;
        changePct: number;
        pValue: number;
        comparison: { base: string };
      }>(['trends', ...D, '--area', 'Three Rivers', '--category', p.key, '--period', '2025']);
      expect(code, stderr).toBe(0);
      // The demo store holds none of 2022 to 2024 but January 2022: trends compares with 2021.
      expect(t.comparison.base).toBe('2021');
      expect(p.figures, p.key).not.toBeNull();
      if (p.figures === null) continue;
      expect(p.figures.current, p.key).toBe(t.current);
      expect(p.figures.previous, p.key).toBe(t.previous);
      expect(p.figures.changePct, p.key).toBeCloseTo(t.changePct, 10);
      expect(p.figures.pValue, p.key).toBeCloseTo(t.pValue, 12);
    }
    expect(compared).toBeGreaterThan(0);
    const first = review.priorities.find((p) => p.key === A)!.figures!;
    const text = readerText(renderAssessment(partner).html);
    expect(text).toContain(
      `${first.previous.toLocaleString('en-GB')} in January to December 2021, ${first.current.toLocaleString('en-GB')} in January to December 2025`,
    );
  });

  it('shows the public only the published actions, and names no person', async () => {
    const data = await report('public');
    const first = data.planReview!.priorities.find((p) => p.key === A)!;
    expect(first.actions).toMatchObject({ total: 2, complete: 1, inProgress: 1, overdue: 0 });
    expect(first.items.every((i) => i.public && i.owner === null)).toBe(true);
    const rendered = renderAssessment(data);
    const text = readerText(rendered.html);
    expect(text).toContain('Review of the 2021-22 action plan');
    expect(text).toContain('Target-hardening visits in the top hotspot');
    expect(rendered.html).not.toContain(SECRET);
    expect(rendered.html).not.toContain('Shivani');
    // Owners may be people: the public version names organisations only.
    expect(rendered.html).not.toContain('Community Safety Officer');
    expect(text).toContain('Three Rivers District Council');
    for (const t of rendered.tables)
      expect(JSON.stringify(t.rows), t.id).not.toMatch(/Shivani|JSNA/u);
  });

  it('has no section when no earlier plan is held, and says so in one line', async () => {
    // The 2021-22 plan began within 2021: no plan began before the 2021 report's period.
    const data = await report('partner', { from: '2021-01', to: '2021-12' });
    expect(data.planReview).toBeNull();
    expect(data.caveats).toContain('No earlier action plan is held in Lantern to review.');
    const html = renderAssessment(data).html;
    expect(html).not.toContain('action plan</h2>');
    expect(html).not.toContain('id="plan-review"');

    const out = join(dir.path, 'report-2021');
    const built = await run([
      'report',
      ...D,
      '--area',
      'Three Rivers',
      '--period',
      '2021',
      '--draft',
      '--no-pdf',
      '--no-save',
      '--out',
      out,
    ]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout.split('\n')).toContain(
      'No earlier action plan is held in Lantern to review.',
    );
    expect(readFileSync(join(out, 'assessment.html'), 'utf8')).not.toContain('id="plan-review"');
  });
});
