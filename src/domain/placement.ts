/**
 * Tying a police.uk record to its district. The LSOA code is looked up in the register (2011
 * codes, which 2021 keeps for unchanged LSOAs); failing that, the district is read from the LSOA
 * name ("Three Rivers 011B" → Three Rivers), which police.uk gives in both vintages. Records
 * with neither are kept as "no location"; names the register does not know stay "unmatched".
 */
import { districtNameFromLsoaName } from './area.js';

export type DistrictMatch = 'code' | 'name' | 'none' | 'unmatched';

export interface PlacementLookups {
  /** LSOA code → district code. */
  districtOfLsoa: ReadonlyMap<string, string>;
  /** Lower-case district name → district code. */
  districtByName: ReadonlyMap<string, string>;
  /** District code → force area (PFA) code. */
  forceAreaOfDistrict: ReadonlyMap<string, string>;
}

export interface Placed {
  districtCode: string | null;
  match: DistrictMatch;
}

export interface PlacementCounts {
  byLsoaCode: number;
  byLsoaName: number;
  noLocation: number;
  unmatched: number;
  /** Records placed in a district outside the publishing force's own area. */
  outsideForceArea: number;
}

export function emptyPlacementCounts(): PlacementCounts {
  return { byLsoaCode: 0, byLsoaName: 0, noLocation: 0, unmatched: 0, outsideForceArea: 0 };
}

export function placeRecord(lsoaCode: string, lsoaName: string, lookups: PlacementLookups): Placed {
  if (lsoaCode === '' && lsoaName === '') return { districtCode: null, match: 'none' };
  const byCode = lookups.districtOfLsoa.get(lsoaCode);
  if (byCode) return { districtCode: byCode, match: 'code' };
  const name = districtNameFromLsoaName(lsoaName);
  const byName = name ? lookups.districtByName.get(name.toLowerCase()) : undefined;
  if (byName) return { districtCode: byName, match: 'name' };
  return { districtCode: null, match: 'unmatched' };
}

/** A placement as a placer remembers it: where, and whether that lies outside the force's area. */
export interface PlacedRecord {
  placed: Placed;
  /** In a district outside the force's own area. */
  outside: boolean;
}

/** Places records and counts how each was placed (`cachedPlacer`). */
export interface Placer {
  /** Places a record and counts it. */
  place(lsoaCode: string, lsoaName: string): Placed;
  /**
   * What `place` gives, without counting it: for a caller that remembers placements itself and
   * counts each record with `count`.
   */
  lookup(lsoaCode: string, lsoaName: string): PlacedRecord;
  count(record: PlacedRecord): void;
  readonly counts: PlacementCounts;
}

/**
 * A placer that remembers each LSOA it has seen: a force-month has a few thousand of them. An
 * LSOA code the register knows decides the district alone, so it is remembered by its code; any
 * other code and name are remembered as a pair. Whether a district lies outside the force's area
 * is remembered with it. Records placed alike get the same Placed object (one per district and
 * match), so callers can remember what they derive from a placement by it.
 */
export function cachedPlacer(lookups: PlacementLookups, forceArea: string | null): Placer {
  const byCode = new Map<string, PlacedRecord>();
  const byPair = new Map<string, PlacedRecord>();
  const alike = new Map<string, Placed>();
  const counts = emptyPlacementCounts();
  const remember = (found: Placed): PlacedRecord => {
    const key = `${found.districtCode ?? ''}|${found.match}`;
    let placed = alike.get(key);
    if (placed === undefined) alike.set(key, (placed = found));
    return {
      placed,
      outside:
        placed.districtCode !== null &&
        forceArea !== null &&
        lookups.forceAreaOfDistrict.get(placed.districtCode) !== forceArea,
    };
  };
  const lookup = (lsoaCode: string, lsoaName: string): PlacedRecord => {
    let seen = byCode.get(lsoaCode);
    if (seen === undefined) {
      if (lsoaCode !== '' && lookups.districtOfLsoa.get(lsoaCode)) {
        byCode.set(lsoaCode, (seen = remember(placeRecord(lsoaCode, lsoaName, lookups))));
      } else {
        const key = lsoaCode + '\u0000' + lsoaName;
        seen = byPair.get(key);
        if (seen === undefined) {
          byPair.set(key, (seen = remember(placeRecord(lsoaCode, lsoaName, lookups))));
        }
      }
    }
    return seen;
  };
  const count = (seen: PlacedRecord): void => {
    const match = seen.placed.match;
    if (match === 'code') counts.byLsoaCode++;
    else if (match === 'name') counts.byLsoaName++;
    else if (match === 'none') counts.noLocation++;
    else counts.unmatched++;
    if (seen.outside) counts.outsideForceArea++;
  };
  const place = (lsoaCode: string, lsoaName: string): Placed => {
    const seen = lookup(lsoaCode, lsoaName);
    count(seen);
    return seen.placed;
  };
  return { place, lookup, count, counts };
}
