/**
 * A check that a partner file about to be imported holds no personal data: Lantern keeps counts
 * for areas, and a column of names, contact details, birth dates or full addresses must not be
 * stored by accident. A column is flagged by its header (a name such as "Surname" or "DOB") or by
 * its values (e-mail addresses, UK phone numbers, full unit postcodes, names after a title such as
 * "Mrs"). The value tests look only for shapes that identify a person or a household: place
 * names, categories, ordinary dates and numbers, and district-level postcodes ("WD3") pass.
 */
import type { TableFile } from './table-file.js';

export type PersonalKind = 'name' | 'email' | 'phone' | 'date-of-birth' | 'postcode' | 'address';

export interface PersonalDataFinding {
  column: string;
  kind: PersonalKind;
  /** Found by the column's header, or by its values. */
  evidence: 'header' | 'values';
  /** Values that look personal; for header evidence, the column's non-empty values. */
  matches: number;
  /** Line of the first matching value; null for header evidence. */
  firstLine: number | null;
}

/** Headers, compared with case, spaces, underscores, hyphens and dots taken out. */
/** Words that make "name" a person's name ("Victim Name"), not a place's ("Ward Name"). */
const PERSON_WORDS = new Set([
  'victim',
  'offender',
  'suspect',
  'complainant',
  'person',
  'client',
  'resident',
  'caller',
  'reporter',
  'customer',
  'contact',
  'witness',
  'perpetrator',
  'tenant',
  'owner',
  'applicant',
  'child',
  'parent',
  'patient',
  'first',
  'last',
  'full',
  'given',
  'maiden',
  'middle',
]);

/**
 * The kind of personal data a header names, by its words: "Victim Surname", "Victim DOB",
 * "Address Line 1", "Contact e-mail", "Mobile No." are caught; "LSOA name", "Ward Name" are not.
 */
export function headerKind(header: string): PersonalKind | null {
  const words = header
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  const joined = words.join('');
  const has = (...w: string[]) => w.some((x) => words.includes(x));
  if (has('dob', 'birthday') || /dateofbirth|birthdate/u.test(joined)) return 'date-of-birth';
  if (has('email') || joined.includes('email')) return 'email';
  if (has('phone', 'telephone', 'tel', 'mobile', 'landline', 'phoneno', 'mobileno')) return 'phone';
  if (has('postcode', 'zip', 'zipcode') || joined.includes('postcode')) return 'postcode';
  if (has('address', 'addr') || /housenumber|streetaddress/u.test(joined)) return 'address';
  if (
    has('surname', 'forename', 'forenames', 'firstname', 'lastname', 'fullname', 'givenname') ||
    /surname|forename/u.test(joined) ||
    (words.includes('name') && (words.length === 1 || words.some((w) => PERSON_WORDS.has(w))))
  )
    return 'name';
  return null;
}

/** Value shapes, in the order a tie between two kinds in one column is settled. */
const VALUE_TESTS: readonly (readonly [PersonalKind, (value: string) => boolean])[] = [
  ['email', isEmail],
  ['phone', hasUkPhone],
  ['postcode', hasUnitPostcode],
  ['name', hasTitledName],
];

/** A column is flagged by its values when this many match, or this share of its values. */
const MIN_MATCHES = 3;
const MIN_SHARE = 0.05;

/** Columns of `table` among `columns` that look like personal data, at most one finding each. */
export function findPersonalData(
  table: TableFile,
  columns: readonly string[],
): PersonalDataFinding[] {
  const out: PersonalDataFinding[] = [];
  for (const column of new Set(columns)) {
    if (!table.headers.includes(column)) continue;
    const filled = table.rows.filter((r) => (r.values[column] ?? '').trim() !== '');
    const byHeader = headerKind(column);
    if (byHeader) {
      out.push({
        column,
        kind: byHeader,
        evidence: 'header',
        matches: filled.length,
        firstLine: null,
      });
      continue;
    }
    let best: PersonalDataFinding | null = null;
    for (const [kind, test] of VALUE_TESTS) {
      const hits = filled.filter((r) => test((r.values[column] as string).trim()));
      const first = hits[0];
      if (!first || (hits.length < MIN_MATCHES && hits.length < MIN_SHARE * filled.length))
        continue;
      if (best === null || hits.length > best.matches) {
        best = { column, kind, evidence: 'values', matches: hits.length, firstLine: first.line };
      }
    }
    if (best) out.push(best);
  }
  return out;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/u;

export function isEmail(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * A run of digits, spaces, dashes and brackets starting +44 or 0, not inside a word or a date or
 * time (no letter, digit, '/', '.' or ':' on either side), ending in a digit.
 */
const PHONE_RUN = /(?<![\w+/.:])(?:\+44|\(?0)[\d ()-]*\d(?![\w/.:])/gu;
/** UK numbers written nationally: mobiles 07 + 9 digits, 01/02/03 numbers of 10 or 11 digits. */
const UK_NUMBER = /^0(?:7\d{9}|1\d{8,9}|[23]\d{9})$/u;

/** A UK mobile or landline number: "07700 900123", "(01923) 776611", "+44 (0)20 7946 0000". */
export function hasUkPhone(value: string): boolean {
  for (const [run] of value.matchAll(PHONE_RUN)) {
    let digits = run.replace(/\D/gu, '');
    if (run.startsWith('+44')) {
      digits = digits.slice(2);
      if (!digits.startsWith('0')) digits = `0${digits}`;
    }
    if (UK_NUMBER.test(digits)) return true;
  }
  return false;
}

/**
 * A full unit postcode, outward code then inward code ("WD3 1RL", "SW1A 1AA", "m1 1ae"): the
 * inward code's letters never include C, I, K, M, O or V. An outward code alone ("WD3") is a
 * postal district, not a household, and passes.
 */
const UNIT_POSTCODE =
  /(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/iu;

export function hasUnitPostcode(value: string): boolean {
  return UNIT_POSTCODE.test(value);
}

/** A title then a capitalised name, perhaps after initials: "Mrs Patel", "Dr. J. O'Neill". */
const TITLED_NAME = /\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][A-Za-z'’-]+/gu;

/** A personal name after a title; "Dr" after a capitalised word is a street ("Oak Dr Watford"). */
export function hasTitledName(value: string): boolean {
  for (const m of value.matchAll(TITLED_NAME)) {
    const street = m[1] === 'Dr' && /[A-Z][A-Za-z]*\s+$/u.test(value.slice(0, m.index));
    if (!street) return true;
  }
  return false;
}
