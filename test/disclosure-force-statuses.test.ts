/**
 * Protecting a force's areas together, made faster (the exact check's shortcuts, bounds over
 * indices), holds back exactly what it held back before: for a partner who sees Three Rivers in
 * detail and Hertfordshire as totals only, the status of every count of every area of the force in
 * every month the demo store holds is the one recorded (the fixture) with the code as merged before
 * the change, which solved every count's minimum and maximum in whole numbers.
 */
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DATASET_SENSITIVITIES } from '../src/domain/dataset-sensitivity.js';
import { FULL_SCOPE, scopeFor, type Scope } from '../src/domain/scope.js';
import { findArea, forceFamilyOf } from '../src/store/areas.js';
import type { Db } from '../src/store/db.js';
import { openStore } from '../src/store/open-store.js';
import { observedStreetMonths } from '../src/store/street-counts.js';
import { policeTotalsStatus } from '../src/usecases/police-totals-disclosure.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const FIXTURE = new URL('fixtures/disclosure/hertfordshire-partner-statuses.json', import.meta.url);

const dir = tempDir();
let db: Db;
let partner: Scope;

beforeAll(async () => {
  db = await openStore(demoStoreCopy(dir.path));
  const [herts, threeRivers] = [
    await findArea(db, 'Hertfordshire'),
    await findArea(db, 'Three Rivers'),
  ];
  const grant = (area: string, level: 'detail' | 'aggregate') => ({
    id: `g-${area}`,
    user: 'Priya',
    organisation: null,
    area,
    level,
    dataset: null,
    sensitivity: null,
  });
  partner = scopeFor(
    {
      id: 'u1',
      name: 'Priya',
      email: 'priya@example.gov.uk',
      organisation: 'Three Rivers DC',
      role: 'partner',
      disabled: false,
    },
    [grant(threeRivers.code, 'detail'), grant(herts.code, 'aggregate')],
    DATASET_SENSITIVITIES,
  );
});

afterAll(() => {
  db.close();
  dir.remove();
});

describe("a partner's counts across Hertfordshire", () => {
  it('are held back as before, in every area and every month held', async () => {
    const herts = await findArea(db, 'Hertfordshire');
    const family = (await forceFamilyOf(db, herts.code))!;
    const areas = [family.force, ...family.csps, ...family.districts].map((a) => ({
      code: a.code,
      name: a.name,
      type: a.type,
    }));
    const months = await observedStreetMonths(db, FULL_SCOPE, {
      code: herts.code,
      type: herts.type,
    });
    expect(months.length).toBe(30);
    const status = await policeTotalsStatus(db, partner, areas, months, { threshold: 5 });
    // Each area's counts not shown, by the count's id (`category:month`).
    const held: Record<string, Record<string, string>> = {};
    for (const [area, cells] of [...status].sort(([a], [b]) => a.localeCompare(b)))
      held[area] = Object.fromEntries(
        [...cells].filter(([, s]) => s !== 'shown').sort(([a], [b]) => a.localeCompare(b)),
      );
    const before = JSON.parse(readFileSync(FIXTURE, 'utf8')) as typeof held;
    expect(Object.keys(held).sort()).toEqual(Object.keys(before).sort());
    for (const area of Object.keys(before)) expect(held[area], area).toEqual(before[area]);
  });
});
