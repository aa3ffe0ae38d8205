/**
 * `outcomes` of a whole force, on the bundled Hertfordshire sample (police.uk, OGL v3.0): its
 * figures are the crimes of the districts of its area, as summary's are, and the crimes its files
 * place nowhere or in other districts are named, counted here from the raw CSVs with the tests'
 * own reader (no location: no LSOA; outside: an LSOA named after a district not in
 * Hertfordshire).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadPoliceOutcomes } from '../src/config/police-outcomes.js';
import { FULL_SCOPE } from '../src/domain/scope.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { outcomesFor } from '../src/usecases/outcomes.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { parseRaw, readZipEntries } from './helpers/raw-police.js';
import { HERTFORDSHIRE_DISTRICTS } from './helpers/hertfordshire.js';
import { SAMPLE_ZIP, tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: Db;

beforeAll(async () => {
  db = await openStore(demoStoreCopy(dir.path));
}, 60_000);
afterAll(() => {
  db?.close();
  dir.remove();
});

describe('outcomes of a force', () => {
  it("names the force's crimes its figures leave out: no location, or in districts outside it", async () => {
    const rows = [
      ...(await readZipEntries(SAMPLE_ZIP, /2021-\d\d-hertfordshire-street\.csv$/u)).values(),
    ]
      .flatMap((b) => parseRaw(b))
      .filter((r) => r['Crime type'] !== 'Anti-social behaviour');
    const district = (r: (typeof rows)[number]) => (r['LSOA name'] ?? '').replace(/ \w+$/u, '');
    const noLocation = rows.filter((r) => (r['LSOA code'] ?? '') === '').length;
    const outside = rows.filter(
      (r) => (r['LSOA code'] ?? '') !== '' && !HERTFORDSHIRE_DISTRICTS.includes(district(r)),
    ).length;
    const inside = rows.length - noLocation - outside;
    expect(noLocation).toBeGreaterThan(1000);
    expect(outside).toBeGreaterThan(1000);

    const r = await outcomesFor(
      db,
      FULL_SCOPE,
      { area: 'hertfordshire', period: { from: '2021-01', to: '2021-12' } },
      await loadPoliceOutcomes(),
    );
    expect(r.all.crimes).toBe(inside);
    // Before, nothing said why 71,448 crimes, not the 74,251 of the force's files (QA).
    const fmt = (n: number) => n.toLocaleString('en-GB');
    expect(r.notes).toContain(
      `Not counted here, though published by the force for these months: ${fmt(noLocation)} crimes with no location, ${fmt(outside)} placed in districts outside Hertfordshire, 0 whose LSOA is not in the register.`,
    );
    // A district's figures need no such note.
    const district3 = await outcomesFor(
      db,
      FULL_SCOPE,
      { area: 'Three Rivers', period: { from: '2021-01', to: '2021-12' } },
      await loadPoliceOutcomes(),
    );
    expect(district3.notes.join(' ')).not.toMatch(/Not counted here/u);
  });
});
