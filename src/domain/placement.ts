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

/**
 * A placer that remembers each LSOA it has seen: a force-month has a few thousand of them. An
 * LSOA code the register knows decides the district alone, so it is remembered by its code; any
 * other code and name are remembered as a pair. Whether a district lies outside the force's area
 * is remembered with it.
 */
export function cachedPlacer(lookups: PlacementLookups, forceArea: string | null) {
  const byCode = new Map<string, Remembered>();
  const byPair = new Map<string, Remembered>();
  const counts = emptyPlacementCounts();
  const remember = (placed: Placed): Remembered => ({
    placed,
    outside:
      placed.districtCode !== null &&
      forceArea !== null &&
      lookups.forceAreaOfDistrict.get(placed.districtCode) !== forceArea,
  });
  const place = (lsoaCode: string, lsoaName: string): Placed => {
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
    const placed = seen.placed;
    if (placed.match === 'code') counts.byLsoaCode++;
    else if (placed.match === 'name') counts.byLsoaName++;
    else if (placed.match === 'none') counts.noLocation++;
    else counts.unmatched++;
    if (seen.outside) counts.outsideForceArea++;
    return placed;
  };
  return { place, counts };
}

interface Remembered {
  placed: Placed;
  /** In a district outside the force's own area. */
  outside: boolean;
}
