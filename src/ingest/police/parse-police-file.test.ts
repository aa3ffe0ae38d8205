import { describe, expect, it } from 'vitest';

import type { PlacementLookups } from '../../domain/placement.js';
import { POLICE_COLUMNS } from '../../domain/police-file.js';
import { InputError } from '../../errors.js';
import { parsePoliceFile } from './parse-police-file.js';

const lookups: PlacementLookups = {
  districtOfLsoa: new Map([['E01023819', 'E07000102']]),
  districtByName: new Map([['three rivers', 'E07000102']]),
  forceAreaOfDistrict: new Map([['E07000102', 'E23000027']]),
};
const HEADER = POLICE_COLUMNS.street.join(',');
const GOOD =
  'abc123,2025-12,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Burglary,Under investigation,';
const ASB =
  ',2025-12,Hertfordshire Constabulary,Hertfordshire Constabulary,-0.45,51.65,On or near High Street,E01023819,Three Rivers 001A,Anti-social behaviour,,';

function parse(name: string, text: string, force?: string) {
  return parsePoliceFile(name, name, new TextEncoder().encode(text), 'hash', { lookups, force });
}

describe('parsePoliceFile: street rows', () => {
  it('accepts good rows and keys ASB rows by content and position', () => {
    const parsed = parse('2025-12-hertfordshire-street.csv', [HEADER, GOOD, ASB, ASB].join('\n'));
    expect(parsed).toMatchObject({ kind: 'street', force: 'hertfordshire', months: ['2025-12'] });
    expect(parsed.staged.rows).toBe(3);
    expect(parsed.rejected).toEqual([]);
    const keys = new TextDecoder()
      .decode(parsed.staged.bytes())
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(',')[1]);
    expect(keys[0]).toBe(''); // a crime's key is its Crime ID (the store's record_key)
    expect(keys[1]).toMatch(/^asb:[\w-]+$/);
    expect(keys[2]).toBe(`${keys[1]}#2`);
    expect(parsed.placement).toEqual({
      byLsoaCode: 3,
      byLsoaName: 0,
      noLocation: 0,
      unmatched: 0,
      outsideForceArea: 0,
    });
  });

  it("stages a plain ASCII file's rows as its own lines after Lantern's cells, unless a cell would differ", () => {
    const padded = GOOD.replace('On or near High Street', ' On or near High Street ');
    const signed = GOOD.replace('-0.45,51.65', '+0.450,51.650');
    const parsed = parse(
      '2025-12-hertfordshire-street.csv',
      [HEADER, GOOD, padded, signed].join('\n'),
    );
    expect(parsed.layout).toBe('as-filed');
    const lines = new TextDecoder().decode(parsed.staged.bytes()).split('\n');
    expect(lines[0]).toBe(`2,,E07000102,code,burglary,${GOOD}`);
    // Spaces to trim, or a number DuckDB might read otherwise: the cells as the record is staged.
    expect(lines[1]).toBe(`3,,E07000102,code,burglary,${GOOD}`);
    expect(lines[2]).toBe(`4,,E07000102,code,burglary,${GOOD.replace('-0.45', '0.45')}`);
  });

  it('stages rows in its own layout when the lines cannot be copied', () => {
    const quoted = GOOD.replace('On or near High Street', '"On or near High Street"');
    const reordered = [
      HEADER.replace('Crime ID,Month', 'Month,Crime ID'),
      GOOD.replace('abc123,2025-12', '2025-12,abc123'),
    ];
    for (const text of [
      [HEADER, quoted].join('\n'),
      [HEADER, GOOD].join('\r\n'),
      [HEADER, GOOD.replace('High Street', 'Hauptstraße')].join('\n'),
      reordered.join('\n'),
    ]) {
      expect(parse('2025-12-hertfordshire-street.csv', text).layout).toBe('lantern');
    }
  });

  it('rejects each bad row with its line, field and reason, and keeps the rest', () => {
    const rows = [
      HEADER,
      GOOD,
      GOOD.replace('2025-12', '2025-13'), // line 3: no such month
      GOOD.replace('2025-12', 'Dec 2025'), // line 4: not a month
      GOOD.replace('-0.45,51.65', '-120.5,51.65'), // line 5: outside Great Britain
      GOOD.replace('-0.45,51.65', ',51.65'), // line 6: one coordinate
      GOOD.replace('Burglary', 'Fraud'), // line 7: unknown crime type
      GOOD + ',extra', // line 8: too many fields
      'abc,2025-12', // line 9: too few fields
      GOOD.replace(
        'Hertfordshire Constabulary,Hertfordshire Constabulary',
        'Kent Police,Kent Police',
      ),
    ];
    const parsed = parse('2025-12-hertfordshire-street.csv', rows.join('\r\n'));
    expect(parsed.staged.rows).toBe(1);
    expect(parsed.rejected.map((r) => [r.line, r.field])).toEqual([
      [3, 'Month'],
      [4, 'Month'],
      [5, 'Longitude/Latitude'],
      [6, 'Longitude'],
      [7, 'Crime type'],
      [8, null],
      [9, null],
      [10, 'Falls within'],
    ]);
    expect(parsed.rejected[0]?.reason).toBe('Month: "2025-13" is not a month (YYYY-MM)');
    expect(parsed.rejected[4]?.reason).toBe('Crime type: "Fraud" is not a police.uk crime type');
    expect(parsed.rejected[5]?.reason).toBe('has 13 fields, the header has 12');
    expect(parsed.rejected[6]?.raw).toBe('abc,2025-12');
  });

  it('keeps rows reported by another force that publishes on police.uk (British Transport Police)', () => {
    const btp = GOOD.replace(
      'abc123,2025-12,Hertfordshire Constabulary',
      'btp1,2025-12,British Transport Police',
    );
    const parsed = parse('2025-12-hertfordshire-street.csv', [HEADER, GOOD, btp].join('\n'));
    expect(parsed).toMatchObject({ force: 'hertfordshire', rejected: [] });
    expect(parsed.staged.rows).toBe(2);
  });

  it('refuses a file whose name gives a force police.uk does not know, when no row says one', () => {
    const rows = [
      HEADER,
      GOOD.replace('Hertfordshire Constabulary,Hertfordshire Constabulary', ','),
    ];
    expect(() => parse('2025-12-hertfordshire-street.csv', rows.join('\n'))).not.toThrow();
    expect(() => parse('2025-12-hertfordshir-street.csv', rows.join('\n'))).toThrow(
      /the file name says force "hertfordshir", which is not a force that publishes on police\.uk \(did you mean "hertfordshire"\?\)/,
    );
  });

  it('reads force and month from rows when the file name does not follow the pattern', () => {
    const rows = [HEADER, GOOD, GOOD.replace('abc123', 'def456')];
    expect(parse('my-export.csv', rows.join('\n'))).toMatchObject({
      force: 'hertfordshire',
      months: ['2025-12'],
    });
  });

  it('refuses a file with a row of another month, naming the first such line', () => {
    const other = GOOD.replace('2025-12', '2025-11');
    expect(() =>
      parse('2025-12-hertfordshire-street.csv', [HEADER, GOOD, GOOD, other, other].join('\n')),
    ).toThrow(
      /^2025-12-hertfordshire-street\.csv:4: line 4 is of 2025-11, but the file is of 2025-12 \(as its name says\); a police\.uk file holds one month/,
    );
    // Named otherwise, the file's month is the one most of its rows carry.
    expect(() => parse('my-export.csv', [HEADER, other, GOOD, GOOD].join('\n'))).toThrow(
      /my-export\.csv:2: line 2 is of 2025-11, but the file is of 2025-12 \(as most of its rows are\)/,
    );
  });

  it('refuses a file whose last line is cut short, and only then', () => {
    const cut = GOOD.slice(0, GOOD.indexOf('Three Rivers'));
    expect(() => parse('2025-12-hertfordshire-street.csv', [HEADER, GOOD, cut].join('\n'))).toThrow(
      /:3: the last line is incomplete \(9 of the header's 12 fields, and no line end\): the file looks cut short/,
    );
    // With a line end, the short line is a bad row like any other.
    const ended = parse('2025-12-hertfordshire-street.csv', [HEADER, GOOD, cut, ''].join('\n'));
    expect(ended.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'has 9 fields, the header has 12'],
    ]);
    // A whole last line needs no line end.
    expect(parse('2025-12-hertfordshire-street.csv', [HEADER, GOOD].join('\n')).staged.rows).toBe(
      1,
    );
  });

  it('refuses a line of more than 1,000 fields, and counts no force from rows of another width', () => {
    const wide = Array(5000).fill('Kent Police').join(',');
    expect(() =>
      parse('2025-12-hertfordshire-street.csv', [HEADER, wide, GOOD].join('\n')),
    ).toThrow(/:2: line 2 has 5,000 fields, the header has 12/);
    const narrow = 'x,2025-12,Kent Police,Kent Police';
    const parsed = parse(
      '2025-12-hertfordshire-street.csv',
      [HEADER, narrow, narrow, GOOD].join('\n'),
    );
    expect(parsed.force).toBe('hertfordshire');
    expect(parsed.rejected).toHaveLength(2);
  });

  it('refuses a file whose name and rows name different forces', () => {
    expect(() => parse('2025-12-kent-street.csv', [HEADER, GOOD].join('\n'))).toThrow(
      /file name says force "kent" but its rows fall within "hertfordshire"/,
    );
  });

  it('takes the kind from the header, warning when the name says otherwise', () => {
    const parsed = parse('2025-12-hertfordshire-outcomes.csv', [HEADER, GOOD].join('\n'));
    expect(parsed.kind).toBe('street');
    expect(parsed.warnings[0]).toMatch(/file name says outcomes/);
  });

  it('refuses a header without required columns, naming them', () => {
    const header = POLICE_COLUMNS.street
      .filter((c) => c !== 'Crime type' && c !== 'Month')
      .join(',');
    expect(() => parse('x.csv', `${header}\n`)).toThrow(InputError);
    expect(() => parse('x.csv', `${header}\n`)).toThrow(
      /lacks the column\(s\) "Month", "Crime type"/,
    );
  });

  it('refuses a file in which no row can be imported', () => {
    expect(() => parse('x.csv', [HEADER, GOOD.replace('Burglary', 'Fraud')].join('\n'))).toThrow(
      /no row could be imported \(line 2: Crime type/,
    );
  });

  it('refuses an unclosed quote before anything else about the file', () => {
    expect(() => parse('people.csv', 'id,name\n1,Ann\n2,"Bob\n')).toThrow(
      /people\.csv:3: a quoted field is never closed/,
    );
    expect(() => parse('2025-12-kent-street.csv', [HEADER, GOOD, '"x'].join('\n'))).toThrow(
      /:3: a quoted field is never closed/,
    );
  });

  it('refuses a CSV that is not a police.uk file', () => {
    expect(() => parse('people.csv', 'id,name\n1,Ann\n')).toThrow(
      /not a police.uk street, outcomes or stop-and-search CSV/,
    );
  });
});

describe('parsePoliceFile: stop-and-search rows', () => {
  const header = POLICE_COLUMNS['stop-and-search'].join(',');
  const row =
    'Person search,2020-06-01T01:50:00+00:00,,,55.0,-1.6,Male,10-17,White,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,A no further action disposal,,False';
  it('needs the force from the name or --force, since rows never say it', () => {
    expect(() => parse('searches.csv', `${header}\n${row}\n`)).toThrow(/pass --force/);
    expect(parse('searches.csv', `${header}\n${row}\n`, 'northumbria').force).toBe('northumbria');
  });
  it("keeps a search of the file's month in the UK that UTC puts on the day before", () => {
    // police.uk writes the moment in UTC and files a search by its UK date: 00:05 BST on 1 June.
    const late = row.replace('2020-06-01T01:50:00+00:00', '2020-05-31T23:05:00+00:00');
    const local = row.replace('2020-06-01T01:50:00+00:00', '2020-06-01T00:30:00+01:00');
    const parsed = parse(
      '2020-06-northumbria-stop-and-search.csv',
      [header, row, late, local].join('\n'),
    );
    expect(parsed.months).toEqual(['2020-06']);
    expect(parsed.staged.rows).toBe(3);
  });
  it('refuses a search of an earlier month, in UTC and in the UK', () => {
    const earlier = row.replace('2020-06-01T01:50:00+00:00', '2020-05-31T01:50:00+00:00');
    expect(() =>
      parse('2020-06-northumbria-stop-and-search.csv', [header, row, earlier].join('\n')),
    ).toThrow(/:3: line 3 is of 2020-05, but the file is of 2020-06/);
  });
  it('rejects a date that is not ISO 8601 and a flag that is not True/False', () => {
    const rows = [
      header,
      row.replace('2020-06-01T01:50:00+00:00', '01/06/2020'),
      row.replace(',False', ',maybe'),
      row,
    ];
    const parsed = parse('2020-06-northumbria-stop-and-search.csv', rows.join('\n'));
    expect(parsed.rejected.map((r) => r.field)).toEqual([
      'Date',
      'Removal of more than just outer clothing',
    ]);
  });
});
