/**
 * A partner dataset held for every district of a force: the force's month is the sum of its
 * districts', so the force less the other districts gives the district left. Before the fix:
 * - a partner seeing Hertfordshire as totals only (Three Rivers in detail) was shown the force's
 *   hate crime in January 2023 (58) and every other district's: Watford's, held back as "fewer
 *   than 5", was 58 less the others, 3;
 * - anyone reading the restricted domestic-abuse dataset was shown the force's incidents in January
 *   2025 and every district's but Watford's: Watford's was 3; and `compare` gave Watford's
 *   2025 (223) and February to December's (220): January again.
 * The files are made up for the test (counts chosen to expose the subtraction), beside the demo
 * store's synthetic partner data, in the real demo store of the bundled police.uk sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { FULL_SCOPE } from '../src/domain/scope.js';
import { openStore } from '../src/store/open-store.js';
import { partnerCountsTable } from '../src/usecases/export-aggregates.js';
import { addAccounts } from './helpers/accounts.js';
import { bySubtraction, type Equation } from './helpers/by-subtraction.js';
import { run, runJson } from './helpers/cli.js';
import { hertfordshireTrendsKnown, trendsOf as trendsIn } from './helpers/force-trends.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';
import { HERTFORDSHIRE_DISTRICTS } from './helpers/hertfordshire.js';

const DISTRICTS = HERTFORDSHIRE_DISTRICTS;
const dir = tempDir();
let db: string;

beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await addAccounts(db, [
    { name: 'Alex', role: 'admin', grants: [{ area: 'Hertfordshire', sensitivity: 'restricted' }] },
    {
      // Her own district in detail, the rest of the county as totals only, partner datasets too.
      name: 'Dee',
      role: 'partner',
      organisation: 'Three Rivers DC',
      grants: [
        { area: 'Three Rivers', sensitivity: 'partner' },
        { area: 'Hertfordshire', level: 'aggregate', sensitivity: 'partner' },
      ],
    },
  ]);
  // Hate crime, January to March 2023: Watford 3 a month, Three Rivers 7, the others 6.
  const hate = ['date,area,strands,offence_group'];
  for (const d of DISTRICTS)
    for (const m of ['01', '02', '03'])
      for (let i = 0; i < (d === 'Watford' ? 3 : d === 'Three Rivers' ? 7 : 6); i++)
        hate.push(`2023-${m}-${10 + i},${d},race,public order`);
  writeFileSync(join(dir.path, 'hate.csv'), hate.join('\n') + '\n');
  // Domestic abuse, 2025, every district but Three Rivers (the demo holds its synthetic months):
  // 20 incidents a month, Watford's January 3.
  const abuse = ['month,area,incidents,crimes'];
  for (const d of DISTRICTS.filter((x) => x !== 'Three Rivers'))
    for (let m = 1; m <= 12; m++) {
      const v = d === 'Watford' && m === 1 ? 3 : 20;
      abuse.push(`2025-${String(m).padStart(2, '0')},${d},${v},${v}`);
    }
  writeFileSync(join(dir.path, 'abuse.csv'), abuse.join('\n') + '\n');
  for (const [dataset, file] of [
    ['hate-crime', 'hate.csv'],
    ['domestic-abuse', 'abuse.csv'],
  ] as const) {
    const r = await run(['import', '--dataset', dataset, join(dir.path, file), '--db', db]);
    expect(r.code, r.stderr).toBe(0);
  }
});

const trendsOf = (area: string, dataset: string, period: string, as?: string[]) =>
  trendsIn(db, area, dataset, period, as);

/** What a reader of the force's and every district's trends can work out: the small months found. */
async function attack(dataset: string, period: string, as?: string[]) {
  const { known, small } = await hertfordshireTrendsKnown(db, dataset, period, as);
  const found = bySubtraction(known);
  return { small, recovered: [...small].filter((c) => found.has(c)) };
}

describe('a partner dataset across the districts of a force', () => {
  it("a totals-only partner cannot work Watford's hate crime out from the force less the other districts", async () => {
    const { small, recovered } = await attack('hate-crime', '2023-01..2023-03', ['--as', 'Dee']);
    expect(small.has('Watford|total:2023-01')).toBe(true); // there to be found
    expect(recovered).toEqual([]);
  });

  it("a restricted dataset: no one can work Watford's January out from the force, nor from two comparisons", async () => {
    const { small, recovered } = await attack('domestic-abuse', '2025-01..2025-12');
    expect(small.has('Watford|incidents:2025-01')).toBe(true);
    expect(recovered).toEqual([]);
    const compare = (period: string) =>
      run([
        'compare',
        '--dataset',
        'domestic-abuse',
        '--category',
        'incidents',
        '--within',
        'Hertfordshire',
        '--period',
        period,
        '--db',
        db,
      ]);
    const year = await compare('2025');
    expect(year.code).toBe(2);
    expect(year.stderr).toMatch(
      /domestic-abuse is a restricted dataset and a district of the .* has a month of 2025-01\.\.2025-12 held back/,
    );
    // Without the held-back month, the districts are compared as trends shows them.
    const rest = await compare('2025-02..2025-12');
    expect(rest.code, rest.stderr).toBe(0);
    expect(rest.stdout).toMatch(/Watford\s+220\b/);
  });

  it('the assessment, the hidden figure, exceptions and the export hold back what trends holds back to protect Watford', async () => {
    // A district whose January (20) is held back only so that the force less the others does not
    // give Watford's: its year was shown whole before.
    let other: string | undefined;
    let shown: string | undefined;
    for (const d of DISTRICTS.filter((x) => x !== 'Watford' && x !== 'Three Rivers')) {
      const [incidents] = (await trendsOf(d, 'domestic-abuse', '2025')).filter(
        (t) => t.category === 'incidents',
      );
      if (incidents!.months[0]!.count === null) other = d;
      else shown = d;
    }
    expect(other).toBeDefined();
    expect(shown).toBeDefined();
    // A district whose January this reader is shown: another reader, whose grants give another
    // pattern, may be shown its January held back, so an assessment (saved, and read by others)
    // gives no total over a month in which any district of the force is small.
    const whole = await run(['assess', '--area', shown!, '--period', '2025', '--db', db]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(
      /Domestic abuse( \(synthetic\))?: incidents: the number recorded is not shown/,
    );
    const hidden = await run(['hidden-figure', '--area', other!, '--period', '2025', '--db', db]);
    expect(hidden.code, hidden.stderr).toBe(0);
    expect(hidden.stdout).toMatch(/Domestic abuse incidents\s+not shown/);
    const assess = await run(['assess', '--area', other!, '--period', '2025', '--db', db]);
    expect(assess.code, assess.stderr).toBe(0);
    expect(assess.stdout).toMatch(
      /Domestic abuse( \(synthetic\))?: incidents: the number recorded is not shown/,
    );
    // Its months are not listed one by one, nor exported: with the force's January in trends,
    // they would give Watford's back.
    const exceptions = await run([
      'exceptions',
      '--area',
      other!,
      '--dataset',
      'domestic-abuse',
      '--category',
      'incidents',
      '--db',
      db,
    ]);
    expect(exceptions.code).not.toBe(0);
    expect(exceptions.stderr).toMatch(
      /domestic-abuse is a restricted dataset and .*'s months include one held back because it would give away a count from 1 to 4/,
    );
    const store = await openStore(db, { readOnly: true });
    try {
      const table = await partnerCountsTable(store, FULL_SCOPE, {
        area: 'Hertfordshire',
        period: { from: '2025-01', to: '2025-01' },
        dataset: 'domestic-abuse',
      });
      const count = (district: string, category: string) =>
        table.rows.find((r) => r[1] === district && r[3] === category)?.[4];
      expect(count('Watford', 'incidents')).toBeNull();
      expect(count(other!, 'incidents')).toBeNull();
      expect(count('Dacorum', 'crimes') ?? count('Stevenage', 'crimes')).toBe(20);
    } finally {
      store.close();
    }
  });

  it("the volunteers' briefing pack gives no sum that, less the months trends shows, is Watford's January", async () => {
    const r = await runJson<{
      figures: {
        total: { value: number | null };
        quarters: { label: string; count: { value: number | null; status: string } }[];
      };
    }>([
      'briefing',
      '--theme',
      'domestic-abuse',
      '--area',
      'Watford',
      '--period',
      '2025',
      '--format',
      'html',
      '--out',
      join(dir.path, 'briefing'),
      '--db',
      db,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const known: Equation[] = [];
    const [incidents] = (await trendsOf('Watford', 'domestic-abuse', '2025')).filter(
      (t) => t.category === 'incidents',
    );
    for (const m of incidents!.months)
      if (m.count !== null) known.push({ cells: [m.month], value: m.count });
    const { figures } = r.json;
    figures.quarters.forEach((q, i) => {
      const months = [1, 2, 3].map((k) => `2025-${String(i * 3 + k).padStart(2, '0')}`);
      if (q.count.value !== null) known.push({ cells: months, value: q.count.value });
    });
    if (figures.total.value !== null)
      known.push({
        cells: incidents!.months.map((m) => m.month),
        value: figures.total.value,
      });
    expect(bySubtraction(known).has('2025-01')).toBe(false);
    // The reader is told the year is held back, in a sentence that reads.
    const html = readFileSync(join(dir.path, 'briefing', 'briefing.html'), 'utf8');
    expect(html).toContain(
      'the number of domestic abuse incidents recorded by the police in Watford is <strong>not shown</strong>',
    );
    expect(html).not.toMatch(/there were <strong>not shown/u);
    // The quarters without a small count anywhere in the force are given.
    expect(figures.quarters.slice(1).map((q) => q.count.value)).toEqual([60, 60, 60]);
  });
});
