/**
 * A saved assessment is read as the caller may see it. Assessments are saved with what their
 * maker's access showed (every partner dataset, the force beside the district); a partner granted
 * one district and the public datasets, or a viewer who sees the county as totals only, must not
 * get through `assess list`, `plan review` or `assess --compare-with` what their own grants refuse:
 * another district's assessment, a restricted or partner dataset's figures, public concern from a
 * survey they may not read. `areas check` lists LSOA record counts only of districts seen in
 * detail. Real demo store, accounts made as an administrator makes them, commands run with --as.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import { addAccounts } from './helpers/accounts.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
const ids = { threeRivers: '', watford: '' };

interface Issue {
  key: string;
  source: string;
  rank: number;
  evidence: {
    recorded: number | null;
    concernShare: number | null;
    concernDataset?: string | null;
  };
}
interface Figures {
  recorded: number | null;
  band: string | null;
  rank: number | null;
  notShown?: boolean;
}
interface Review {
  priorities: { key: string; then: Figures | null; now: Figures | null; moved: string }[];
}

/** The partner datasets a grant without a sensitivity does not open (all but the public ones). */
let closed: Set<string>;
let owner: { id: string; issues: Issue[] };

const D = () => ['--db', db];

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    {
      name: 'Alex',
      role: 'admin',
      grants: [{ area: 'Hertfordshire', sensitivity: 'restricted' }],
    },
    {
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }],
    },
    { name: 'Vic', role: 'viewer', grants: [{ area: 'Hertfordshire', level: 'aggregate' }] },
    {
      name: 'Omar',
      role: 'partner',
      organisation: 'Watford BC',
      grants: [{ area: 'Watford', sensitivity: 'restricted' }],
    },
  ]);
  const saved = async (area: string) => {
    const r = await runJson<{ id: string; issues: Issue[] }>([
      'assess',
      '--area',
      area,
      '--period',
      '2025',
      ...D(),
    ]);
    expect(r.code, r.stderr).toBe(0);
    return r.json;
  };
  owner = await saved('Three Rivers');
  ids.threeRivers = owner.id;
  ids.watford = (await saved('Watford')).id;
  const plan = await run([
    'plan',
    'create',
    '--partnership',
    'Three Rivers CSP',
    '--year',
    '2025-26',
    '--from-assessment',
    ids.threeRivers,
    ...D(),
  ]);
  expect(plan.code, plan.stderr).toBe(0);
  const datasets = await runJson<{ datasets: { name: string; sensitivity: string }[] }>([
    'datasets',
    ...D(),
  ]);
  closed = new Set(
    datasets.json.datasets.filter((d) => d.sensitivity !== 'public').map((d) => d.name),
  );
}, 120_000);

describe('assess list shows the assessments of the areas the caller sees in detail', () => {
  it('the owner sees both; the partner only Three Rivers; the totals-only viewer none', async () => {
    const list = async (...as: string[]) =>
      (await runJson<{ id: string }[]>(['assess', 'list', ...D(), ...as])).json.map((a) => a.id);
    expect(await list()).toEqual(expect.arrayContaining([ids.threeRivers, ids.watford]));
    expect(await list('--as', 'Priya')).toEqual([ids.threeRivers]);
    expect(await list('--as', 'Vic')).toEqual([]);
  });
});

describe('plan review reads each assessment as the caller may see it', () => {
  const review = (...extra: string[]) =>
    runJson<Review>(['plan', 'review', '--year', '2025-26', ...D(), ...extra]);

  it("refuses another district's assessment, naming it", async () => {
    const r = await run(
      ['plan', 'review', '--year', '2025-26', '--assessment', ids.watford, '--as', 'Priya', ...D()],
      {},
    );
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Watford');
    expect(r.stdout).not.toMatch(/recorded/u);
  });

  it('refuses a caller who sees the district as totals only', async () => {
    const r = await run(['plan', 'review', '--year', '2025-26', '--as', 'Vic', ...D()], {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/Three Rivers.*totals only, through a grant of a wider area/u);
  });

  it("gives no figure of a dataset the partner's grants do not open; the others as the owner sees them", async () => {
    const mine = await review('--assessment', ids.threeRivers, '--as', 'Priya');
    const all = await review('--assessment', ids.threeRivers);
    expect(mine.code, mine.stderr).toBe(0);
    const hiddenPriorities = mine.json.priorities.filter((p) => closed.has(p.key));
    // The demo's plan takes partner themes (domestic abuse, hate crime) among its priorities.
    expect(hiddenPriorities.length).toBeGreaterThan(0);
    for (const p of hiddenPriorities) {
      expect(p.then).toMatchObject({ recorded: null, band: null, rank: null, notShown: true });
      expect(p.now).toMatchObject({ recorded: null, band: null, rank: null, notShown: true });
      expect(p.moved).toMatch(/not shown: your access does not open/u);
      const theirs = all.json.priorities.find((q) => q.key === p.key)!;
      expect(theirs.then!.recorded).not.toBeNull();
    }
    for (const p of mine.json.priorities.filter((q) => !closed.has(q.key))) {
      const theirs = all.json.priorities.find((q) => q.key === p.key)!;
      expect(p.then!.recorded).toBe(theirs.then!.recorded);
      expect(p.then!.band).toBe(theirs.then!.band);
    }
  });
});

describe('assess --compare-with reads the saved assessment as the caller may see it', () => {
  const compare = (id: string) =>
    runJson<{
      issues: Issue[];
      comparison: { moves: { key: string; rank: { then: number | null } }[] };
    }>([
      'assess',
      '--area',
      'Three Rivers',
      '--period',
      '2025',
      '--no-save',
      '--compare-with',
      id,
      '--as',
      'Priya',
      ...D(),
    ]);

  it("refuses another district's saved assessment", async () => {
    const r = await compare(ids.watford);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Watford');
  });

  it('compares without the themes the partner may not read, ranks numbered among those shown', async () => {
    const r = await compare(ids.threeRivers);
    expect(r.code, r.stderr).toBe(0);
    const hiddenInSaved = owner.issues.filter((i) => i.source === 'partner' && closed.has(i.key));
    expect(hiddenInSaved.length).toBeGreaterThan(0);
    const moved = new Set(r.json.comparison.moves.map((m) => m.key));
    for (const i of hiddenInSaved) expect(moved.has(i.key)).toBe(false);
    // Every issue of the saved assessment the partner sees, ranked 1..n with no gap where a
    // hidden theme stood.
    const ranks = r.json.comparison.moves
      .map((m) => m.rank.then)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    expect(ranks).toEqual(ranks.map((_, k) => k + 1));
    expect(ranks.length).toBe(owner.issues.length - hiddenInSaved.length);
  });
});

describe('areas check lists unlisted LSOAs only of districts seen in detail', () => {
  it("gives the partner Three Rivers' LSOAs and says how many others it leaves out", async () => {
    type Check = {
      unlistedLsoas: { code: string; district: { name: string } | null }[];
      outsideAccess?: number;
    };
    const all = await runJson<Check>(['areas', 'check', ...D()]);
    const mine = await runJson<Check>(['areas', 'check', '--as', 'Priya', ...D()]);
    expect(mine.code, mine.stderr).toBe(0);
    expect(all.json.unlistedLsoas.length).toBeGreaterThan(mine.json.unlistedLsoas.length);
    for (const u of mine.json.unlistedLsoas) expect(u.district?.name).toBe('Three Rivers');
    expect(mine.json.outsideAccess).toBe(
      all.json.unlistedLsoas.length - mine.json.unlistedLsoas.length,
    );
    expect(all.json.outsideAccess).toBeUndefined();
  });
});

describe('a plan is shown to callers who see its area in detail, without the place of a theme they may not read', () => {
  it('refuses the plan, its actions list and its report to a caller who sees the area as totals only', async () => {
    for (const args of [
      ['plan', 'show', '--year', '2025-26'],
      ['plan', 'overdue', '--year', '2025-26'],
    ]) {
      const r = await run([...args, '--as', 'Vic', ...D()], {});
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(/Three Rivers.*totals only, through a grant of a wider area/u);
    }
  });

  it('gives the partner every priority by name, with no band or rank for a dataset their grants do not open', async () => {
    type Shown = { priorities: { key: string; band: string | null; rank: number | null }[] };
    const mine = await runJson<Shown>([
      'plan',
      'show',
      '--year',
      '2025-26',
      '--as',
      'Priya',
      ...D(),
    ]);
    const all = await runJson<Shown>(['plan', 'show', '--year', '2025-26', ...D()]);
    expect(mine.code, mine.stderr).toBe(0);
    expect(mine.json.priorities.map((p) => p.key)).toEqual(all.json.priorities.map((p) => p.key));
    const closedOnes = mine.json.priorities.filter((p) => closed.has(p.key));
    expect(closedOnes.length).toBeGreaterThan(0);
    for (const p of closedOnes) expect(p).toMatchObject({ band: null, rank: null });
    for (const p of mine.json.priorities.filter((q) => !closed.has(q.key)))
      expect(p).toEqual(all.json.priorities.find((q) => q.key === p.key));
    for (const p of all.json.priorities) expect(p.band).not.toBeNull();
  });
});

describe('datasets counts what is held only where the caller may read it', () => {
  it('lists no rows or months of datasets held for Three Rivers alone to a Watford partner', async () => {
    type Listed = {
      datasets: { name: string; held: { rows: number; districts: string[] } | null }[];
    };
    const all = await runJson<Listed>(['datasets', ...D()]);
    const omar = await runJson<Listed>(['datasets', '--as', 'Omar', ...D()]);
    expect(omar.code, omar.stderr).toBe(0);
    const held = (l: Listed, name: string) => l.datasets.find((d) => d.name === name)?.held ?? null;
    // The demo's partner data are Three Rivers' (E07000102).
    for (const name of ['hate-crime', 'asb-council', 'domestic-abuse', 'prevent']) {
      expect(held(all.json, name)?.districts).toEqual(['E07000102']);
      expect(held(all.json, name)!.rows).toBeGreaterThan(0);
      expect(held(omar.json, name), name).toBeNull();
    }
  });
});
