/**
 * findPersonalData: each kind found by header and by values, the thresholds (3 values, or 5% of
 * a column's non-empty values), and columns that must pass: place names, categories, dates in a
 * column not named as a birth date, numbers and district-level postcodes.
 */
import { describe, expect, it } from 'vitest';

import {
  findPersonalData,
  hasTitledName,
  hasUkPhone,
  hasUnitPostcode,
  isEmail,
} from './personal-data.js';
import type { TableFile } from './table-file.js';

/** A table of one column per key, row i on line i + 2 (the header is line 1). */
function table(columns: Record<string, string[]>): TableFile {
  const headers = Object.keys(columns);
  const length = Math.max(...Object.values(columns).map((v) => v.length));
  const rows = Array.from({ length }, (_, i) => ({
    line: i + 2,
    values: Object.fromEntries(headers.map((h) => [h, columns[h]?.[i] ?? ''])),
  }));
  return { path: 'partner.csv', sheet: null, headers, rows };
}

/** Findings for every column of `columns`. */
const scan = (columns: Record<string, string[]>) =>
  findPersonalData(table(columns), Object.keys(columns));

describe('findPersonalData by header', () => {
  it('flags each kind by its header, ignoring case, spaces, underscores and hyphens', () => {
    const headers: [string, string][] = [
      ['Victim Name', 'name'],
      ['FIRST_NAME', 'name'],
      ['Surname', 'name'],
      ['E-mail', 'email'],
      ['Tel', 'phone'],
      ['Mobile', 'phone'],
      ['date_of_birth', 'date-of-birth'],
      ['DOB', 'date-of-birth'],
      ['Post Code', 'postcode'],
      ['Street address', 'address'],
      ['House number', 'address'],
    ];
    const t = table(Object.fromEntries(headers.map(([h]) => [h, ['x', '', 'y']])));
    expect(findPersonalData(t, t.headers)).toEqual(
      // Header evidence: matches counts the column's non-empty values ('x' and 'y': 2).
      headers.map(([column, kind]) => ({
        column,
        kind,
        evidence: 'header',
        matches: 2,
        firstLine: null,
      })),
    );
  });

  it('looks only at the columns asked about', () => {
    const t = table({ Surname: ['Smith'], Ward: ['Moor Park'] });
    expect(findPersonalData(t, ['Ward', 'Not a column'])).toEqual([]);
  });

  it('gives one finding per column, header evidence first', () => {
    // "Email" by header; its values are e-mails too, but only the header finding is given.
    const found = scan({ Email: ['a@b.org', 'c@d.org', 'e@f.org'] });
    expect(found).toEqual([
      { column: 'Email', kind: 'email', evidence: 'header', matches: 3, firstLine: null },
    ]);
  });
});

describe('findPersonalData by values', () => {
  it('flags e-mail addresses; firstLine is the line of the first match', () => {
    // Rows are lines 2, 3, 4, 5: the first address is on line 3; 3 matches flag the column.
    const found = scan({
      Contact: ['', 'jo.bloggs@example.org', 'via j.smith+csp@council.gov.uk', 'SAM@X.CO.UK'],
    });
    expect(found).toEqual([
      { column: 'Contact', kind: 'email', evidence: 'values', matches: 3, firstLine: 3 },
    ]);
  });

  it('flags UK phone numbers in their usual forms', () => {
    const numbers = [
      '07700 900123',
      '07700-900-123',
      '01923 776611',
      '(01923) 776611',
      '020 7946 0000',
      '0300 123 4567',
      '+44 7700 900123',
      '+447700900123',
      '+44 (0)20 7946 0000',
      'call 07700900123 after 6',
    ];
    for (const n of numbers) expect(hasUkPhone(n), n).toBe(true);
    expect(scan({ Notes: numbers })).toEqual([
      { column: 'Notes', kind: 'phone', evidence: 'values', matches: 10, firstLine: 2 },
    ]);
  });

  it('flags full unit postcodes, not outward codes alone', () => {
    for (const p of ['WD3 1RL', 'SW1A 1AA', 'm1 1ae', 'EC1A1BB', 'near WD18 0JP']) {
      expect(hasUnitPostcode(p), p).toBe(true);
    }
    // "WD3" and "WD3 1" stop at the district and sector: no household in them.
    for (const p of ['WD3', 'WD3 1', 'SW1A', 'E07000102'])
      expect(hasUnitPostcode(p), p).toBe(false);
    expect(scan({ Location: ['WD3 1RL', 'WD17 1DU', 'SW1A 1AA'] })).toEqual([
      { column: 'Location', kind: 'postcode', evidence: 'values', matches: 3, firstLine: 2 },
    ]);
    expect(scan({ District: ['WD3', 'WD17', 'WD18', 'WD19', 'HP7'] })).toEqual([]);
  });

  it('flags names introduced by a title', () => {
    for (const n of ['Mrs Patel', 'Mr J. Smith', "Dr. O'Neill", 'reported by Miss Jones']) {
      expect(hasTitledName(n), n).toBe(true);
    }
    // A title not followed by a capitalised word, and "Dr" as a street ("Oak Dr"), pass.
    for (const n of ['Mr', 'mr smith', 'Oak Dr Watford', 'Drive', 'Ms-13']) {
      expect(hasTitledName(n), n).toBe(false);
    }
    expect(scan({ Reporter: ['Mr Smith', 'Ms Khan', 'Dr Evans', 'Council'] })).toEqual([
      { column: 'Reporter', kind: 'name', evidence: 'values', matches: 3, firstLine: 2 },
    ]);
  });

  it('flags a column on 5% of its values even when fewer than 3 match', () => {
    // 1 e-mail in 20 non-empty values is 5%: flagged. 1 in 21 is under 5% and under 3: passes.
    const twenty = [...Array.from({ length: 19 }, () => 'Fly-tipping'), 'tip@example.org'];
    expect(scan({ Notes: twenty })).toEqual([
      { column: 'Notes', kind: 'email', evidence: 'values', matches: 1, firstLine: 21 },
    ]);
    expect(scan({ Notes: ['Fly-tipping', ...twenty] })).toEqual([]);
  });

  it('counts only non-empty values towards the 5%', () => {
    // 1 phone number and 30 empty cells: 1 of 1 non-empty values is 100%.
    expect(scan({ Notes: [...Array.from({ length: 30 }, () => ''), '07700 900123'] })).toEqual([
      { column: 'Notes', kind: 'phone', evidence: 'values', matches: 1, firstLine: 32 },
    ]);
  });

  it('is isEmail on e-mail shapes only', () => {
    expect(isEmail('a.b@c.org')).toBe(true);
    expect(isEmail('@handle')).toBe(false);
    expect(isEmail('a@b')).toBe(false);
  });
});

describe('findPersonalData: no false positives', () => {
  it('passes place names, categories, dates, numbers and codes', () => {
    const found = scan({
      'District name': ['Three Rivers', 'Rickmansworth', 'Watford', 'Dacorum', 'Hertsmere'],
      Ward: ['Croxley Green', 'Oxhey Hall', 'Moor Park & Eastbury', 'Maple Cross', 'Dickinsons'],
      Category: ['Anti-social behaviour', 'Drugs', 'Criminal damage', 'Other', 'Public order'],
      // Dates in a column not named as a birth date: incident dates are not personal.
      Date: ['2024-03-05', '05/03/2024', '2024-03-05T13:45', '01-01-2023 12:00', '2023-12-31'],
      'Total Incidents': ['812', '790', '1503', '9876', '0'],
      'Estimated cost (£)': ['12,345', '11,900', '1000000000000000000000', '0.0000001', '-2.5'],
      'ONS Code': ['E07000102', 'E07000103', 'E06000060', 'E07000098', 'E07000099'],
      Year: ['2022-23', '2023-24', '2023', '2024', '2019-20'],
    });
    expect(found).toEqual([]);
  });

  it('passes a column named Name-like only in part ("Ward name", "Street")', () => {
    expect(scan({ 'Ward name': ['Moor Park'], Street: ['On or near High Street'] })).toEqual([]);
  });
});
