/**
 * Place look-ups one command makes many times over (a report's sections each find its area; its
 * maps, each hotspot map's cell names and the map's ward outlines read the same boundaries): the
 * area named, the force covering it, the districts within it, the populations of areas, the
 * boundaries within it, and the ward of each LSOA, read once per command through its `CommandReads`. What is read is the store's, unchanged; nothing is
 * kept beyond the command.
 */
import { districtsWithin, forceCovering, type AreaForce } from '../store/area-force.js';
import { ancestorsOf, findArea, resolveArea, type AreaRow } from '../store/areas.js';
import { boundariesWithin, registerCodesWithin, type StoredBoundary } from '../store/boundaries.js';
import { populationsOf } from '../store/populations.js';
import type { Area, Population } from '../domain/area.js';
import type { Db } from '../store/db.js';
import { wardsOfLsoas, type Ward } from '../store/ward-names.js';
import type { CommandReads } from './command-reads.js';

/** The boundaries of a type within an area (store/boundaries.ts), read once per command. */
export function boundariesWithinOnce(
  db: Db,
  code: string,
  type: 'ward' | 'lsoa',
  reads: CommandReads,
): Promise<StoredBoundary[]> {
  return reads.once(`boundaries-within:${code}:${type}`, () => boundariesWithin(db, code, type));
}

/**
 * The ward boundaries within an area when they are of every ward the register places there, once
 * per command; else none: an outline made of some of them would leave out the others' incidents
 * (Knowsley's wards of 2013, 12 of today's 15 matched by name).
 */
export function wholeWardBoundariesOnce(
  db: Db,
  code: string,
  reads: CommandReads,
): Promise<StoredBoundary[]> {
  return reads.once(`whole-wards:${code}`, async () => {
    const wards = await boundariesWithinOnce(db, code, 'ward', reads);
    if (wards.length === 0) return [];
    const held = new Set(wards.map((w) => w.code));
    const register = await registerCodesWithin(db, code, 'ward');
    return register.every((c) => held.has(c)) ? wards : [];
  });
}

/**
 * The ward of each LSOA the register places in one (others are absent), each LSOA looked up once
 * per command: a later call reads only the LSOAs no earlier one asked for.
 */
export async function wardsOfLsoasOnce(
  db: Db,
  lsoas: readonly string[],
  reads: CommandReads,
): Promise<Map<string, Ward>> {
  const known = await reads.once(
    'ward-of-lsoa',
    async () => new Map<string, Promise<Ward | undefined>>(),
  );
  const missing = [...new Set(lsoas)].filter((l) => !known.has(l));
  if (missing.length > 0) {
    const read = wardsOfLsoas(db, missing);
    for (const l of missing) {
      const ward = read.then((wards) => wards.get(l));
      known.set(l, ward);
      // A failure is not remembered: the next caller reads again and sees its own error.
      ward.catch(() => {
        if (known.get(l) === ward) known.delete(l);
      });
    }
  }
  const result = new Map<string, Ward>();
  for (const l of lsoas) {
    const ward = await known.get(l);
    if (ward) result.set(l, ward);
  }
  return result;
}

/** The register's area a name or code gives (store/areas.ts), once per command. */
export function resolveAreaOnce(db: Db, query: string, reads: CommandReads): Promise<Area> {
  return reads.once(`resolved-area:${query.trim()}`, () => resolveArea(db, query));
}

/** The register's area a name or code gives, with its population (store/areas.ts), once per command. */
export function findAreaOnce(db: Db, query: string, reads: CommandReads): Promise<AreaRow> {
  return reads.once(`found-area:${query.trim()}`, () => findArea(db, query));
}

/** The police force whose area covers an area (store/area-force.ts), once per command. */
export function forceCoveringOnce(
  db: Db,
  code: string,
  reads: CommandReads,
): Promise<AreaForce | null> {
  return reads.once(`force-covering:${code}`, () => forceCovering(db, code));
}

/** Every population held for each of the areas (store/populations.ts), once per command. */
export function populationsOnce(
  db: Db,
  codes: readonly string[],
  reads: CommandReads,
): Promise<Map<string, Population[]>> {
  return reads.once(`populations:${codes.join(',')}`, () => populationsOf(db, codes));
}

/** The districts within an area (store/area-force.ts), once per command. */
export function districtsWithinOnce(
  db: Db,
  code: string,
  reads: CommandReads,
): Promise<Set<string>> {
  return reads.once(`districts-within:${code}`, () => districtsWithin(db, code));
}

/** An area's code and the codes of the areas above it, nearest first (store/areas.ts), once per command. */
export function ancestorsOnce(db: Db, code: string, reads: CommandReads): Promise<string[]> {
  return reads.once(`ancestors:${code}`, () => ancestorsOf(db, code));
}
