/** The area register's look-ups, on a fresh in-memory store (migrations and the bundled register). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NotFoundError } from '../errors.js';
import {
  ancestorsOf,
  findArea,
  registeredArea,
  resolveArea,
  resolveAreaReferences,
  upperAreas,
} from './areas.js';
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
    // A force as police.uk's files name it.
    expect(await resolveArea(db, 'Gwent Police')).toMatchObject({ code: 'W15000002' });
    expect(await resolveArea(db, 'Hertfordshire Constabulary')).toMatchObject({ type: 'force' });
  });

  it('finds a principal area of Wales by its Welsh name, and keeps the register’s name', async () => {
    // A Welsh partnership's analyst may name Newport "Casnewydd" (QA: refused before, as "not an
    // area in the register", on the command line and in partners' files alike).
    expect(await resolveArea(db, 'Casnewydd')).toMatchObject({
      code: 'W06000022',
      name: 'Newport',
      type: 'district',
    });
    expect(await resolveArea(db, 'sir fynwy')).toMatchObject({ code: 'W06000021' });
    expect(await resolveArea(db, 'Caerffili')).toMatchObject({ code: 'W06000018' });
    expect(await resolveArea(db, 'Tor-faen')).toMatchObject({ code: 'W06000020' });
    // Its accent and hyphens aside, as a keyboard without them types it.
    expect(await resolveArea(db, 'Ynys Mon')).toMatchObject({ code: 'W06000001' });
    expect(await resolveArea(db, 'Castell nedd Port Talbot')).toMatchObject({
      code: 'W06000012',
    });
    await expect(resolveArea(db, 'Casnewyd')).rejects.toThrow(/did you mean "Casnewydd"\?/u);
    const found = await resolveAreaReferences(db, ['Casnewydd', 'SIR FYNWY', 'Caerdydd ']);
    expect(Object.fromEntries([...found].map(([name, a]) => [name, [a.code, a.district]]))).toEqual(
      {
        Casnewydd: ['W06000022', 'W06000022'],
        'SIR FYNWY': ['W06000021', 'W06000021'],
        Caerdydd: ['W06000015', 'W06000015'],
      },
    );
  });

  it('refuses a name it does not hold, with a "did you mean" for a slip', async () => {
    await expect(resolveArea(db, 'Three Rivres')).rejects.toThrow(
      /no area is called "Three Rivres" \(did you mean "Three Rivers"\?\)/u,
    );
    await expect(resolveArea(db, 'Atlantis')).rejects.toThrow(NotFoundError);
    await expect(resolveArea(db, 'Atlantis')).rejects.not.toThrow(/did you mean/u);
  });

  it('lists the areas a name could be in order of their codes, the same every time', async () => {
    // A union has no order of its own: "Church" listed its wards in a different order from one
    // request to the next.
    const listed = async () => {
      const error = await resolveArea(db, 'Church').then(
        () => null,
        (e: Error) => e,
      );
      return [...(error?.message ?? '').matchAll(/\b([EW]\d{8}) \(Church, ward/gu)].map(
        (m) => m[1],
      );
    };
    const first = await listed();
    expect(first.length).toBeGreaterThan(2);
    expect(first).toEqual([...first].sort());
    for (let i = 0; i < 5; i++) expect(await listed()).toEqual(first);
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

describe('ancestorsOf(db, code): the reads kept for the open store', () => {
  it('gives every area of the register the chain the recursive query gives', async () => {
    // The query it replaced, for every district, CSP and force and one LSOA and ward in fifty.
    const rows = await db.query<{ code: string; chain: string[] }>(
      `WITH RECURSIVE up(start, code, depth) AS (
         SELECT code, code, 0 FROM area WHERE type <> 'lsoa' AND type <> 'ward' OR hash(code) % 50 = 0
         UNION ALL
         SELECT up.start, a.parent, up.depth + 1 FROM up JOIN area a ON a.code = up.code
         WHERE a.parent IS NOT NULL)
       SELECT start AS code, list(code ORDER BY depth) AS chain FROM up GROUP BY start`,
    );
    expect(rows.length).toBeGreaterThan(1_500);
    for (const r of rows) expect(await ancestorsOf(db, r.code)).toEqual(r.chain);
    expect(await ancestorsOf(db, 'E07000102')).toEqual(['E07000102', 'E22000130', 'E23000027']);
  });

  it('reads an area once for every session of the store, and a code not held each time', async () => {
    const session = await db.session();
    try {
      const statements: string[] = [];
      const query = session.query.bind(session);
      session.query = ((
        sql: string,
        ...rest: Parameters<Db['query']> extends [string, ...infer R] ? R : never
      ) => {
        statements.push(sql);
        return query(sql, ...rest);
      }) as Db['query'];
      await ancestorsOf(db, 'E01023076');
      expect(await ancestorsOf(session, 'E01023076')).toHaveLength(5);
      expect(await registeredArea(session, 'E07000102')).toEqual({
        name: 'Three Rivers',
        type: 'district',
      });
      expect(statements).toEqual(['SELECT name, type FROM area WHERE code = $code']);
      expect(await ancestorsOf(session, 'X99999999')).toEqual(['X99999999']);
      expect(await ancestorsOf(session, 'X99999999')).toEqual(['X99999999']);
      expect(await registeredArea(session, 'X99999999')).toBeNull();
      expect(statements).toHaveLength(4);
    } finally {
      session.close();
    }
  });

  it('gives each caller a list of its own', async () => {
    const a = await upperAreas(db);
    a.length = 0;
    expect((await upperAreas(db)).length).toBeGreaterThan(600);
  });
});

describe('Db.kept', () => {
  it('keeps no failed read, and at most its bound of reads', async () => {
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('gone'));
    };
    await expect(db.kept('failing', failing)).rejects.toThrow('gone');
    await expect(db.kept('failing', failing)).rejects.toThrow('gone');
    expect(calls).toBe(2);
    for (let i = 0; i < 100_001; i++) await db.kept(`k${i}`, () => Promise.resolve(i));
    // Past the bound, the oldest half went: the first key is read again, the last is kept.
    expect(await db.kept('k0', () => Promise.resolve(-1))).toBe(-1);
    expect(await db.kept('k100000', () => Promise.resolve(-1))).toBe(100_000);
  });
});
