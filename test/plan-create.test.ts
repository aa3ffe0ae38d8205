/**
 * `lantern plan create --from-assessment latest` on the demo store, with assessments of Three
 * Rivers and then of Watford saved: the latest assessment of the partnership's own area (its
 * previous plan's), never simply the last saved of any area; a new partnership names its area
 * when several are assessed; a change of area is said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const D = ['--db', db];
afterAll(() => dir.remove());

let threeRivers: string;

beforeAll(async () => {
  await threeRiversPlan(db);
  const list = await runJson<{ id: string; areaName: string }[]>(['assess', 'list', ...D]);
  threeRivers = list.json.at(-1)!.id;
  const watford = await run(['assess', ...D, '--area', 'Watford', '--period', '2025']);
  expect(watford.code, watford.stderr).toBe(0);
});

const create = (partnership: string, year: string, ...more: string[]) =>
  runJson<{ plan: { areaName: string; assessmentId: string } }>([
    'plan',
    'create',
    ...D,
    '--partnership',
    partnership,
    '--year',
    year,
    '--from-assessment',
    'latest',
    ...more,
  ]);

describe('lantern plan create --from-assessment latest', () => {
  it("takes the latest assessment of the partnership's own area, not the last saved of another", async () => {
    const next = await create('Three Rivers CSP', '2026-27');
    expect(next.code, next.stderr).toBe(0);
    expect(next.json.plan).toMatchObject({ areaName: 'Three Rivers', assessmentId: threeRivers });
  });

  it('asks a partnership with no plan yet to name its area when several are assessed', async () => {
    const r = await create('Watford CSP', '2025-26');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "the saved assessments are of 2 areas (Three Rivers, Watford): say which is the partnership's with --area",
    );
    const named = await create('Watford CSP', '2025-26', '--area', 'Watford');
    expect(named.code, named.stderr).toBe(0);
    expect(named.json.plan.areaName).toBe('Watford');
  });

  it('says when the area changes from the previous plan', async () => {
    const r = await run([
      'plan',
      'create',
      ...D,
      '--partnership',
      'Three Rivers CSP',
      '--year',
      '2027-28',
      '--from-assessment',
      'latest',
      '--area',
      'Watford',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'The area changes: the 2026-27 plan of Three Rivers CSP was of Three Rivers, this one is of Watford.',
    );
    // Watford's assessment of 2025 is a year and a quarter before April 2027.
    expect(r.stdout).toContain(
      "The assessment's evidence (January to December 2025) ends 16 months before the 2027-28 plan year begins",
    );
  });

  it('refuses a plan year its assessment comes after, and a year decades away, changing nothing', async () => {
    const before = await runJson<unknown[]>(['plan', 'show', ...D, '--partnership', 'Watford CSP']);
    const past = await create('Watford CSP', '2019-20', '--area', 'Watford');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain(
      'the assessment covers January to December 2025, after the 2019-20 plan year ended (March 2020)',
    );
    const far = await create('Watford CSP', '2126-27', '--area', 'Watford');
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(
      /the 2126-27 plan year: its first day, 2126-04-01 is more than 10 years after today/u,
    );
    const after = await runJson<unknown[]>(['plan', 'show', ...D, '--partnership', 'Watford CSP']);
    expect(after.json).toEqual(before.json);
  });
});
