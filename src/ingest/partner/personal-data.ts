/**
 * A check that a partner file about to be imported holds no personal data: Lantern keeps counts
 * for areas, and names, contact details, birth dates or home addresses must not be stored by
 * accident. A column is flagged by its header (a name such as "Surname", "DOB" or "Victim") or by
 * any one of its values holding a clear identifier (`domain/personal-data.ts`: an e-mail address,
 * a UK phone number, a full unit postcode, a National Insurance number, a date of birth, a
 * house-number street address or a name after a title). One such value is enough: a single
 * identifier in a stored field is a leak.
 */
import { personalKind, type PersonalKind } from '../../domain/personal-data.js';
import type { TableFile } from './table-file.js';

export interface PersonalDataFinding {
  column: string;
  kind: PersonalKind;
  /** Found by the column's header, or by its values. */
  evidence: 'header' | 'values';
  /** Values holding an identifier; for header evidence, the column's non-empty values. */
  matches: number;
  /** Line of the first value holding an identifier (of `kind`); null for header evidence. */
  firstLine: number | null;
}

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
 * People a column may be about, when the header is that word alone: a column headed "Victim"
 * or "Suspect" holds who they are ("Victim age", "Suspect ethnicity" are not flagged).
 */
const PERSON_ALONE = new Set([
  'victim',
  'victims',
  'offender',
  'offenders',
  'suspect',
  'suspects',
  'complainant',
  'perpetrator',
  'witness',
  'caller',
  'tenant',
  'client',
  'patient',
]);

/**
 * The kind of personal data a header names, by its words: "Victim Surname", "Victim DOB",
 * "Address Line 1", "Contact e-mail", "Mobile No.", "NI number", "Victim" are caught;
 * "LSOA name", "Ward Name", "Victim age", "NI" (Northern Ireland), "Postcode district" are not.
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
  // A postcode district or sector ("WD3", "WD3 1") is an area, not a household: such a column
  // is checked by its values (a full postcode there is still caught).
  if (
    (has('postcode', 'zip', 'zipcode') || joined.includes('postcode')) &&
    !has('district', 'sector', 'area', 'outward', 'prefix')
  )
    return 'postcode';
  if (has('address', 'addr') || /housenumber|streetaddress/u.test(joined)) return 'address';
  if (
    has('nino') ||
    joined.includes('nationalinsurance') ||
    (has('ni') && has('number', 'no', 'num'))
  )
    return 'ni-number';
  if (
    has('surname', 'forename', 'forenames', 'firstname', 'lastname', 'fullname', 'givenname') ||
    /surname|forename/u.test(joined) ||
    (words.includes('name') && (words.length === 1 || words.some((w) => PERSON_WORDS.has(w)))) ||
    (words.length === 1 && PERSON_ALONE.has(words[0] as string))
  )
    return 'name';
  return null;
}

/**
 * Columns of `table` among `columns` that look like personal data, at most one finding each:
 * by the header's words, else by the first value (in file order) holding a clear identifier.
 */
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
    let first: { kind: PersonalKind; line: number } | null = null;
    let matches = 0;
    for (const row of filled) {
      const kind = personalKind(row.values[column] as string);
      if (kind === null) continue;
      matches += 1;
      first ??= { kind, line: row.line };
    }
    if (first)
      out.push({ column, kind: first.kind, evidence: 'values', matches, firstLine: first.line });
  }
  return out;
}
