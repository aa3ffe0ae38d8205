/**
 * A plan says which assessment its priorities rest on: the area, the period in words, whether the
 * period was held only in part, and the day it was saved, in `plan show`, the plan report and the
 * dashboard's plan. Before (QA), `plan show` and the dashboard said nothing of it and the report
 * only "the strategic assessment 0d5777fb0164", while the ranks shown were of 9 months of a year.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { threeRiversPlan } from './helpers/plan.js';
import { testServer } from './helpers/server.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
/** The demo store holds January to March 2025 of this plan's period: 3 of 12 months. */
const BASIS =
  /the assessment of Three Rivers, April 2024 to March 2025 \(partial: 3 of 12 months held\), saved \d{4}-\d{2}-\d{2} \([0-9a-f]{12}\)/u;

beforeAll(async () => {
  db = demoStoreCopy(dir.path, 'basis.duckdb');
  await threeRiversPlan(db, { period: '2024-25', year: '2024-25', allowPartial: true });
}, 120_000);
afterAll(() => dir.remove());

it('plan show names the assessment, its period and that it was partial', async () => {
  const shown = await run(['plan', 'show', '--db', db]);
  expect(shown.code, shown.stderr).toBe(0);
  expect(shown.stdout).toMatch(new RegExp(`Priorities from ${BASIS.source}: `, 'u'));
});

it('the plan report says it too', async () => {
  const out = join(dir.path, 'plan.html');
  const made = await run(['plan', 'report', '--out', out, '--db', db]);
  expect(made.code, made.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toMatch(new RegExp(`priorities from ${BASIS.source}`, 'u'));
});

it("and the dashboard's plan page", async () => {
  const server = await testServer(db);
  try {
    const page = await server.app.request('/plan');
    expect(page.status).toBe(200);
    expect((await page.text()).replace(/\s+/gu, ' ')).toMatch(
      new RegExp(`Priorities from ${BASIS.source}\\.`, 'u'),
    );
  } finally {
    server.close();
  }
});
