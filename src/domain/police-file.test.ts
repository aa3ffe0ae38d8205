import { describe, expect, it } from 'vitest';

import { detectKind, parsePoliceFileName, POLICE_COLUMNS, POLICE_KINDS } from './police-file.js';

describe('detectKind(header)', () => {
  it.each(POLICE_KINDS)('recognises a full %s header', (kind) => {
    expect(detectKind(POLICE_COLUMNS[kind])).toEqual({ ok: true, kind });
  });
  it('does not depend on column order', () => {
    expect(detectKind([...POLICE_COLUMNS.street].reverse())).toEqual({ ok: true, kind: 'street' });
  });
  it('names the missing columns of a header that is nearly a street header', () => {
    const header = POLICE_COLUMNS.street.filter((c) => c !== 'Month' && c !== 'LSOA code');
    expect(detectKind(header)).toEqual({
      ok: false,
      kind: 'street',
      missing: ['Month', 'LSOA code'],
    });
  });
  it('allows the optional Context column to be absent', () => {
    expect(detectKind(POLICE_COLUMNS.street.filter((c) => c !== 'Context'))).toEqual({
      ok: true,
      kind: 'street',
    });
  });
  it('says "not police.uk" for an unrelated header', () => {
    expect(detectKind(['id', 'name', 'email'])).toEqual({ ok: false, kind: null, missing: [] });
  });
});

describe('parsePoliceFileName(name)', () => {
  it('reads month, force and kind', () => {
    expect(parsePoliceFileName('2025-12-hertfordshire-street.csv')).toEqual({
      month: '2025-12',
      force: 'hertfordshire',
      kind: 'street',
    });
    expect(parsePoliceFileName('2020-06-avon-and-somerset-stop-and-search.csv.gz')).toEqual({
      month: '2020-06',
      force: 'avon-and-somerset',
      kind: 'stop-and-search',
    });
  });
  it('returns null for names outside the pattern', () => {
    expect(parsePoliceFileName('crimes.csv')).toBeNull();
    expect(parsePoliceFileName('2025-13-kent-street.csv')).toBeNull();
  });
});
