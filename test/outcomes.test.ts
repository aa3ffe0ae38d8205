/**
 * `outcomes` (issue 23, item 1): every police.uk outcome category counted in its group, a tie in
 * one month settled by finality whatever the rows' order (and counted), months not held named.
 * On fixture files written here: one Three Rivers crime per outcome category, and crimes whose
 * latest month holds two outcomes, in both row orders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadPoliceOutcomes } from '../src/config/police-outcomes.js';
import type { OutcomeCategories } from '../src/domain/outcome-groups.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { importPoliceData } from '../src/usecases/import-police-data.js';
import { outcomesFor } from '../src/usecases/outcomes.js';
import { outcomesCommand } from '../src/commands/outcomes.js';
import { emptyStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: Db;
let outcomes: OutcomeCategories;

const STREET =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const OUTCOMES =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type';
const PLACE =
  'Hertfordshire Constabulary,Hertfordshire Constabulary,-0.417602,51.704511,On or near Adrian Road,E01023802,Three Rivers 001A';

const street = (id: string) => `${id},2025-01,${PLACE},Burglary,Under investigation,`;
const outcome = (id: string, month: string, type: string) =>
  `${id},${month},${PLACE},${type.includes(';') || type.includes(',') ? `"${type}"` : type}`;

beforeAll(async () => {
  outcomes = await loadPoliceOutcomes();
  const names = outcomes.categories.map((c) => c.name);
  const files = `${dir.path}/files`;
  mkdirSync(files);
  const ids = names.map((_, i) => `fx${String(i).padStart(3, '0')}`);
  writeFileSync(
    `${files}/2025-01-hertfordshire-street.csv`,
    [
      STREET,
      ...ids.map(street),
      street('tie-a'),
      street('tie-b'),
      street('later'),
      street('none'),
    ].join('\n') + '\n',
  );
  writeFileSync(
    `${files}/2025-01-hertfordshire-outcomes.csv`,
    [OUTCOMES, outcome('later', '2025-01', 'Offender sent to prison')].join('\n') + '\n',
  );
  writeFileSync(
    `${files}/2025-02-hertfordshire-outcomes.csv`,
    [
      OUTCOMES,
      ...names.map((n, i) => outcome(ids[i]!, '2025-02', n)),
      // One crime's latest month holds two outcomes, in one order and then the other.
      outcome('tie-a', '2025-02', 'Suspect charged'),
      outcome('tie-a', '2025-02', 'Investigation complete; no suspect identified'),
      outcome('tie-b', '2025-02', 'Investigation complete; no suspect identified'),
      outcome('tie-b', '2025-02', 'Suspect charged'),
      // The latest month wins over an earlier, more final outcome.
      outcome('later', '2025-02', 'Unable to prosecute suspect'),
    ].join('\n') + '\n',
  );
  db = await openStore(emptyStoreCopy(dir.path, 'outcomes.duckdb'));
  const report = await importPoliceData(db, [files]);
  expect(report.files.map((f) => f.status)).toEqual(['imported', 'imported', 'imported']);
}, 120_000);
afterAll(() => {
  db?.close();
  dir.remove();
});

describe('outcomes that mean what they say', () => {
  it('counts every police.uk outcome category in its group', async () => {
    const r = await outcomesFor(
      db,
      FULL_SCOPE,
      { area: 'Three Rivers', period: { from: '2025-01', to: '2025-01' } },
      outcomes,
    );
    const burglary = r.categories.find((c) => c.category === 'burglary')!;
    for (const c of outcomes.categories) {
      const row = burglary.outcomes.find((o) => o.outcome === c.name);
      const extra =
        c.name === 'Suspect charged'
          ? 2
          : c.name === 'Unable to prosecute suspect' || c.name === 'Under investigation'
            ? 1
            : 0;
      expect(row?.count, c.name).toBe(1 + extra);
      expect(row?.group, c.name).toBe(c.group);
    }
    // 16 charged categories, plus both ties; the crime with no outcomes file row keeps its street outcome.
    const charged = outcomes.categories.filter((c) => c.group === 'charged').length;
    expect(charged).toBe(16);
    expect(r.all.crimes).toBe(outcomes.categories.length + 4);
    expect(r.all.chargedOrSummonsed).toBe(charged + 2);
    const group = (g: string) => r.all.groups.find((x) => x.group === g)!.count;
    expect(group('out-of-court')).toBe(4);
    expect(group('no-suspect')).toBe(1);
    expect(group('unable-to-prosecute')).toBe(2);
    expect(group('under-investigation')).toBe(2); // the category, and the street file's outcome of "none"
    // police.uk's "Status update unavailable" is a row of its own: not known, not "other".
    expect(group('status-unknown')).toBe(1);
    expect(group('other')).toBe(4);
    expect(r.unlisted).toEqual([]);
    // Exact interval of 18 / 32 (scipy.stats.binomtest(18, 32).proportion_ci('exact')):
    // (0.376626, 0.736362).
    expect(r.all.chargeShareCi95![0]).toBeCloseTo(0.376626, 5);
    expect(r.all.chargeShareCi95![1]).toBeCloseTo(0.736362, 5);
  });

  it('settles two outcomes in one month by finality, whatever their order, and counts such crimes', async () => {
    const r = await outcomesFor(
      db,
      FULL_SCOPE,
      { area: 'Three Rivers', period: { from: '2025-01', to: '2025-01' } },
      outcomes,
    );
    expect(r.all.tiedCrimes).toBe(2);
    expect(r.notes.join('\n')).toMatch(/2 crime\(s\) here had such a tie/u);
  });

  it('names the months not held, and refuses a period with none held', async () => {
    const r = await outcomesFor(
      db,
      FULL_SCOPE,
      { area: 'Three Rivers', period: { from: '2024-12', to: '2025-02' } },
      outcomes,
    );
    expect(r.missingMonths).toEqual(['2024-12', '2025-02']);
    expect(r.coverage).toBe('1 of 3 months held: January 2025');
    expect(outcomesCommand.text(r, { area: 'Three Rivers', period: r.period })).toMatch(
      /Not held \(unknown, not zero\): 2024-12, 2025-02\./u,
    );
    await expect(
      outcomesFor(
        db,
        FULL_SCOPE,
        { area: 'Three Rivers', period: { from: '2024-12', to: '2024-12' } },
        outcomes,
      ),
    ).rejects.toThrow(/no month of it is held .*unknown, not zero.*Months held: 2025-01/u);
  });
});
