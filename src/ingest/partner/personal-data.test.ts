/**
 * findPersonalData: each kind found by header and by values, one value enough to flag a column
 * (issue 14: five addresses, an e-mail, a phone number and a postcode among 100 rows passed a
 * threshold of 3 values or 5%), and values that must pass: place and ward names, categories,
 * incident dates and times, numbers, ONS codes, district-level postcodes and crime references.
 */
import { describe, expect, it } from 'vitest';

import {
  hasDateOfBirth,
  hasNiNumber,
  hasStreetAddress,
  hasTitledName,
  hasUkPhone,
  hasUnitPostcode,
  isEmail,
  personalKind,
} from '../../domain/personal-data.js';
import { findPersonalData, headerKind } from './personal-data.js';
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
      ['NI Number', 'ni-number'],
      ['NINO', 'ni-number'],
      ['National Insurance No.', 'ni-number'],
      ['Victim', 'name'],
      ['Suspect', 'name'],
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

  it('passes headers that name no person: places, categories, people described but not named', () => {
    const headers = [
      'Ward Name',
      'LSOA name',
      'District',
      'Issue',
      'Offence group',
      'Victim age',
      'Suspect ethnicity',
      'NI', // Northern Ireland (Prevent's type of concern)
      'Postcode district', // "WD3": an area; its values are still checked
      'Postcode sector',
      'Date',
      'Reported',
      'Reference',
    ];
    for (const h of headers) expect(headerKind(h), h).toBeNull();
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

  it('flags a column on a single value holding an identifier, whatever its share', () => {
    // 1 e-mail among 99 category labels: line 101 is the 100th row.
    const hundred = [...Array.from({ length: 99 }, () => 'Fly-tipping'), 'tip@example.org'];
    expect(scan({ Notes: hundred })).toEqual([
      { column: 'Notes', kind: 'email', evidence: 'values', matches: 1, firstLine: 101 },
    ]);
  });

  it('names the kind of the first value holding an identifier and counts every such value', () => {
    // Line 2 passes; line 3 has an address, line 4 a phone number: 2 values, first an address.
    expect(scan({ Notes: ['Public order', '12 Acacia Avenue', '07700 900999'] })).toEqual([
      { column: 'Notes', kind: 'address', evidence: 'values', matches: 2, firstLine: 3 },
    ]);
  });

  it('catches the values of issue 14: an address, a titled name with a phone, a name with a DOB', () => {
    expect(personalKind('5 Oak Road, Rickmansworth WD3 1RL')).toBe('postcode');
    expect(hasStreetAddress('5 Oak Road, Rickmansworth WD3 1RL')).toBe(true);
    expect(personalKind('Mrs Jane Doe 07700 900999')).toBe('phone');
    expect(hasTitledName('Mrs Jane Doe 07700 900999')).toBe(true);
    expect(personalKind('John Smith DOB 01/02/1980')).toBe('date-of-birth');
    expect(personalKind('assault on John Smith born 14/02/1984 at 12 Acacia Avenue')).toBe(
      'date-of-birth',
    );
    expect(hasStreetAddress('assault on John Smith born 14/02/1984 at 12 Acacia Avenue')).toBe(
      true,
    );
    expect(personalKind('contact jane.doe@example.org')).toBe('email');
  });

  it("flags National Insurance numbers, spaced or not, and HMRC's example prefix QQ", () => {
    for (const n of ['AB 12 34 56 C', 'ab123456c', 'NI: JG103759A', 'QQ 12 34 56 C']) {
      expect(hasNiNumber(n), n).toBe(true);
      expect(personalKind(n), n).toBe('ni-number');
    }
    // Prefixes never issued (D, F, I, U, V first; O second; BG, GB, NK, KN, TN, NT, ZZ), a
    // suffix other than A-D, too few digits, and letters glued on either side pass.
    for (const n of ['DA 12 34 56 C', 'AO123456C', 'GB123456A', 'ZZ123456A', 'AB123456E']) {
      expect(hasNiNumber(n), n).toBe(false);
    }
    for (const n of ['AB12345C', 'XAB123456C', 'AB123456CD']) expect(hasNiNumber(n), n).toBe(false);
  });

  it('flags a date after "DOB", "date of birth" or "born", in the ways people write dates', () => {
    const births = [
      'DOB 01/02/1980',
      'D.O.B. 1/2/80',
      'dob: 1980-02-01',
      'Date of birth 14.02.1984',
      'born on 14th February 1984',
      'Smith, J (born 14 Feb 1984)',
      'birthdate=01-02-1980',
    ];
    for (const b of births) expect(hasDateOfBirth(b), b).toBe(true);
    // An incident's own date has no such word before it; a year alone is not a date.
    for (const b of ['01/02/1980', 'reported 14/02/2025', 'born 1984', 'Adobe 01/02/2025'])
      expect(hasDateOfBirth(b), b).toBe(false);
  });

  it('flags house-number street addresses', () => {
    const addresses = [
      '12 Acacia Avenue',
      '5 Oak Road, Rickmansworth',
      '3a The Grove',
      '12-14 High Street',
      'outside 221B Baker St.',
      '7, Church Lane',
      '14 Moor Park Close',
      '9 ACACIA AVENUE',
    ];
    for (const a of addresses) expect(hasStreetAddress(a), a).toBe(true);
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

  it('passes real partner values one by one: none of them is an identifier', () => {
    const values = [
      // Places: districts, wards, LSOA names, police.uk locations, streets with no number.
      'Three Rivers',
      'Moor Park & Eastbury',
      'Abbots Langley & Bedmond',
      'Carpenders Park',
      'St Albans',
      'Three Rivers 011B',
      'On or near Oak Road',
      'On or near Petrol Station',
      'Oak Dr Watford',
      'High Street, Rickmansworth',
      // District-level and sector postcodes.
      'WD3',
      'WD3 1',
      'HP7 0',
      // Category labels and free-text labels of the datasets.
      'public order',
      'Violence against the person',
      'Section 4 Public Order',
      'Section 5 Public Order Act 1986',
      'Criminal damage',
      'Black Bags - Household',
      'Car Boot or Less',
      'Speeding',
      'Drug dealing',
      'Speeding on 30 mph roads',
      'Dog fouling in 2 parks',
      'Mixed/Unclear/Unstable',
      // Incident dates and times, months, financial years, counts, money, codes.
      '2025-01-05',
      '05/01/2025',
      '2025-01-05T13:45:00',
      '01-01-2023 12:00',
      'Jan 2025',
      '2024-25',
      '1,204',
      '£12,345.00',
      '0.37',
      '37%',
      '-0.4731',
      '51.6383',
      'E07000102',
      'E01023819',
      // Crime and case references (hashed when mapped; never flagged by their shape).
      '41/12345/25',
      'CR/1001/25',
      'ASB/2025/0042',
      'HC-2025-001234',
      '0101234/25',
      'CAD 1234 05/01/2025',
      'ref 4112345',
    ];
    for (const v of values) expect(personalKind(v), v).toBeNull();
    expect(scan({ Values: values })).toEqual([]);
  });
});
