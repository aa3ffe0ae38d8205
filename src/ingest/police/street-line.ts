/**
 * The import's fast path for street rows: a line of a plain police.uk street file (ASCII, no
 * quotes or carriage returns, exactly the police.uk street columns in their order; see
 * MapperContext.source) checked and staged straight from the file's bytes, without a string per
 * field. It takes a line only when every check can be decided from the bytes and passes, and the
 * row would be staged as filed: the month is the file's, the force is the file's (and Reported
 * by is a force that publishes on police.uk), the coordinates are both empty or both plain
 * decimals that it reads exactly as Number does, inside Great Britain and not zero, and the crime
 * type is known. Any other line is declined and read as
 * fields by the street mapper (row-mappers.ts), which rejects it or stages it cell by cell.
 * Nothing is counted, keyed or staged before a line is taken, so both paths stage the same
 * bytes in the same order; a test compares them on every bundled file.
 */
import type { Category } from '../../domain/categories.js';
import { forceIdFromName } from '../../domain/forces.js';
import { isMonth, type Month } from '../../domain/month.js';
import type { Placed, PlacedRecord, Placer } from '../../domain/placement.js';
import { POLICE_COLUMNS } from '../../domain/police-file.js';
import type { StreetCount } from '../../domain/police-records.js';
import { num, type StagingBuffer } from '../staging.js';
import { UK_BOUNDS } from './fields.js';
import type { RecordKeys } from './record-key.js';
import type { StreetCounts } from './street-counts.js';

/**
 * Checks and stages one line (field i lies from `bounds[i] + 1` to `bounds[i + 1]` in the file's
 * bytes); returns its Falls within value ('' when empty), for the file's force count, or null
 * when it declines the line.
 */
export type StreetLineMapper = (
  bounds: Int32Array,
  line: number,
  out: StagingBuffer,
  months: Map<Month, number>,
) => string | null;

/** What the fast path shares with the street mapper, so both key and name rows alike. */
export interface StreetShared {
  /** The file's ASB keys: the n-th identical row gets "#n", whichever path staged it. */
  keyOf: RecordKeys;
  /** A police.uk crime type to its category, or undefined. */
  categoryOf: (crimeType: string) => Category | undefined;
  /** The file's staged records counted for the store's street_count table. */
  counts: StreetCounts;
}

export interface StreetLineContext {
  /** The file's bytes. */
  source: Buffer;
  /** The month every row must carry. */
  fileMonth: Month;
  force: string;
  /** Ties a record to its district and counts how (domain/placement.ts). */
  placer: Placer;
}

const column = (name: string) => {
  const i = POLICE_COLUMNS.street.indexOf(name);
  if (i === -1) throw new Error(`no street column "${name}"`);
  return i;
};
const CRIME_ID = column('Crime ID');
const MONTH = column('Month');
const REPORTED_BY = column('Reported by');
const FALLS_WITHIN = column('Falls within');
const LONGITUDE = column('Longitude');
const LATITUDE = column('Latitude');
const LOCATION = column('Location');
const LSOA_CODE = column('LSOA code');
const LSOA_NAME = column('LSOA name');
const CRIME_TYPE = column('Crime type');
const CONTEXT = column('Context');

export function streetLineMapper(
  ctx: StreetLineContext,
  shared: StreetShared,
): StreetLineMapper | undefined {
  const { source, fileMonth, force } = ctx;
  // Rows are compared with the file's month byte for byte, so it must itself be a month.
  if (!isMonth(fileMonth)) return undefined;
  const monthCodes = Array.from(fileMonth, (c) => c.charCodeAt(0));
  const text = (bounds: Int32Array, i: number) =>
    source.toString('latin1', (bounds[i] as number) + 1, bounds[i + 1] as number);
  // Crime types seen, by length: where one lies in the file, and its category.
  const types: { at: number; category: Category }[][] = [];
  const categoryAt = (start: number, end: number): Category | undefined => {
    const length = end - start;
    const seen = (types[length] ??= []);
    for (const t of seen) if (sameBytes(source, start, t.at, length)) return t.category;
    const category = shared.categoryOf(source.toString('latin1', start, end));
    if (category !== undefined) seen.push({ at: start, category });
    return category;
  };
  // Lantern's cells after the ASB key, encoded once per district and category, with the count
  // of the records staged with them.
  const tails = new Map<Placed, Map<Category, { cells: Uint8Array; count: StreetCount }>>();
  const tailOf = (placed: Placed, category: Category) => {
    let byCategory = tails.get(placed);
    if (byCategory === undefined) tails.set(placed, (byCategory = new Map()));
    let tail = byCategory.get(category);
    if (tail === undefined) {
      const cells = `,${placed.districtCode ?? ''},${placed.match},${category},`;
      tail = {
        cells: Buffer.from(cells, 'latin1'),
        count: shared.counts.of(fileMonth, placed.districtCode, placed.match, category),
      };
      byCategory.set(category, tail);
    }
    return tail;
  };
  // Placements of LSOA codes the register knows, by registerKey.
  const byCode = new Map<number, PlacedRecord>();
  // An ASB key's content (record-key.ts): month, longitude, latitude, location, LSOA code,
  // LSOA name, category and context, joined by U+001F. Five of them lie side by side in the
  // line, so their bytes are copied with each comma made U+001F.
  const monthBytes = Buffer.from(fileMonth, 'latin1');
  const categoryBytes = new Map<Category, Buffer>();
  let content = Buffer.allocUnsafe(1024);
  const contentBytes = (bounds: Int32Array, category: Category): Uint8Array => {
    let cat = categoryBytes.get(category);
    if (cat === undefined) categoryBytes.set(category, (cat = Buffer.from(category, 'latin1')));
    const from = (bounds[LONGITUDE] as number) + 1;
    const to = bounds[LSOA_NAME + 1] as number;
    const contextFrom = (bounds[CONTEXT] as number) + 1;
    const contextTo = bounds[CONTEXT + 1] as number;
    const size = monthBytes.length + (to - from) + cat.length + (contextTo - contextFrom) + 3;
    if (size > content.length) content = Buffer.allocUnsafe(size * 2);
    const c = content;
    c.set(monthBytes, 0);
    let at = monthBytes.length;
    c[at++] = UNIT_SEPARATOR;
    for (let i = from; i < to; i++) {
      const byte = source[i] as number;
      c[at++] = byte === COMMA ? UNIT_SEPARATOR : byte;
    }
    c[at++] = UNIT_SEPARATOR;
    c.set(cat, at);
    at += cat.length;
    c[at++] = UNIT_SEPARATOR;
    for (let i = contextFrom; i < contextTo; i++) c[at++] = source[i] as number;
    return c.subarray(0, at);
  };
  // The last Falls within value found to be the file's force: where it lies, and its text.
  let forceAt = -1;
  let forceLength = -1;
  let forceText = '';
  // The last Reported by value found to name a known force (it need not be the file's).
  let reporterAt = -1;
  let reporterLength = -1;
  const b = UK_BOUNDS;
  return (bounds, line, out, months) => {
    let s = (bounds[MONTH] as number) + 1;
    if ((bounds[MONTH + 1] as number) - s !== monthCodes.length) return null;
    for (let k = 0; k < monthCodes.length; k++) if (source[s + k] !== monthCodes[k]) return null;

    s = (bounds[FALLS_WITHIN] as number) + 1;
    const length = (bounds[FALLS_WITHIN + 1] as number) - s;
    let fallsWithin = '';
    if (length > 0) {
      if (length !== forceLength || !sameBytes(source, s, forceAt, length)) {
        const value = text(bounds, FALLS_WITHIN);
        if (forceIdFromName(value) !== force) return null;
        [forceAt, forceLength, forceText] = [s, length, value];
      }
      fallsWithin = forceText;
    }

    s = (bounds[REPORTED_BY] as number) + 1;
    const reporter = (bounds[REPORTED_BY + 1] as number) - s;
    if (
      reporter > 0 &&
      (reporter !== reporterLength || !sameBytes(source, s, reporterAt, reporter))
    ) {
      if (forceIdFromName(text(bounds, REPORTED_BY)) === null) return null;
      [reporterAt, reporterLength] = [s, reporter];
    }

    const lonStart = (bounds[LONGITUDE] as number) + 1;
    const lonEnd = bounds[LONGITUDE + 1] as number;
    const latStart = (bounds[LATITUDE] as number) + 1;
    const latEnd = bounds[LATITUDE + 1] as number;
    let lon = 0;
    let lat = 0;
    const located = lonEnd > lonStart || latEnd > latStart;
    if (located) {
      lon = decimalAt(source, lonStart, lonEnd);
      lat = decimalAt(source, latStart, latEnd);
      // NaN fails every comparison: not read here, so declined.
      if (!(lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat)) return null;
      // Staged cell by cell (row-mappers.ts `copiesAsFiled`): `num` drops the sign of a zero.
      if (lon === 0 || lat === 0) return null;
    }

    const category = categoryAt(
      (bounds[CRIME_TYPE] as number) + 1,
      bounds[CRIME_TYPE + 1] as number,
    );
    if (category === undefined) return null;

    // Taken: from here on, exactly what the street mapper does for a row staged as filed.
    months.set(fileMonth, (months.get(fileMonth) ?? 0) + 1);
    const codeStart = (bounds[LSOA_CODE] as number) + 1;
    const key = registerKey(source, codeStart, bounds[LSOA_CODE + 1] as number);
    let found = key === -1 ? undefined : byCode.get(key);
    if (found === undefined) {
      found = ctx.placer.lookup(text(bounds, LSOA_CODE), text(bounds, LSOA_NAME));
      // A code the register knows decides the district alone (placement.ts).
      if (key !== -1 && found.placed.match === 'code') byCode.set(key, found);
    }
    ctx.placer.count(found);
    const asbKey =
      bounds[CRIME_ID + 1] !== (bounds[CRIME_ID] as number) + 1
        ? ''
        : located &&
            !(
              canonicalDecimal(source, lonStart, lonEnd) &&
              canonicalDecimal(source, latStart, latEnd)
            )
          ? shared.keyOf([
              fileMonth,
              num(lon),
              num(lat),
              text(bounds, LOCATION),
              text(bounds, LSOA_CODE),
              text(bounds, LSOA_NAME),
              category,
              text(bounds, CONTEXT),
            ])
          : shared.keyOf.ofBytes(contentBytes(bounds, category));
    const tail = tailOf(found.placed, category);
    tail.count.records++;
    out.rowFromParts(
      line,
      asbKey,
      tail.cells,
      source,
      (bounds[0] as number) + 1,
      bounds[bounds.length - 1] as number,
    );
    return fallsWithin;
  };
}

/**
 * A number for an LSOA (or any register) code of a letter E or W and eight digits, read from its
 * bytes: placements are remembered by it without making a string of the code. -1 for any other
 * text.
 */
function registerKey(bytes: Buffer, start: number, end: number): number {
  if (end - start !== 9) return -1;
  const letter = bytes[start];
  if (letter !== 69 && letter !== 87) return -1; // E, W
  let n = letter === 69 ? 0 : 1;
  for (let i = start + 1; i < end; i++) {
    const c = (bytes[i] as number) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether a plain decimal (one `decimalAt` reads) is written as JavaScript writes its value
 * (`num`, `String`), so that the ASB key can hash its bytes instead of `num` of the number: no
 * leading zero but a lone one before the point, no trailing zero after it, no negative zero,
 * and a value of at least 10^-6 (JavaScript writes smaller ones with an exponent). With at most
 * 15 significant digits (`decimalAt`), a decimal so written is the shortest that reads back as
 * its double, which is what String gives.
 */
export function canonicalDecimal(bytes: Buffer, start: number, end: number): boolean {
  let i = start;
  if (bytes[i] === 45) i++; // '-'
  const whole = i;
  while (i < end && bytes[i] !== 46) i++;
  const point = i;
  if (point === whole) return false;
  if (bytes[whole] === 48 && point - whole > 1) return false; // a leading zero
  if (point === end) return !(point - whole === 1 && bytes[whole] === 48); // an integer: not zero
  if (bytes[end - 1] === 48 || end - point < 2) return false; // a trailing zero, or "1."
  if (point - whole === 1 && bytes[whole] === 48) {
    // 0.xxx: at most five zeros before the first significant digit
    let zeros = 0;
    for (let k = point + 1; k < end && bytes[k] === 48; k++) zeros++;
    if (zeros > 5) return false;
  }
  return true;
}

const COMMA = 44;
const UNIT_SEPARATOR = 31;

function sameBytes(bytes: Buffer, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/** 10^k for k ≤ 22: every one exact as a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a plain decimal (an optional minus, digits, and optionally a point and more
 * digits; row-mappers.ts `plainDecimal`) of at most 15 digits, or NaN for anything else. Exactly
 * what Number gives: the digits as an integer and 10^k are both exact doubles (below 2^53), and
 * IEEE division rounds their quotient correctly, as Number rounds the decimal.
 */
export function decimalAt(bytes: Buffer, start: number, end: number): number {
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let digits = 0;
  let whole = 0;
  let fraction = -1;
  let mantissa = 0;
  for (; i < end; i++) {
    const c = bytes[i] as number;
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && fraction === -1) {
      whole = digits;
      fraction = 0;
      continue;
    } else {
      return NaN;
    }
    if (fraction !== -1) fraction++;
  }
  if (digits === 0 || digits > 15) return NaN;
  if (fraction !== -1 && (whole === 0 || fraction === 0)) return NaN;
  const value = fraction > 0 ? mantissa / (POWERS_OF_TEN[fraction] as number) : mantissa;
  return negative ? -value : value;
}
