/** The area register's look-ups, on a fresh in-memory store (migrations and the bundled register). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NotFoundError } from '../errors.js';
import { findArea, resolveArea } from './areas.js';
import type { Db } from './db.js';
import { latestMonthHeld } from './latest-month.js';
import { openStore } from './open-store.js';

let db: Db;
beforeAll(async () => {
  db = await openStore(':memory:');
});
afterAll(() => db.close());

describe('resolveArea(db, query)', () => {
  it('finds an area by ONS code, by name in any case, and a force by its police.uk id', async () => {
    expect(await resolveArea(db, 'E07000102')).toMatchObject({
      name: 'Three Rivers',
      type: 'district',
    });
    expect(await resolveArea(db, 'e07000102')).toMatchObject({ code: 'E07000102' });
    expect(await resolveArea(db, '  three rivers ')).toMatchObject({ code: 'E07000102' });
    expect(await resolveArea(db, 'hertfordshire')).toMatchObject({ type: 'force' });
  });

  it('refuses a name it does not hold, with a "did you mean" for a slip', async () => {
    await expect(resolveArea(db, 'Three Rivres')).rejects.toThrow(
      /no area is called "Three Rivres" \(did you mean "Three Rivers"\?\)/u,
    );
    await expect(resolveArea(db, 'Atlantis')).rejects.toThrow(NotFoundError);
    await expect(resolveArea(db, 'Atlantis')).rejects.not.toThrow(/did you mean/u);
  });

  it('gives the population held nearest now, with its year and source', async () => {
    const area = await findArea(db, 'Three Rivers');
    expect(area.population).toMatchObject({ year: 2021, count: 93_700 });
  });
});

describe('latestMonthHeld(db)', () => {
  it('is null in a store that holds no month', async () => {
    expect(await latestMonthHeld(db)).toBeNull();
  });
});
