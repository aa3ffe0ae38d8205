import { describe, expect, it } from 'vitest';

import { districtNameFromLsoaName } from './area.js';
import { cachedPlacer, placeRecord, type PlacementLookups } from './placement.js';

const lookups: PlacementLookups = {
  districtOfLsoa: new Map([['E01023819', 'E07000102']]),
  districtByName: new Map([
    ['three rivers', 'E07000102'],
    ['barnet', 'E09000003'],
  ]),
  forceAreaOfDistrict: new Map([
    ['E07000102', 'E23000027'],
    ['E09000003', 'E23000001'],
  ]),
};

describe('placeRecord(code, name, lookups)', () => {
  it('places by LSOA code first', () => {
    expect(placeRecord('E01023819', 'Three Rivers 001A', lookups)).toEqual({
      districtCode: 'E07000102',
      match: 'code',
    });
  });
  it('falls back on the district in the LSOA name for a 2021 code the lookup lacks', () => {
    expect(placeRecord('E01035600', 'Three Rivers 011F', lookups)).toEqual({
      districtCode: 'E07000102',
      match: 'name',
    });
  });
  it('keeps records with no LSOA as "none"', () => {
    expect(placeRecord('', '', lookups)).toEqual({ districtCode: null, match: 'none' });
  });
  it('marks an unknown district as unmatched', () => {
    expect(placeRecord('W01999999', 'Atlantis 001A', lookups)).toEqual({
      districtCode: null,
      match: 'unmatched',
    });
  });
});

describe('cachedPlacer(lookups, forceArea)', () => {
  it('counts each way of placing, and records outside the force area', () => {
    const { place, counts } = cachedPlacer(lookups, 'E23000027');
    place('E01023819', 'Three Rivers 001A');
    place('E01023819', 'Three Rivers 001A');
    place('E01000250', 'Barnet 001C');
    place('', '');
    expect(counts).toEqual({
      byLsoaCode: 2,
      byLsoaName: 1,
      noLocation: 1,
      unmatched: 0,
      outsideForceArea: 1,
    });
  });
  it('places a code the register lacks by its name each time, whatever came before', () => {
    const { place } = cachedPlacer(lookups, 'E23000027');
    expect(place('E01023819', 'Barnet 001C')).toEqual({ districtCode: 'E07000102', match: 'code' });
    expect(place('E01035600', 'Three Rivers 011F').districtCode).toBe('E07000102');
    expect(place('E01035600', 'Barnet 001C').districtCode).toBe('E09000003');
    expect(place('E01035600', 'Nowhere 001A')).toEqual({ districtCode: null, match: 'unmatched' });
    expect(place('', 'Barnet 001C')).toEqual({ districtCode: 'E09000003', match: 'name' });
  });
});

describe('districtNameFromLsoaName(name)', () => {
  it.each([
    ['Three Rivers 011B', 'Three Rivers'],
    ['Bournemouth, Christchurch and Poole 001A', 'Bournemouth, Christchurch and Poole'],
    ['Kingston upon Hull 003C', 'Kingston upon Hull'],
  ])('"%s" → "%s"', (name, district) => {
    expect(districtNameFromLsoaName(name)).toBe(district);
  });
  it('returns null for a name without the LSOA suffix', () => {
    expect(districtNameFromLsoaName('Three Rivers')).toBeNull();
  });
});
