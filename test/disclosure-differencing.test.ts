/**
 * Counts held back cannot be worked out by subtracting one answer from another: two periods of a
 * restricted dataset (January to December less February to December is January), or a force seen
 * as totals only less its other districts (the district left). Each test asks what a caller can
 * ask, then works out what it can by subtraction, as someone holding the answers would.
 */
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { auditProtection } from '../src/domain/disclosure/audit.js';
import type { CellStatus, DisclosureCell, LinearRelation } from '../src/domain/disclosure/table.js';
import type { DisclosedTrendDocument } from '../src/usecases/trends.js';
import type { AreaSummary } from '../src/usecases/summarise-area.js';
import { addAccounts } from './helpers/accounts.js';
import { bySubtraction, type Equation } from './helpers/by-subtraction.js';
import { run, runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';
import { HERTFORDSHIRE_DISTRICTS } from './helpers/hertfordshire.js';

const dir = tempDir();
let db: string;
let highs: Highs;

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire' }] },
    {
      // Her own district in detail, the rest of the county as totals only.
      name: 'Priya',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [{ area: 'Three Rivers' }, { area: 'Hertfordshire', level: 'aggregate' }],
    },
  ]);
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

describe('a restricted dataset: two periods cannot be subtracted', () => {
  const periods = [
    '2025',
    ...Array.from({ length: 11 }, (_, i) => `2025-01..2025-${String(i + 1).padStart(2, '0')}`),
    ...Array.from({ length: 11 }, (_, i) => `2025-${String(i + 2).padStart(2, '0')}..2025-12`),
  ];

  it('gives no Prevent month of Three Rivers from 1 to 4 away, from any totals, changes or rates', async () => {
    const answers: DisclosedTrendDocument[] = [];
    for (const period of periods) {
      const r = await runJson<DisclosedTrendDocument[]>([
        'trends',
        '--area',
        'Three Rivers',
        '--dataset',
        'prevent',
        '--all',
        '--period',
        period,
        '--db',
        db,
      ]);
      expect(r.code, r.stderr).toBe(0);
      answers.push(...r.json);
    }
    const known: Equation[] = [];
    const small = new Set<string>();
    for (const d of answers) {
      const at = (m: string) => `${d.category}:${m}`;
      for (const m of d.months) {
        if (m.count !== null) {
          // A month shown is 0 or at least 5.
          expect(m.count === 0 || m.count >= 5, at(m.month)).toBe(true);
          known.push({ cells: [at(m.month)], value: m.count });
        } else if (m.withheld === 'fewer than') small.add(at(m.month));
      }
      const held = d.months.map((m) => m.month);
      if (d.current !== null) known.push({ cells: held.map(at), value: d.current });
      if (d.comparison?.current != null)
        known.push({ cells: d.comparison.currentMonths.map(at), value: d.comparison.current });
      if (d.previous !== null && d.comparison)
        known.push({ cells: d.comparison.previousMonths.map(at), value: d.previous });
      // A change gives one total from the other; a rate gives the total with the population.
      if (d.current === null) expect([d.change, d.ratePer1000], d.category).toEqual([null, null]);
      if (d.change !== null && d.comparison && d.previous === null)
        throw new Error(`${d.category}: a change beside a held-back earlier total`);
    }
    // January's referrals (3), shown "fewer than 5", are there to be found.
    expect(small.has('referral:2025-01')).toBe(true);
    const found = bySubtraction(known);
    const recovered = [...small].filter((c) => found.has(c));
    expect(recovered).toEqual([]);
  });
});

type Summary = AreaSummary;

const summaryOf = async (area: string, as?: string): Promise<Summary> => {
  const r = await runJson<Summary>([
    'summary',
    '--area',
    area,
    '--period',
    PERIOD,
    '--db',
    db,
    ...(as ? ['--as', as] : []),
  ]);
  expect(r.code, r.stderr).toBe(0);
  return r.json;
};

const PERIOD = '2025-10..2025-12';
const DISTRICTS = HERTFORDSHIRE_DISTRICTS;

describe('totals only: a force less its other districts gives nothing away', () => {
  it("prints each month's crime as counted, and no held-back count can be worked out across the force and its districts", async () => {
    const areas = ['Hertfordshire', ...DISTRICTS];
    const truth = new Map<string, Summary>();
    const seen = new Map<string, Summary>();
    for (const a of areas) {
      truth.set(a, await summaryOf(a));
      seen.set(a, await summaryOf(a, 'Priya'));
    }
    const months = truth.get('Hertfordshire')!.months.map((m) => m.month);
    const categories = truth.get('Hertfordshire')!.categories.map((c) => c.category);
    const crimeCats = categories.filter((c) => c !== 'anti-social-behaviour');

    // (1) Each month's crime is the true count, shown or held back, never the categories shown.
    for (const a of areas)
      for (const m of months) {
        const shown = seen.get(a)!.crimeByMonth[m];
        if (shown === null)
          expect(seen.get(a)!.disclosure?.monthCrime[m], `${a} ${m}`).toBeDefined();
        else expect(shown, `${a} ${m}`).toBe(truth.get(a)!.crimeByMonth[m]);
      }
    const text = await run([
      'summary',
      '--area',
      'Hertfordshire',
      '--period',
      PERIOD,
      '--as',
      'Priya',
      '--db',
      db,
    ]);
    const december = text.stdout.split('\n').find((l) => l.startsWith('2025-12'))!;
    expect(december).toContain(
      (truth.get('Hertfordshire')!.crimeByMonth['2025-12'] as number).toLocaleString('en-GB'),
    );

    // (2) The attacker: every count shown, each month's crime = its categories, and the force's
    // count of each = its districts'; a count held back found by subtraction is a finding.
    const cell = (a: string, what: string, m: string) => `${a}|${what}:${m}`;
    const value = new Map<string, number>();
    const status = new Map<string, CellStatus>();
    const cells: DisclosureCell[] = [];
    const relations: LinearRelation[] = [];
    const known: Equation[] = [];
    const small = new Set<string>();
    for (const a of areas) {
      const t = truth.get(a)!;
      const s = seen.get(a)!;
      for (const m of months) {
        for (const c of t.categories) {
          const id = cell(a, c.category, m);
          const v = c.byMonth[m] ?? 0;
          value.set(id, v);
          cells.push({ id, value: v });
          const sc = s.categories.find((x) => x.category === c.category)!;
          const held = sc.withheld?.[m];
          if (!held) known.push({ cells: [id], value: sc.byMonth[m] ?? 0 });
          if (held === 'fewer than') small.add(id);
          // "not shown" is at least the threshold when secondary, else anything from 0.
          status.set(
            id,
            !held ? 'shown' : held === 'fewer than' ? 'primary' : v >= 5 ? 'secondary' : 'withheld',
          );
        }
        const crime = cell(a, 'crime', m);
        const v = t.crimeByMonth[m] as number;
        cells.push({ id: crime, value: v });
        value.set(crime, v);
        const shownCrime = s.crimeByMonth[m] ?? null;
        status.set(crime, shownCrime === null ? 'withheld' : 'shown');
        if (shownCrime !== null) known.push({ cells: [crime], value: shownCrime });
        const parts = crimeCats.map((c) => cell(a, c, m));
        relations.push({ id: crime, total: crime, parts });
        if (shownCrime !== null) known.push({ cells: parts, value: shownCrime });
      }
      // The period's totals, where given, are the sums of their months.
      for (const c of s.categories.filter((x) => x.total !== null))
        known.push({ cells: months.map((m) => cell(a, c.category, m)), value: c.total! });
      if (s.totals.crime !== null)
        known.push({ cells: months.map((m) => cell(a, 'crime', m)), value: s.totals.crime });
    }
    for (const m of months)
      for (const what of [...categories, 'crime']) {
        const total = cell('Hertfordshire', what, m);
        const parts = DISTRICTS.map((d) => cell(d, what, m));
        // The force is exactly the sum of its districts here, as a reader would take it.
        expect(
          parts.reduce((n, p) => n + value.get(p)!, 0),
          total,
        ).toBe(value.get(total));
        relations.push({ id: `${total}=`, total, parts });
        const shown = known.find((k) => k.cells.length === 1 && k.cells[0] === total);
        if (shown) known.push({ cells: parts, value: shown.value });
      }
    // Something is held back in the force's districts that a reader could look for.
    expect(small.size).toBeGreaterThan(0);
    // Subtraction, as the tester did: the force less the other districts, a month less its shown
    // categories, and so on.
    const found = bySubtraction(known);
    expect([...small].filter((c) => found.has(c))).toEqual([]);
    // Solving everything at once (linear programming, whole counts): no count from 1 to 4 held
    // back is narrowed.
    const findings = auditProtection(
      highs,
      { cells, relations },
      {
        threshold: 5,
        status,
        ranges: new Map(),
      },
      // Every minimum and maximum solved in whole numbers: the check does not rest on the
      // shortcuts the use case takes.
      { shortcuts: false },
    );
    expect(findings).toEqual([]);
  });
});
