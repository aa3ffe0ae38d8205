/**
 * Clear identifiers of a person or a household in a piece of text, by their shapes: an e-mail
 * address, a UK phone number, a full unit postcode, a National Insurance number, a date of birth
 * ("DOB 01/02/1980", "born 14/02/1984"), a house-number street address ("12 Acacia Avenue") or a
 * name after a title ("Mrs Patel"). One is enough for a value to be personal data.
 *
 * The tests look only for shapes that identify a person or a household, so that real partner
 * data pass: place and ward names, category labels, ordinary incident dates and times, counts,
 * ONS codes, district-level postcodes ("WD3") and crime or case references. A plain name with no
 * title and no date of birth beside it ("John Smith") cannot be told from a place name ("Moor
 * Park") by its shape, and is not caught. Partner imports check files with these
 * (`ingest/partner/personal-data.ts`); the store checks text kept by earlier versions.
 */
export type PersonalKind =
  'name' | 'email' | 'phone' | 'date-of-birth' | 'postcode' | 'address' | 'ni-number';

/** Each kind as a reader would say it, for messages. */
export const PERSONAL_KIND_LABEL: Readonly<Record<PersonalKind, string>> = {
  name: "a person's name",
  email: 'an e-mail address',
  phone: 'a phone number',
  'date-of-birth': 'a date of birth',
  postcode: 'a full postcode',
  address: 'a street address',
  'ni-number': 'a National Insurance number',
};

/** Value shapes, in the order they are tried on a value (the first that matches names it). */
const VALUE_TESTS: readonly (readonly [PersonalKind, (value: string) => boolean])[] = [
  ['email', isEmail],
  ['ni-number', hasNiNumber],
  ['phone', hasUkPhone],
  ['postcode', hasUnitPostcode],
  ['date-of-birth', hasDateOfBirth],
  ['address', hasStreetAddress],
  ['name', hasTitledName],
];

/** The first kind of clear identifier `value` holds, or null. */
export function personalKind(value: string): PersonalKind | null {
  const text = value.trim();
  if (text === '') return null;
  // Every shape but a titled name has a digit or an '@': most labels and names are done at once.
  if (!/[\d@]/u.test(text)) return hasTitledName(text) ? 'name' : null;
  for (const [kind, test] of VALUE_TESTS) if (test(text)) return kind;
  return null;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/u;

export function isEmail(value: string): boolean {
  return value.includes('@') && EMAIL.test(value);
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

/**
 * A National Insurance number: two prefix letters, six digits, a suffix letter A-D, spaced or
 * not ("AB 12 34 56 C", "ab123456c"). HMRC never uses D, F, I, U or V in the prefix, nor O as its
 * second letter, nor the prefixes BG, GB, KN, NK, NT, TN and ZZ. Q is not issued either, but
 * "QQ 12 34 56 C" is HMRC's own example number and turns up in test and placeholder data, where a
 * real one may sit beside it: it is caught too.
 */
const NI_NUMBER =
  /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-TW-Z][A-CEGHJ-NPQ-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/iu;

export function hasNiNumber(value: string): boolean {
  return NI_NUMBER.test(value);
}

/** A date written as people write a birth date: 01/02/1980, 1-2-80, 1980-02-01, 14th Feb 1984. */
const DATE = String.raw`(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})`;
/**
 * A birth date: a date right after "DOB", "D.O.B.", "date of birth", "birth date" or "born (on)".
 * An incident's own date has none of these before it and passes.
 */
const DATE_OF_BIRTH = new RegExp(
  String.raw`(?<![A-Za-z])(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?)\s*[:.=-]?\s*\(?` +
    DATE +
    String.raw`(?![\d/])`,
  'iu',
);

export function hasDateOfBirth(value: string): boolean {
  return DATE_OF_BIRTH.test(value);
}

/** Words that end a street's name in an address ("Road", "Rd", "Close"), compared in lower case. */
const STREET_TYPES = new Set([
  'road',
  'rd',
  'street',
  'st',
  'avenue',
  'ave',
  'lane',
  'ln',
  'drive',
  'dr',
  'close',
  'crescent',
  'cres',
  'way',
  'gardens',
  'gdns',
  'grove',
  'terrace',
  'place',
  'pl',
  'mews',
  'square',
  'sq',
  'parade',
  'rise',
  'boulevard',
  'walk',
  'row',
]);

/**
 * A house number (up to three digits, perhaps with a letter or a range: "12", "12a", "12-14")
 * then two to four words, not inside a code, a sum or a year.
 */
const NUMBER_THEN_WORDS =
  /(?<![\w/.:£$€-])\d{1,3}[A-Za-z]?(?:\s*[-–]\s*\d{1,3}[A-Za-z]?)?,?((?:\s+[A-Za-z][A-Za-z'’.-]*){2,4})/gu;

/**
 * A house-number street address: a house number, a name in capitalised words, then a street
 * type in any case ("12 Acacia Avenue", "5 Oak Road, Rickmansworth", "3a The Grove", "14 High
 * st"). Place names with no house number ("Oak Road", "Moor Park") and numbers before other
 * words ("Section 4 Public Order", "30 mph roads") pass; so does an address written all in lower
 * case ("12 acacia avenue"), which cannot be told from such words by its shape.
 */
export function hasStreetAddress(value: string): boolean {
  for (const m of value.matchAll(NUMBER_THEN_WORDS)) {
    const words = (m[1] as string).trim().split(/\s+/u);
    for (let i = 1; i < words.length; i++) {
      const word = (words[i] as string).toLowerCase().replace(/[.,]+$/u, '');
      if (STREET_TYPES.has(word) && words.slice(0, i).every((w) => /^[A-Z]/u.test(w))) return true;
      if (!/^[A-Z]/u.test(words[i] as string)) break;
    }
  }
  return false;
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

/** The kind of clear identifier a file's name holds, with or without its extension, or null. */
export function fileNameKind(name: string): PersonalKind | null {
  return personalKind(name) ?? personalKind(name.replace(/\.(csv|csv\.gz|xlsx)$/iu, ''));
}
