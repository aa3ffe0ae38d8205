/**
 * `lantern assess` (first cut) on the demo store: every police.uk category and the partner themes
 * held, ranked and banded, each score explained from figures the other commands give.
 */
import { writeFileSync } from 'node:fs';

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

  it('takes manual scores with reasons from an inputs file, and refuses one without, naming field and line', () => {
    const example = 'config/examples/three-rivers-2025-26.yaml';
    const r = runCliJson<{
      issues: (Issue & { evidence: { position: { score: number; scoredBy: string | null } } })[];
      notes: string[];
    }>([...args, '--inputs', example, '--db', db]);
    expect(r.code).toBe(0);
    const burglary = r.json.issues.find((i) => i.key === 'burglary')!;
    // Vulnerability 4 (≥ 4): harm +1, said; position 4 scored by the example analyst, with the reason.
    expect(burglary.rationale).toContain('harm +1: victim vulnerability 4');
    expect(burglary.evidence.position).toMatchObject({ score: 4 });
    expect(burglary.evidence.position.scoredBy).toMatch(
      /Example analyst .*: Illustrative: a neighbourhood team/u,
    );
    // Not scored: neutral, shown as such.
    expect(r.json.issues.find((i) => i.key === 'drugs')!.evidence.position).toEqual({
      score: 3,
      scoredBy: null,
    });
    // An issue the data do not hold, from the inputs alone: harm 5 × likelihood 3.
    expect(r.json.issues.find((i) => i.key === 'county-lines')).toMatchObject({
      source: 'inputs',
      risk: 15,
      band: 'High',
    });
    expect(r.json.notes.join(' ')).toMatch(/Manual scores from config\/examples/u);
    // High priorities get the library's options, each with the command that shows where it applies.
    const options = (
      burglary as unknown as {
        options: { four_p: string; run: string | null; note: string | null }[];
      }
    ).options;
    expect(options.map((o) => o.four_p).sort()).toEqual(['protect', 'pursue']);
    expect(options.find((o) => o.four_p === 'pursue')!.run).toBe(
      'lantern hotspots --area "Three Rivers" --category burglary --period 2025-01..2025-12',
    );
    expect(options.find((o) => o.four_p === 'protect')!.note).toMatch(/police\.uk does not give/u);
    const low = r.json.issues.find((i) => i.key === 'drugs') as unknown as {
      band: string;
      options: unknown[];
    };
    expect(low.band).not.toBe('High');
    expect(low.options).toEqual([]);

    const bad = (name: string, yaml: string, message: RegExp) => {
      const path = `${dir.path}/${name}.yaml`;
      writeFileSync(path, yaml);
      const out = runCli([...args, '--inputs', path, '--db', db]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
    };
    const head = 'scored_by: A\ndate: 2026-01-15\nissues:\n';
    bad(
      'no-reason',
      `${head}  burglary:\n    position: { score: 4, reason: '' }\n`,
      /no-reason\.yaml:5: issues\.burglary\.position\.reason: every manual score needs a reason/u,
    );
    bad(
      'above',
      `${head}  burglary:\n    position: { score: 9, reason: x }\n`,
      /above\.yaml:5: issues\.burglary\.position\.score: 9 is above the scale \(1\.\.5\)/u,
    );
    bad(
      'unknown',
      `${head}  burglry:\n    position: { score: 2, reason: x }\n`,
      /issues\.burglry: no such issue in this assessment/u,
    );
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
