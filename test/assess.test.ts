/**
 * `lantern assess` (first cut) on the demo store: every police.uk category and the partner themes
 * held, ranked and banded, each score explained from figures the other commands give.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli, runCliJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
beforeAll(() => {
  db = demoStoreCopy(dir.path);
});
afterAll(() => dir.remove());

interface Issue {
  key: string;
  rank: number;
  harm: number;
  likelihood: number;
  risk: number;
  band: string;
  source: string;
  synthetic: boolean;
  evidence: { recorded: number; harmWeight: number | null; confidence: string };
  basis: { harm: string };
  rationale: string;
  sensitivity: string[];
}

describe('lantern assess', () => {
  const args = ['assess', '--area', 'Three Rivers', '--period', '2025-01..2025-12'];

  it('scores every category and partner theme, ranked 1..n, risk = harm × likelihood, banded', () => {
    const r = runCliJson<{ issues: Issue[]; notes: string[] }>([...args, '--db', db]);
    expect(r.code).toBe(0);
    const issues = r.json.issues;
    // 14 police.uk categories (ASB included) and the demo's 4 partner themes.
    expect(issues.filter((i) => i.source === 'police.uk')).toHaveLength(14);
    expect(
      issues
        .filter((i) => i.source === 'partner')
        .map((i) => i.key)
        .sort(),
    ).toEqual(['domestic-abuse', 'fly-tipping', 'hate-crime', 'prevent']);
    expect(issues.map((i) => i.rank)).toEqual(issues.map((_, k) => k + 1));
    for (const i of issues) {
      expect(i.risk).toBe(i.harm * i.likelihood);
      expect(i.band).toBe(i.risk >= 15 ? 'High' : i.risk >= 8 ? 'Medium' : 'Low');
      expect(i.sensitivity).toContain(i.band);
      if (i.source === 'partner') {
        expect(i.synthetic).toBe(true);
        expect(i.rationale).toMatch(/SYNTHETIC/u);
        expect(i.evidence.confidence).toBe('low');
      }
    }
    // Robbery's ONS CSS weight 993.55 is above the top threshold (200): harm 5 before adjustments.
    const robbery = issues.find((i) => i.key === 'robbery')!;
    expect(robbery.evidence.harmWeight).toBe(993.55);
    expect(robbery.harm).toBe(5);
    // Burglary has no weight in the notes: the default, said so.
    expect(issues.find((i) => i.key === 'burglary')!.basis.harm).toMatch(
      /no harm weight known: the default 3/u,
    );
    expect(r.json.notes[0]).toMatch(/^Not MoRiLE/u);
  });

  it('explains each issue with the same figures trends gives, and ranks the same way every time', () => {
    const a = runCliJson<{ issues: Issue[] }>([...args, '--db', db]);
    const b = runCliJson<{ issues: Issue[] }>([...args, '--db', db]);
    expect(b.json).toEqual(a.json);
    const trend = runCliJson<{ current: number; previous: number }>([
      'trends',
      '--area',
      'Three Rivers',
      '--category',
      'burglary',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    const burglary = a.json.issues.find((i) => i.key === 'burglary')!;
    expect(burglary.evidence.recorded).toBe(trend.json.current);
    expect(burglary.rationale).toContain(
      `Burglary: ${trend.json.current.toLocaleString('en-GB')} recorded`,
    );
    expect(burglary.rationale).toContain(`on ${trend.json.previous.toLocaleString('en-GB')}`);
  });

  it('prints a ranked table, and refuses what this first cut cannot do', () => {
    const text = runCli([...args, '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/rank\s+issue\s+harm\s+likelihood\s+risk\s+band/u);
    const county = runCli([
      'assess',
      '--area',
      'Hertfordshire',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(county.code).toBe(2);
    expect(county.stderr).toMatch(/this first cut assesses districts/u);
  });
});
