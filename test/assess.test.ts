/**
 * `lantern assess` (first cut) on the demo store: every police.uk category and the partner themes
 * held, ranked and banded, each score explained from figures the other commands give.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { issueRationale } from '../src/analysis/issue-rationale.js';
import type { AssessedIssue } from '../src/domain/assessment.js';
import { PUBLIC_WORDS } from '../src/report/disclosure.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { settingsFrom } from './helpers/settings.js';
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
  /**
   * Three Rivers' 2025 assessed once for the tests that read it (none changes it): the first of
   * the two runs the ranking test compares, the second made there.
   */
  let threeRivers2025: ReturnType<typeof runJson<{ issues: Issue[]; notes: string[] }>>;
  const assessed = () => (threeRivers2025 ??= runJson([...args, '--db', db]));

  it('scores every category and partner theme, ranked 1..n, risk = harm × likelihood, banded', async () => {
    const r = await assessed();
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

  it('says whose harm weight each category takes, and that it stands for the whole category', async () => {
    const r = await assessed();
    const violence = r.json.issues.find((i) => i.key === 'violent-crime')!;
    // The shared domain notes (§3.1) give no weight for the whole of violence and sexual offences:
    // violence with injury's (203.07, secondary, unverified) is their nearest, and says so.
    expect(violence.evidence.harmWeight).toBe(203.07);
    const words =
      'harm weight 203.07 (that of violence with injury, used for the whole category; unverified)';
    expect(violence.basis.harm).toBe(words);
    expect(violence.rationale).toContain(words);
    expect(r.json.issues.find((i) => i.key === 'robbery')!.rationale).toContain(
      'harm weight 993.55 (that of robbery of personal property, used for the whole category; unverified)',
    );
    // The bundled file says what the category spans, as the notes give it.
    const note = (await settingsFrom()).harmWeights.get('violent-crime')!.note!;
    expect(note).toContain('assault without injury (12.99)');
    expect(note).toContain('homicide (7,979 or 7,797: the sources differ)');
    expect(note).toContain('no weight was found for sexual offences');
  });

  it('explains each issue with the same figures trends gives, and ranks the same way every time', async () => {
    const a = await assessed();
    const b = await runJson<{ issues: Issue[] }>([...args, '--db', db]);
    expect(b.json).toEqual(a.json);
    const trend = await runJson<{ current: number; previous: number }>([
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

  it('writes the public rationale from the same figures, without a small count', async () => {
    const a = await runJson<{ issues: AssessedIssue[] }>([...args, '--no-save', '--db', db]);
    // The one function the assessment used gives back every stored rationale.
    for (const i of a.json.issues) expect(issueRationale(i), i.key).toBe(i.rationale);
    const burglary = a.json.issues.find((i) => i.key === 'burglary')!;
    const e = burglary.evidence;
    expect(Math.min(e.recorded, e.previous ?? 5, burglary.hotspot?.count ?? 5)).toBeGreaterThan(4);
    expect(issueRationale(burglary, PUBLIC_WORDS)).toBe(burglary.rationale);
    const small: AssessedIssue = {
      ...burglary,
      // The count compared is the total recorded, as for a whole year with every month paired.
      evidence: {
        ...e,
        recorded: 3,
        previous: 10,
        changePct: -70,
        comparison: e.comparison && { ...e.comparison, current: 3 },
      },
      hotspot: { location: 'On or near X', count: 4, lon: -0.45, lat: 51.65 },
    };
    expect(issueRationale(small)).toContain('Burglary: 3 recorded; ');
    expect(issueRationale(small)).toContain('−70% on 10 in ');
    const text = issueRationale(small, PUBLIC_WORDS);
    expect(text).toContain('Burglary: fewer than 5 recorded; ');
    expect(text).toContain(
      'the change against 2021 (the latest earlier year held, 4 years before) is not shown (small numbers)',
    );
    expect(text).toContain('hotspot around On or near X (fewer than 5 in its cell)');
    expect(text).not.toMatch(/-70%|\b10\b|\(4 in/u);
    // Rates the reader sees as equal are "about" the force rate, not above it (1.37 against 1.36).
    const rates = (rate: number, force: number) =>
      issueRationale({
        ...burglary,
        evidence: { ...e, ratePer1000: rate, forceRatePer1000: force },
      });
    expect(rates(1.37, 1.36)).toContain('1.4 per 1,000');
    expect(rates(1.37, 1.36)).toContain('against 1.4 for the force (about the force rate)');
    expect(rates(2.2, 2.0)).toContain('against 2.0 for the force (above the force rate)');
    expect(rates(1.0, 2.0)).not.toMatch(/\((above|about) the force rate\)/u);
  });

  it('takes manual scores with reasons from an inputs file, and refuses one without, naming field and line', async () => {
    const example = 'config/examples/three-rivers-2025-26.yaml';
    const r = await runJson<{
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

    const bad = async (name: string, yaml: string, message: RegExp) => {
      const path = `${dir.path}/${name}.yaml`;
      writeFileSync(path, yaml);
      const out = await run([...args, '--inputs', path, '--db', db]);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(message);
    };
    const head = 'scored_by: A\ndate: 2026-01-15\nissues:\n';
    await bad(
      'no-reason',
      `${head}  burglary:\n    position: { score: 4, reason: '' }\n`,
      /no-reason\.yaml:5: issues\.burglary\.position\.reason: every manual score needs a reason/u,
    );
    await bad(
      'above',
      `${head}  burglary:\n    position: { score: 9, reason: x }\n`,
      /above\.yaml:5: issues\.burglary\.position\.score: 9 is above the scale \(1\.\.5\)/u,
    );
    await bad(
      'unknown',
      `${head}  burglry:\n    position: { score: 2, reason: x }\n`,
      /unknown\.yaml:4: issues\.burglry: no such issue in this assessment/u,
    );
  });

  it('prints a ranked table with the alignment, and refuses an area it cannot assess', async () => {
    const text = await run([...args, '--no-save', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/rank\s+issue\s+harm\s+likelihood\s+risk\s+band/u);
    expect(text.stdout).toMatch(/Alignment with Hertfordshire's assessment/u);
    expect(text.stdout).toMatch(/illustrative placeholder, not the PCC's/u);
    const ward = await run([
      'assess',
      '--area',
      'E05009425',
      '--period',
      '2025-01..2025-12',
      '--db',
      db,
    ]);
    expect(ward.code).toBe(2);
    expect(ward.stderr).toMatch(
      /assess a district \(with its county or force area beside it\) or a force area/u,
    );
  });
});

interface Assessed {
  id: string | null;
  issues: (Issue & {
    evidence: {
      volumeShare: number | null;
      ratePer1000: number | null;
      forceRatePer1000: number | null;
    };
  })[];
  county: { area: { name: string }; issues: { key: string; band: string; rank: number }[] } | null;
  alignment: {
    county: {
      district: { key: string; status: string; county: string | null }[];
      countyOnly: { key: string; district: string | null }[];
    } | null;
    plan: {
      illustrative: boolean;
      objectives: { id: string; high: string[] }[];
      unmapped: string[];
    };
  };
  comparison: {
    notes: string[];
    moves: { key: string; summary: string; band: { then: string | null; now: string | null } }[];
  } | null;
  notes: string[];
}

describe('lantern assess: the county, the alignment, saved assessments', () => {
  const example = 'config/examples/three-rivers-2025-26.yaml';
  const district = [
    'assess',
    '--area',
    'Three Rivers',
    '--period',
    '2025-01..2025-12',
    '--inputs',
    example,
  ];

  it('assesses the force area from the same data, likelihood from volume alone', async () => {
    const r = await runJson<Assessed>([
      'assess',
      '--area',
      'Hertfordshire',
      '--period',
      '2025-01..2025-12',
      '--no-save',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    expect(r.json.county).toBeNull();
    expect(r.json.alignment.county).toBeNull();
    expect(r.json.notes.join(' ')).toMatch(/Likelihood for Hertfordshire is volume alone/u);
    const issues = r.json.issues;
    expect(issues.filter((i) => i.source === 'police.uk')).toHaveLength(14);
    // Volume alone: each base likelihood is the volume-share score (thresholds 1%, 3%, 8%, 15%),
    // then ±1 for a significant change. Worked from the shares here, not from the code's scores.
    const total = issues.reduce((n, i) => n + i.evidence.recorded, 0);
    for (const i of issues) {
      const share = i.evidence.recorded / total;
      const volume = 1 + [0.01, 0.03, 0.08, 0.15].filter((t) => share >= t).length;
      const trend = i.rationale.includes('likelihood +1')
        ? 1
        : i.rationale.includes('likelihood -1')
          ? -1
          : 0;
      expect(i.likelihood).toBe(Math.min(5, Math.max(1, volume + trend)));
    }
  });

  it('aligns the district with the county: the statuses agree with the two assessments', async () => {
    const r = await runJson<Assessed>([...district, '--no-save', '--db', db]);
    const county = new Map(r.json.county!.issues.map((i) => [i.key, i.band]));
    const districtHigh = r.json.issues.filter((i) => i.band === 'High');
    expect(r.json.alignment.county!.district.map((d) => d.key)).toEqual(
      districtHigh.map((i) => i.key),
    );
    for (const d of r.json.alignment.county!.district)
      expect(d.status).toBe(
        !county.has(d.key) ? 'absent' : county.get(d.key) === 'High' ? 'matches' : 'differs',
      );
    for (const c of r.json.alignment.county!.countyOnly) {
      expect(county.get(c.key)).toBe('High');
      expect(districtHigh.map((i) => i.key)).not.toContain(c.key);
    }
    // The inputs-only issue cannot be in the county's assessment.
    expect(r.json.alignment.county!.district.find((d) => d.key === 'county-lines')!.status).toBe(
      'absent',
    );
    // District likelihood = mean of volume and rate scores, rounded half up, then the trend.
    for (const i of r.json.issues.filter((x) => x.source === 'police.uk')) {
      const e = i.evidence;
      const volume = 1 + [0.01, 0.03, 0.08, 0.15].filter((t) => e.volumeShare! >= t).length;
      const rate =
        1 + [0.5, 0.8, 1.25, 2].filter((t) => e.ratePer1000! / e.forceRatePer1000! >= t).length;
      const trend = i.rationale.includes('likelihood +1')
        ? 1
        : i.rationale.includes('likelihood -1')
          ? -1
          : 0;
      expect(i.likelihood).toBe(
        Math.min(5, Math.max(1, Math.floor((volume + rate) / 2 + 0.5) + trend)),
      );
    }
    // The rationale names the evidence: harm-weighted volume rank, the significant change, the hotspot.
    const violence = r.json.issues.find((i) => i.key === 'violent-crime')!;
    expect(violence.rationale).toMatch(
      /highest harm-weighted volume of the 5 categories with a weight; .*\(significant, p < 0\.001\)[^;]*; .*hotspot around On or near [^;]+, [^;]+ ward \(\d+ in its cell\)/u,
    );
    expect(r.json.alignment.plan.illustrative).toBe(true);
    const planned = r.json.alignment.plan.objectives.flatMap((o) => o.high);
    for (const i of districtHigh)
      expect([...planned, ...r.json.alignment.plan.unmapped]).toContain(i.key);
  });

  it('matches the golden result on the bundled Hertfordshire data', async () => {
    const r = await runJson<Assessed>([...district, '--no-save', '--db', db]);
    const result = {
      issues: r.json.issues.map((i) => ({
        key: i.key,
        rank: i.rank,
        harm: i.harm,
        likelihood: i.likelihood,
        risk: i.risk,
        band: i.band,
        recorded: i.evidence.recorded,
        confidence: i.evidence.confidence,
      })),
      county: r.json.county!.issues.map((i) => `${i.rank} ${i.key} ${i.band}`),
      alignment: r.json.alignment.county,
    };
    const golden = 'test/golden/assess-three-rivers-2025.json';
    if (process.env.LANTERN_UPDATE_GOLDEN)
      writeFileSync(golden, JSON.stringify(result, null, 2) + '\n');
    expect(result).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('saves each assessment once, lists them, and says what moved since a saved one', async () => {
    const first = await runJson<Assessed>([...district, '--db', db]);
    expect(first.json.id).toMatch(/^[0-9a-f]{12}$/u);
    // The same assessment again: the same id, one row.
    expect((await runJson<Assessed>([...district, '--db', db])).json.id).toBe(first.json.id);
    const listed = await runJson<{ id: string; areaName: string }[]>([
      'assess',
      'list',
      '--db',
      db,
    ]);
    expect(listed.json.filter((s) => s.id === first.json.id)).toHaveLength(1);

    // Next year's inputs: burglary's vulnerability drops to 2, its position to 2 (no neighbourhood team).
    const changed = `${dir.path}/next-year.yaml`;
    writeFileSync(
      changed,
      readFileSync(example, 'utf8')
        .replace(
          "vulnerability: { score: 4, reason: 'Illustrative: older residents targeted in two wards' }",
          "vulnerability: { score: 2, reason: 'Illustrative: targeting stopped' }",
        )
        .replace(
          "score: 4,\n        reason: 'Illustrative: a neighbourhood team",
          "score: 2,\n        reason: 'Illustrative: a neighbourhood team",
        ),
    );
    const next = await runJson<Assessed>([
      ...district.slice(0, -1),
      changed,
      '--compare-with',
      first.json.id!,
      '--db',
      db,
    ]);
    expect(next.code).toBe(0);
    expect(next.json.id).not.toBe(first.json.id);
    const burglary = next.json.comparison!.moves.find((m) => m.key === 'burglary')!;
    expect(burglary.band).toEqual({ then: 'High', now: 'Medium' });
    expect(burglary.summary).toMatch(/High → Medium \(lowered\), risk 15 → 12/u);
    expect(next.json.comparison!.notes.join(' ')).toMatch(
      /manual scores came from config\/examples/u,
    );
    const text = await run([
      ...district.slice(0, -1),
      changed,
      '--compare-with',
      first.json.id!.slice(0, 8),
      '--no-save',
      '--db',
      db,
    ]);
    expect(text.stdout).toMatch(/Burglary\s+\d+\s+\d+\s+High\s+Medium/u);

    // An unknown id is refused before anything is saved (these inputs would save a new one).
    const saved = async () =>
      (await runJson<unknown[]>(['assess', 'list', '--db', db])).json.length;
    const before = await saved();
    const other = `${dir.path}/other-year.yaml`;
    writeFileSync(other, readFileSync(changed, 'utf8').replace('score: 2,', 'score: 3,'));
    const missing = await run([
      ...district.slice(0, -1),
      other,
      '--compare-with',
      'abcdef123456',
      '--db',
      db,
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no saved assessment "abcdef123456"/u);
    expect(await saved()).toBe(before);

    // The same inputs file edited in place: the comparison says its content changed.
    writeFileSync(changed, readFileSync(other, 'utf8'));
    const edited = await runJson<Assessed>([
      ...district.slice(0, -1),
      changed,
      '--compare-with',
      next.json.id!,
      '--no-save',
      '--db',
      db,
    ]);
    expect(edited.json.comparison!.notes.join(' ')).toMatch(/next-year\.yaml, changed since/u);
  });
});
