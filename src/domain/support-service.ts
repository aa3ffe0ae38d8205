/**
 * The support-services directory: who helps with what (domestic abuse, hate crime, ASB, Prevent,
 * any crime), where, how to reach them and when. One entry is checked here, field by field, with
 * every problem named (the file's line is the caller's): UK phone numbers with libphonenumber-js
 * (and the few short numbers it does not know: 999, 101, 111 …), web addresses as http(s) URLs,
 * email addresses by their shape. Pure: no I/O.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export const SERVICE_THEMES = [
  'domestic-abuse',
  'hate-crime',
  'asb',
  'prevent',
  'general',
] as const;
export type ServiceTheme = (typeof SERVICE_THEMES)[number];

export function isServiceTheme(value: string): value is ServiceTheme {
  return (SERVICE_THEMES as readonly string[]).includes(value);
}

/**
 * What a service covers: the whole United Kingdom ("national"), one nation or group of nations
 * ("nation": England, Wales, England and Wales …), one force's area, or one district.
 */
export type ServiceCoverage = 'national' | 'nation' | 'force' | 'district';

/**
 * The nations (and groups of them) a service may cover, by their ONS codes: a helpline for England
 * (Refuge's) is not offered in Wales, which has its own (Live Fear Free).
 */
export const NATIONS: readonly {
  code: string;
  name: string;
  within: readonly string[];
  /** Its name in Welsh, as a Welsh council's file may give it (Cymru: found by QA). */
  welsh?: string;
}[] = [
  { code: 'E92000001', name: 'England', within: ['E'], welsh: 'Lloegr' },
  { code: 'W92000004', name: 'Wales', within: ['W'], welsh: 'Cymru' },
  { code: 'S92000003', name: 'Scotland', within: ['S'] },
  { code: 'N92000002', name: 'Northern Ireland', within: ['N'] },
  { code: 'K04000001', name: 'England and Wales', within: ['E', 'W'], welsh: 'Cymru a Lloegr' },
  { code: 'K03000001', name: 'Great Britain', within: ['E', 'W', 'S'] },
];

/** The nation an entry's area names ("Wales", "england and wales"), or undefined. */
export function nationNamed(area: string): (typeof NATIONS)[number] | undefined {
  const a = area.trim().toLowerCase().replace(/\s+/gu, ' ');
  return NATIONS.find(
    (n) => n.name.toLowerCase() === a || n.code.toLowerCase() === a || n.welsh?.toLowerCase() === a,
  );
}

/** The name of a nation's code, or null when the code is not a nation's. */
export function nationName(code: string | null): string | null {
  return NATIONS.find((n) => n.code === code)?.name ?? null;
}

/**
 * The nation codes whose services serve an area (by the first letter of its ONS code: E
 * England, W Wales): Wales, England and Wales and Great Britain for Newport; never England.
 */
export function nationCodesServing(areaCode: string): string[] {
  return NATIONS.filter((n) => n.within.includes(areaCode.charAt(0))).map((n) => n.code);
}

/** Where a service serves, in words: "UK-wide", "Wales", "Three Rivers". */
export function coverageWords(
  s: Pick<SupportService, 'coverage' | 'areaCode' | 'areaName'>,
): string {
  if (s.coverage === 'national') return 'UK-wide';
  return s.areaName ?? nationName(s.areaCode) ?? s.areaCode ?? '';
}

export interface SupportService {
  /** A short lower-case name that identifies the entry: "national-domestic-abuse-helpline". */
  id: string;
  name: string;
  /** Who runs it ("Refuge"); empty when it is the service itself. */
  provider: string;
  themes: ServiceTheme[];
  coverage: ServiceCoverage;
  /** The nation, force or district covered (ONS code); null for a UK-wide service. */
  areaCode: string | null;
  /** The area's name as the register holds it (for reading); null for a national service. */
  areaName: string | null;
  phone: string | null;
  web: string | null;
  email: string | null;
  /** A number to text (SMS, or a text-relay number). */
  text: string | null;
  hours: string;
  eligibility: string;
  description: string;
  /** Shown on the public page and in packs for volunteers (false: staff only). */
  public: boolean;
  /** Where the contact details were checked, and whether they were. */
  source: string;
  verified: boolean;
}

/** An entry as a file gives it: text fields, the area by name or code ("national" for none). */
export interface ServiceInput {
  id: string;
  name: string;
  provider: string;
  themes: string[];
  area: string;
  phone: string;
  web: string;
  email: string;
  text: string;
  hours: string;
  eligibility: string;
  description: string;
  public: string | boolean;
  source: string;
  verified: string | boolean;
}

export interface FieldProblem {
  field: keyof ServiceInput;
  message: string;
}

/**
 * UK numbers libphonenumber-js does not parse as numbers: emergency (999, 112), police non-emergency
 * (101), NHS (111), the 116 helplines, and text relay (18000, 18001 before a number).
 */
const SHORT_NUMBERS = new Set([
  '999',
  '112',
  '101',
  '111',
  '116000',
  '116006',
  '116111',
  '116123',
  '18000',
]);

/** A UK phone number as people write it: valid, or one of the short numbers above. */
export function phoneProblem(value: string): string | null {
  const digits = value.replace(/[\s()-]/gu, '');
  if (!/^\+?\d+$/u.test(digits)) return `"${value}" is not a phone number (digits and spaces only)`;
  if (SHORT_NUMBERS.has(digits)) return null;
  const relay = /^1800[01](\d+)$/u.exec(digits);
  if (relay && (SHORT_NUMBERS.has(relay[1]!) || isUkNumber(relay[1]!))) return null;
  if (isUkNumber(digits)) return null;
  return `"${value}" is not a valid UK phone number`;
}

/**
 * A number to text: a UK phone number as phoneProblem takes it, or a five-digit text short code
 * (60000 to 89999), which libphonenumber-js does not know as a number: Shout's crisis text line,
 * 85258, which councils and the NHS list, was refused as "not a valid UK phone number" (QA).
 */
export function textNumberProblem(value: string): string | null {
  return /^[6-8]\d{4}$/u.test(value.replace(/[\s()-]/gu, '')) ? null : phoneProblem(value);
}

/**
 * What a phone dials for a number as people write it (the target of a tel: link): its digits when
 * written as a UK number is (01923 776611, 0800 555 111, 999, 18001 101), and the international
 * form when written with the country code, "(0)" and all: "+44 (0)1923 776611" is +441923776611,
 * where its digits, +4401923776611, reach no one (found by QA).
 */
export function dialledNumber(value: string): string {
  const digits = value.replace(/[\s()-]/gu, '');
  if (/^0[1-9]/u.test(digits) || SHORT_NUMBERS.has(digits) || /^1800[01]/u.test(digits))
    return digits;
  const parsed = parsePhoneNumberFromString(digits, 'GB');
  return parsed?.isValid() ? parsed.number : digits;
}

/**
 * How a number to text is offered: a text relay number (18000, 18001 before a number, 18002) is
 * reached through the Relay UK app or a textphone, not a phone's messages, and any other (a mobile
 * number: Live Fear Free's 07860 077333) by a text message. One said as the other sends a deaf
 * caller, or someone who cannot speak, the wrong way (found by QA: the public page called every
 * number "text relay", the pack said "Text 18000").
 */
export function textContactWords(value: string): string {
  return /^1800[012]/u.test(value.replace(/[\s()-]/gu, ''))
    ? `Text relay or text phone: ${value}`
    : `Send a text message to ${value}`;
}

function isUkNumber(digits: string): boolean {
  const parsed = parsePhoneNumberFromString(digits, 'GB');
  return parsed !== undefined && parsed.isValid() && parsed.country === 'GB';
}

export function webProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a web address (it must start https:// or http://)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `"${value}" is not a web address (it must start https:// or http://)`;
  if (!url.hostname.includes('.')) return `"${value}" has no domain name`;
  // Shown to residents without its https://, "https://www.threerivers.gov.uk@evil.example/"
  // reads as the council's site and goes to evil.example (found by QA).
  if (url.username !== '' || url.password !== '')
    return `"${value}" names a user before its site (…@${url.host}): give the site's own address`;
  if (/[\s"<>`]/u.test(value))
    return `"${value}" holds a space or a character a web address cannot (" < > \`)`;
  return null;
}

export function emailProblem(value: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/u.test(value)
    ? null
    : `"${value}" is not an email address (name@domain.uk)`;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** The text fields of an entry, each checked for characters no reader should be shown. */
const TEXT_FIELDS = [
  'id',
  'name',
  'provider',
  'area',
  'phone',
  'web',
  'email',
  'text',
  'hours',
  'eligibility',
  'description',
  'source',
] as const satisfies readonly (keyof ServiceInput)[];

/**
 * The longest each field may be, in characters: several times the longest the bundled entries
 * use, and short enough for a card on a phone and a printed pack (a 3,000-character name made
 * the public page 32,000 pixels wide, and the pack lost the card's text off the page: QA).
 */
export const FIELD_LIMITS: Record<(typeof TEXT_FIELDS)[number], number> = {
  id: 64,
  name: 150,
  provider: 150,
  area: 100,
  phone: 40,
  web: 500,
  email: 254,
  text: 40,
  hours: 300,
  eligibility: 500,
  description: 1000,
  source: 1000,
};

/** Fields a person may write on several lines (a spreadsheet cell's Alt+Enter). */
const MULTILINE = new Set<keyof ServiceInput>(['hours', 'eligibility', 'description', 'source']);

// Built from code points, so that this file holds no control character itself: C0 and C1
// controls, DEL, the line and paragraph separators and the bidirectional controls.
const hex = (n: number) => `\\u{${n.toString(16)}}`;
const CONTROL = new RegExp(
  `[${hex(0)}-${hex(0x1f)}${hex(0x7f)}-${hex(0x9f)}${hex(0x2028)}-${hex(0x202e)}${hex(0x2066)}-${hex(0x2069)}]`,
  'u',
);

/**
 * A control character in a field a reader is shown (the public page, a pack, a terminal): a
 * right-to-left override shows "evil" as "live" and reorders a name, an escape sequence recolours
 * a terminal, a NUL ends a string early elsewhere (found by QA). Line ends and tabs are taken in
 * free text only.
 */
export function controlProblem(value: string, multiline: boolean): string | null {
  for (const ch of value) {
    if (multiline && (ch === '\n' || ch === '\r' || ch === '\t')) continue;
    if (!CONTROL.test(ch)) continue;
    const code = `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
    const what =
      ch === '\n' || ch === '\r'
        ? 'a line break'
        : /[\u202a-\u202e\u2066-\u2069]/u.test(ch)
          ? `a bidirectional control (${code}), which shows the text in another order than it is`
          : `a control character (${code})`;
    return `holds ${what}: take it out`;
  }
  return null;
}

function yesNo(value: string | boolean): boolean | null {
  if (typeof value === 'boolean') return value;
  const v = value.trim().toLowerCase();
  if (['yes', 'true', 'y', '1'].includes(v)) return true;
  if (['no', 'false', 'n', '0'].includes(v)) return false;
  return null;
}

/**
 * Every problem with one entry (an empty list: it is good). The area is checked by the caller,
 * which holds the register.
 */
export function serviceProblems(input: ServiceInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: keyof ServiceInput, message: string | null) => {
    if (message !== null) problems.push({ field, message });
  };
  for (const field of TEXT_FIELDS) {
    const problem = controlProblem(input[field], MULTILINE.has(field));
    if (problem !== null) add(field, problem);
    const length = [...input[field]].length;
    if (length > FIELD_LIMITS[field])
      add(
        field,
        `is ${length.toLocaleString('en-GB')} characters long: at most ${FIELD_LIMITS[field].toLocaleString('en-GB')}`,
      );
  }
  if (input.id === '') add('id', 'is required (a short name: national-domestic-abuse-helpline)');
  else if (!ID.test(input.id))
    add('id', `"${input.id}" must be lower-case letters, digits and single hyphens`);
  if (input.name.trim() === '') add('name', 'is required');
  if (input.themes.length === 0)
    add('themes', `is required: one or more of ${SERVICE_THEMES.join(', ')}`);
  for (const t of input.themes)
    if (!isServiceTheme(t))
      add('themes', `"${t}" is not a theme: use ${SERVICE_THEMES.join(', ')}`);
  if (input.area.trim() === '')
    add(
      'area',
      'is required: national (UK-wide), a nation (England, Wales …), a force or a district',
    );
  if (input.phone !== '') add('phone', phoneProblem(input.phone));
  if (input.text !== '') add('text', textNumberProblem(input.text));
  if (input.web !== '') add('web', webProblem(input.web));
  if (input.email !== '') add('email', emailProblem(input.email));
  if ([input.phone, input.web, input.email, input.text].every((c) => c === ''))
    add('phone', 'no way to get in touch: give a phone, web, email or text contact');
  if (yesNo(input.public) === null) add('public', `"${String(input.public)}" must be yes or no`);
  if (yesNo(input.verified) === null)
    add('verified', `"${String(input.verified)}" must be yes or no`);
  return problems;
}

/** The entry as stored, once it has no problems and its area is resolved. */
export function toService(
  input: ServiceInput,
  area: { coverage: ServiceCoverage; code: string | null; name: string | null },
): SupportService {
  const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    id: input.id,
    name: input.name.trim(),
    provider: input.provider.trim(),
    themes: [...new Set(input.themes)].filter(isServiceTheme).sort(),
    coverage: area.coverage,
    areaCode: area.code,
    areaName: area.name,
    phone: orNull(input.phone),
    web: orNull(input.web),
    email: orNull(input.email),
    text: orNull(input.text),
    hours: input.hours.trim(),
    eligibility: input.eligibility.trim(),
    description: input.description.trim(),
    public: yesNo(input.public) ?? false,
    source: input.source.trim(),
    verified: yesNo(input.verified) ?? false,
  };
}

/** A number however written (01923 776611, +44 (0)1923 776611), or null for a short number. */
function samePhoneKey(phone: string): string | null {
  const dialled = dialledNumber(phone);
  if (SHORT_NUMBERS.has(dialled) || /^1800[012]/u.test(dialled)) return null;
  const parsed = parsePhoneNumberFromString(dialled, 'GB');
  return parsed?.isValid() ? parsed.number : dialled;
}

/**
 * Entries that look like one service under two ids: the same name over the same area, or the same
 * phone number (999, 101 and the other short national numbers aside). Each pair is said once, with
 * every way it looks alike, the later id first, with the earlier id it looks like; only pairs with an entry among `among` (the
 * ids of a file just imported). An officer who imported a service again under another id had it
 * listed twice on the public page and in every pack, without a word (found by QA).
 */
export function lookAlikes(
  services: readonly SupportService[],
  among: ReadonlySet<string>,
): { id: string; like: string; why: string }[] {
  const key = (t: string) => t.trim().toLowerCase().replace(/\s+/gu, ' ');
  const seen = new Map<string, SupportService>();
  const found = new Map<string, { id: string; like: string; why: string }>();
  for (const s of services) {
    const keys: [string, string][] = [
      [`name ${key(s.name)} ${s.areaCode ?? 'national'}`, 'the same name over the same area'],
    ];
    const phone = s.phone === null ? null : samePhoneKey(s.phone);
    if (phone !== null) keys.push([`phone ${phone}`, `the same phone number (${s.phone})`]);
    for (const [k, why] of keys) {
      const first = seen.get(k);
      if (first === undefined) seen.set(k, s);
      else if (among.has(s.id) || among.has(first.id)) {
        const pair = found.get(`${first.id} ${s.id}`);
        if (pair) pair.why = `${pair.why}, and ${why}`;
        else found.set(`${first.id} ${s.id}`, { id: s.id, like: first.id, why });
      }
    }
  }
  return [...found.values()];
}

/** The columns of a directory file (CSV header, export), in order. */
export const SERVICE_COLUMNS = [
  'id',
  'name',
  'provider',
  'themes',
  'area',
  'phone',
  'web',
  'email',
  'text',
  'hours',
  'eligibility',
  'description',
  'public',
  'source',
  'verified',
] as const satisfies readonly (keyof ServiceInput)[];

/** An entry as a row of a file: the inverse of reading one. */
export function serviceRow(s: SupportService): Record<(typeof SERVICE_COLUMNS)[number], string> {
  return {
    id: s.id,
    name: s.name,
    provider: s.provider,
    themes: s.themes.join('; '),
    area:
      s.coverage === 'national'
        ? 'national'
        : s.coverage === 'nation'
          ? (nationName(s.areaCode) ?? s.areaCode ?? '')
          : (s.areaCode ?? ''),
    phone: s.phone ?? '',
    web: s.web ?? '',
    email: s.email ?? '',
    text: s.text ?? '',
    hours: s.hours,
    eligibility: s.eligibility,
    description: s.description,
    public: s.public ? 'yes' : 'no',
    source: s.source,
    verified: s.verified ? 'yes' : 'no',
  };
}

/**
 * Services in the order a reader needs them: those for one theme alone first (the specialist
 * lines), then the wider ones; checked ones before those not yet checked; local before national.
 */
export function forReaders(services: readonly SupportService[]): SupportService[] {
  return [...services].sort(
    (a, b) =>
      a.themes.length - b.themes.length ||
      Number(b.verified) - Number(a.verified) ||
      BREADTH[a.coverage] - BREADTH[b.coverage] ||
      a.name.localeCompare(b.name),
  );
}

/** Local services before those of a nation, and those before UK-wide ones. */
const BREADTH: Record<ServiceCoverage, number> = { district: 0, force: 0, nation: 1, national: 2 };
