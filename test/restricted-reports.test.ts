/**
 * Issue 20 item 4, the strategic assessment and the partner report: a restricted dataset's counts
 * from 1 to 4 are "fewer than 5" there too, for the store's owner, with nothing beside them that
 * gives one back (its months where the period's total is given, its change, rate or share), while
 * the other partner datasets keep their exact counts. On the demo store's synthetic Prevent data
 * for Three Rivers (its months mostly 0 to 3; January to March 2025 holds 3, 0 and 1, and January
 * to March 2024 holds 0, 1 and 0) and its domestic abuse (25 to 38 a month).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { savedAssessment } from '../src/store/assessments.js';
import { openStore } from '../src/store/open-store.js';
import { buildReport } from '../src/usecases/build-report.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { readerText } from './helpers/report-pages.js';
import { testServer } from './helpers/server.js';
import { settingsFrom } from './helpers/settings.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const Q1 = ['--area', 'Three Rivers', '--period', '2025-01..2025-03', '--db', db];
afterAll(() => dir.remove());
const small = (n: number | null | undefined) => n != null && n >= 1 && n <= 4;

interface Issue {
  key: string;
  rationale: string;
  basis: Record<string, string>;
  evidence: {
    recorded: number | null;
    previous: number | null;
    changePct: number | null;
    ratePer1000: number | null;
    volumeShare: number | null;
    pValueHolm: number | null;
    disclosure?: { recorded: string | null; previous: string | null };
  };
  months: { month: string; count: number | null; withheld?: string }[];
}

const issue = (issues: Issue[], key: string) => issues.find((i) => i.key === key)!;

describe('assess: a restricted dataset, for the owner of the store', () => {
  it('a quarter whose total is small: no count, change, rate or share of it', async () => {
    const { code, json } = await runJson<{ issues: Issue[] }>(['assess', ...Q1, '--no-save']);
    expect(code).toBe(0);
    const prevent = issue(json.issues, 'prevent');
    expect(prevent.evidence.recorded).toBeNull();
    expect(prevent.evidence.disclosure).toMatchObject({
      recorded: 'fewer than',
      previous: 'fewer than',
    });
    expect(prevent.evidence.previous).toBeNull();
    expect(prevent.evidence.changePct).toBeNull();
    expect(prevent.evidence.ratePer1000).toBeNull();
    expect(prevent.evidence.volumeShare).toBeNull();
    // Each month protected on its own, as trends gives them, whatever period is asked.
    expect(prevent.months.map((m) => m.withheld ?? m.count)).toEqual([
      'fewer than',
      0,
      'fewer than',
    ]);
    expect(prevent.rationale).toContain('fewer than 5 recorded');
    expect(prevent.rationale).toContain('Restricted dataset');
    expect(prevent.rationale).not.toMatch(/\b[1-4] recorded|on [1-4] in/u);
    expect(prevent.basis.likelihood).not.toMatch(/% of all recorded/u);
    expect(prevent.basis.confidence).toContain('small numbers (fewer than 5)');
    // Domestic abuse, restricted too, has no small count here: every figure as it is.
    const abuse = issue(json.issues, 'domestic-abuse');
    expect(abuse.evidence.recorded).toBe(85);
    expect(abuse.evidence.previous).toBe(102);
    expect(abuse.months.map((m) => m.count)).toEqual([32, 28, 25]);
    expect(abuse.evidence.disclosure).toBeUndefined();
  });

  it('a year with a small month: the total is not shown, nor anything that gives it back', async () => {
    const { json } = await runJson<{ issues: Issue[] }>([
      'assess',
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--db',
      db,
      '--no-save',
    ]);
    const prevent = issue(json.issues, 'prevent');
    // 12, less February to December's 9, would be January's 3.
    expect(prevent.evidence.recorded).toBeNull();
    expect(prevent.evidence.disclosure).toMatchObject({ recorded: 'not shown' });
    expect([prevent.evidence.changePct, prevent.evidence.ratePer1000]).toEqual([null, null]);
    expect(prevent.months.some((m) => small(m.count))).toBe(false);
    expect(prevent.months.find((m) => m.month === '2025-01')?.withheld).toBe('fewer than');
    expect(prevent.rationale).not.toMatch(/\b12\b/u);
  });

  it('the text, the API and its exported table say "fewer than 5", never the count', async () => {
    const text = await run(['assess', ...Q1, '--no-save']);
    expect(text.stdout).toMatch(
      /Prevent referrals \(synthetic\): referral: fewer than 5 recorded/u,
    );
    const server = await testServer(db);
    try {
      const q = 'area=Three%20Rivers&period=2025-01..2025-03';
      const api = (await (await server.app.request(`/api/assess?${q}`)).json()) as {
        issues: Issue[];
      };
      expect(issue(api.issues, 'prevent').evidence.recorded).toBeNull();
      const csv = await (await server.app.request(`/api/export/assess.csv?${q}`)).text();
      const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/u, ''), {
        header: true,
        skipEmptyLines: true,
      }).data;
      const prevent = rows.find((r) => r.key === 'prevent')!;
      expect([prevent.recorded, prevent.previous, prevent.change_pct]).toEqual([
        'fewer than 5',
        'fewer than 5',
        '',
      ]);
      expect(rows.find((r) => r.key === 'domestic-abuse')!.recorded).toBe('85');
    } finally {
      server.close();
    }
  });

  it('the saved assessment keeps no count held back', async () => {
    const saved = await runJson<{ id: string }>(['assess', ...Q1]);
    expect(saved.code).toBe(0);
    const store = await openStore(db);
    try {
      const kept = JSON.parse((await savedAssessment(store, saved.json.id)).result) as {
        issues: Issue[];
      };
      const prevent = issue(kept.issues, 'prevent');
      expect(prevent.evidence.recorded).toBeNull();
      expect(prevent.months.some((m) => small(m.count))).toBe(false);
    } finally {
      store.close();
    }
  });
});

describe('the partner report: a restricted dataset', () => {
  const out = join(dir.path, 'report');
  let html = '';
  const csv = (name: string) =>
    Papa.parse<Record<string, string>>(
      readFileSync(join(out, 'data', name), 'utf8').replace(/^\uFEFF/u, ''),
      { header: true, skipEmptyLines: true },
    ).data;
  let files: string[] = [];

  beforeAll(async () => {
    // A risk matrix that makes every issue High, so Prevent gets a section of its own (months,
    // options) as a partnership with its own bands could give it.
    const matrix = join(dir.path, 'risk-matrix.yaml');
    writeFileSync(
      matrix,
      readFileSync('config/risk-matrix.yaml', 'utf8').replace(
        /^bands: \{ high: 15, medium: 8 \}/mu,
        'bands: { high: 3, medium: 2 }',
      ),
    );
    const settings = await settingsFrom({ riskMatrix: matrix });
    const store = await openStore(db);
    try {
      const built = await buildReport(store, FULL_SCOPE, {
        area: 'Three Rivers',
        period: { from: '2025-01', to: '2025-03' },
        out,
        settings,
        audience: 'partner',
        save: false,
        draft: true,
        pdf: false,
        maxPriorities: 30,
        today: '2026-04-01',
      });
      files = built.files;
      expect(built.priorities.some((p) => p.startsWith('Prevent'))).toBe(true);
    } finally {
      store.close();
    }
    html = readFileSync(join(out, 'assessment.html'), 'utf8');
  }, 60_000);

  it('the partner table: Prevent "fewer than 5" with no change; the others exact', () => {
    const rows = csv('tab-partner.csv');
    const prevent = rows.find((r) => r.dataset!.startsWith('Prevent'))!;
    expect(prevent.recorded).toBe('fewer than 5');
    expect(prevent['earlier period']).toBe('fewer than 5');
    expect(prevent['change %']).toBe('');
    const abuse = rows.find((r) => r.dataset!.startsWith('Domestic abuse'))!;
    expect([abuse.recorded, abuse['earlier period']]).toEqual(['85', '102']);
    const tipping = rows.find((r) => r.dataset!.startsWith('Fly-tipping'))!;
    expect(tipping.recorded).toBe('510');
  });

  it("Prevent's months: none from 1 to 4, each as trends gives it", async () => {
    const index = csv('index.csv');
    const trend = index.find((r) => /Prevent.*by month/u.test(Object.values(r).join(' ')));
    expect(trend).toBeDefined();
    const file = Object.values(trend!).find((v) => v.endsWith('.csv'))!;
    const months = csv(file);
    expect(months.some((m) => /^[1-4]$/u.test(m.recorded!))).toBe(false);
    // Each month protected on its own, as trends and the assessment give them.
    const q1 = months.filter((x) => /^2025-0[1-3]$/u.test(x.month!)).map((m) => m.recorded);
    expect(q1).toEqual(['fewer than 5', '0', 'fewer than 5']);
    // Every month as trends gives it, whatever period is asked: no answer undoes another.
    const r = await runJson<{
      months: { month: string; count: number | null; withheld?: string }[];
    }>([
      'trends',
      '--area',
      'Three Rivers',
      '--dataset',
      'prevent',
      '--category',
      'referral',
      '--period',
      `${months[0]!.month}..${months.at(-1)!.month}`,
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const words = { 'fewer than': 'fewer than 5', 'not shown': 'not shown' } as const;
    expect(months.map((m) => [m.month, m.recorded])).toEqual(
      r.json.months.map((m) => [
        m.month,
        m.withheld ? words[m.withheld as keyof typeof words] : String(m.count),
      ]),
    );
    // Domestic abuse's months are not held back anywhere in the report.
    expect(months.length).toBeGreaterThan(6);
  });

  it('no file of the report gives a Prevent count from 1 to 4', () => {
    const prevent = files.filter((f) => f.endsWith('.csv'));
    for (const f of prevent) {
      const rows = csv(f.replace(/^data\//u, ''));
      for (const r of rows) {
        if (!Object.values(r).some((v) => /Prevent/u.test(v))) continue;
        for (const [column, v] of Object.entries(r))
          if (/recorded|earlier|count/u.test(column))
            expect(v, `${f} ${column}`).not.toMatch(/^[1-4]$/u);
      }
    }
    const text = readerText(html);
    expect(text).toContain('Prevent referrals (synthetic): referral: fewer than 5 recorded');
    expect(text).not.toMatch(/referral: [1-4] recorded/u);
    expect(text).not.toMatch(/Prevent referrals \(synthetic\): referral [1-4] /u);
  });
});

describe('trends of a restricted dataset', () => {
  it('says a change held back is held back, not that no earlier period is held (found by QA)', async () => {
    const r = await run([
      ...['trends', '--dataset', 'prevent', '--all', '--area', 'Three Rivers'],
      ...['--period', '2025', '--db', db],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/against 2024 \(the year before\)/u);
    expect(r.stdout).toContain('No change is given: each would give a count held back away.');
    expect(r.stdout).not.toContain('no earlier period is held');
  });
});

describe('other outputs of a restricted dataset with a count from 1 to 4', () => {
  // A copy of its own: Prevent for every district of the county, domestic abuse for Watford.
  const other = demoStoreCopy(dir.path, 'others.duckdb');
  const file = (name: string, lines: readonly string[]) => {
    const path = join(dir.path, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('compare: the districts are not compared one by one where one holds such a count', async () => {
    const areas = await runJson<{ areas: { name: string }[] }>(['areas', '--db', other]);
    const names = areas.json.areas.map((a) => a.name).filter((n) => n !== 'Three Rivers');
    const rows = names.flatMap((n) =>
      ['2025-01', '2025-02', '2025-03'].map((m) => `${m},${n},Islamist,Education,Referral,6`),
    );
    const imported = await run([
      'import',
      '--dataset',
      'prevent',
      file('prevent-county.csv', ['month,area,concern,sector,stage,count', ...rows]),
      '--db',
      other,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const args = ['--within', 'hertfordshire', '--dataset', 'prevent', '--db', other];
    // Three Rivers' referrals of January to March 2025 are 4.
    const r = await run(['compare', ...args, '--period', '2025-01..2025-03']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('prevent is a restricted dataset');
    expect(r.stdout).not.toMatch(/Three Rivers\s+4\b/u);
    // A dataset that is not restricted is compared as before.
    const open = await run([
      'compare',
      '--within',
      'hertfordshire',
      '--category',
      'burglary',
      '--period',
      '2025-01..2025-03',
      '--db',
      other,
    ]);
    expect(open.code, open.stderr).toBe(0);
  });

  it('hidden-figure: no count and no estimate from one', async () => {
    const imported = await run([
      'import',
      '--dataset',
      'domestic-abuse',
      file('abuse-watford.csv', ['month,area,incidents,crimes', '2025-01,Watford,3,2']),
      '--db',
      other,
    ]);
    expect(imported.code, imported.stderr).toBe(0);
    const { code, json } = await runJson<{
      rows: { key: string; recorded: number | null; figure: unknown; withheld?: string }[];
    }>(['hidden-figure', '--area', 'Watford', '--period', '2025-01', '--db', other]);
    expect(code).toBe(0);
    const abuse = json.rows.filter((r) => r.key.startsWith('dataset:domestic-abuse'));
    expect(abuse.length).toBeGreaterThan(0);
    for (const r of abuse) {
      expect(r.recorded).toBeNull();
      expect(r.figure).toBeNull();
      expect(r.withheld).toBe('fewer than 5');
    }
    // Police-recorded crime is untouched.
    expect(json.rows.find((r) => r.key === 'police:burglary')?.recorded).not.toBeNull();
  });
});
