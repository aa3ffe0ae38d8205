/**
 * Issue 20 item 4: a restricted dataset's counts from 1 to 4 are "fewer than 5" for everyone,
 * the store's owner and those granted it included, with secondary suppression; its months are not
 * listed one by one where they hold such counts (exceptions), and its export withholds a district's
 * category whole when any month of it is small (API export). On the demo store's synthetic Prevent data for
 * Three Rivers, whose months are mostly 0 to 3.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { testServer } from './helpers/server.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
const db = demoStoreCopy(dir.path);
const TR = ['--area', 'Three Rivers', '--period', '2025', '--db', db];

interface Disclosed {
  category: string;
  current: number | null;
  previous: number | null;
  changePct: number | null;
  months: { month: string; count: number | null; withheld?: string }[];
  disclosure?: { reason: string; current: string | null };
  notes: string[];
}

const small = (n: number | null) => n !== null && n >= 1 && n <= 4;

describe('a restricted dataset, read by the owner of the store', () => {
  it('trends: no count from 1 to 4 anywhere, each held back as "fewer than 5", and the reason said', async () => {
    const { code, json } = await runJson<Disclosed[]>([
      'trends',
      '--dataset',
      'prevent',
      '--all',
      ...TR,
    ]);
    expect(code).toBe(0);
    for (const d of json) {
      expect(d.disclosure?.reason).toBe('restricted dataset');
      expect(d.months.some((m) => small(m.count))).toBe(false);
      expect(small(d.current)).toBe(false);
      expect(small(d.previous)).toBe(false);
    }
    const referral = json.find((d) => d.category === 'referral')!;
    expect(referral.months.filter((m) => m.withheld === 'fewer than').length).toBeGreaterThan(1);
    // A total held back takes every figure worked from it with it.
    const panel = json.find((d) => d.category === 'panel')!;
    expect(panel.current).toBeNull();
    expect(panel.disclosure?.current).toBe('fewer than');
    expect(panel.changePct).toBeNull();
    expect(referral.notes[0]).toContain('This dataset is restricted');
    // The withheld months cannot be worked back: the period's total, which another period's
    // would differ from by a month, is given only when every month of it is shown.
    expect(referral.current).toBeNull();
    expect(referral.disclosure?.current).toBe('not shown');
  });

  it('the text says "fewer than 5", never the count', async () => {
    const { stdout } = await run(['trends', '--dataset', 'prevent', ...TR]);
    expect(stdout).toMatch(/2025-01\s+fewer than 5/u);
    expect(stdout).not.toMatch(/^2025-\d\d\s+[1-4]$/mu);
  });

  it('exceptions: the months are not listed one by one, and it says where the totals are', async () => {
    const r = await run([
      'exceptions',
      '--dataset',
      'prevent',
      '--area',
      'Three Rivers',
      '--db',
      db,
    ]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('prevent is a restricted dataset');
    expect(r.stderr).toContain('lantern trends --dataset prevent');
  });

  it('the API and the dashboard give the same', async () => {
    const server = await testServer(db);
    try {
      const api = await server.app.request(
        '/api/trends?area=Three%20Rivers&dataset=prevent&period=2025',
      );
      const doc = (await api.json()) as Disclosed;
      expect(doc.months.some((m) => small(m.count))).toBe(false);
      const page = await (
        await server.app.request(
          '/trends?area=Three%20Rivers&category=dataset%3Aprevent&period=2025',
        )
      ).text();
      expect(page).toContain('is a restricted dataset');
      expect(page).toContain('fewer than 5');
      // The export withholds a district's category whole when any of its months is small.
      const csv = await (
        await server.app.request(
          '/api/export/partner-counts.csv?area=Three%20Rivers&dataset=prevent&period=2025',
        )
      ).text();
      const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/u, ''), {
        header: true,
        skipEmptyLines: true,
      }).data;
      const rows = parsed.map((r) => r.count ?? '');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((c) => /^[1-4]$/u.test(c))).toBe(false);
      expect(rows.some((c) => c === '')).toBe(true);
      // The CSV says which empty cells are withheld, as the XLSX's README does (QA: a reader
      // took them as missing or zero): withheld "yes" exactly where the count is empty.
      expect(parsed.map((r) => [r.count === '', r.withheld])).toEqual(
        parsed.map((r) => [r.count === '', r.count === '' ? 'yes' : 'no']),
      );
    } finally {
      server.close();
    }
  });

  it('a dataset that is not restricted is untouched', async () => {
    const { json } = await runJson<Disclosed[]>([
      'trends',
      '--dataset',
      'fly-tipping',
      '--all',
      ...TR,
    ]);
    expect(json.every((d) => d.disclosure === undefined)).toBe(true);
  });
});
