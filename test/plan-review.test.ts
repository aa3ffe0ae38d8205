/**
 * `lantern plan review` on the demo store: a plan built from a 2-month assessment of Three Rivers,
 * reviewed against a 3-month one. The records are compared per month held (as `trends` compares
 * periods of different lengths), not as raw totals; an assessment of another area is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const D = ['--db', db];
afterAll(() => dir.remove());

interface Review {
  now: { id: string } | null;
  priorities: {
    key: string;
    changePct: number | null;
    change: {
      basis: string;
      previous: number;
      current: number;
      monthsThen: number;
      monthsNow: number;
    } | null;
    moved: string;
  }[];
}

const assess = async (area: string, period: string) => {
  const saved = await runJson<{ id: string }>(['assess', ...D, '--area', area, '--period', period]);
  expect(saved.code, saved.stderr).toBe(0);
  return saved.json.id;
};

beforeAll(async () => {
  await assess('Three Rivers', '2025-01..2025-02');
  const created = await run([
    'plan',
    'create',
    ...D,
    '--partnership',
    'Three Rivers CSP',
    '--year',
    '2025-26',
    '--from-assessment',
    'latest',
  ]);
  expect(created.code, created.stderr).toBe(0);
});

describe('lantern plan review', () => {
  it('compares a 2-month base with a 3-month review per month held, not as raw totals', async () => {
    const later = await assess('Three Rivers', '2025-03..2025-05');
    const { code, json, stderr } = await runJson<Review>(['plan', 'review', ...D, '--json']);
    expect(code, stderr).toBe(0);
    expect(json.now?.id).toBe(later);
    const violence = json.priorities.find((p) => p.key === 'violent-crime')!;
    expect(violence.change).toMatchObject({ basis: 'per month', monthsThen: 2, monthsNow: 3 });
    const { previous, current } = violence.change!;
    const perMonth = Math.round(100 * (current / 3 / (previous / 2) - 1));
    const raw = Math.round((100 * (current - previous)) / previous);
    expect(perMonth).not.toBe(raw);
    expect(violence.changePct).toBe(perMonth);
    expect(violence.moved).toContain(`records per month`);
    expect(violence.moved).toContain('in 2 months, 2025-01..2025-02');
    expect(violence.moved).toContain('in 3 months, 2025-03..2025-05');
  });

  it('refuses an assessment of another area, naming both areas', async () => {
    const force = await assess('Hertfordshire', '2025-03..2025-05');
    const r = await run(['plan', 'review', ...D, '--assessment', force]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `Assessment ${force} is of Hertfordshire, and the 2025-26 plan of Three Rivers CSP is of Three Rivers`,
    );
  });
});
