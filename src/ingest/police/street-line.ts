/**
 * The import's fast path for street rows: a line of a plain police.uk street file (ASCII, no
 * quotes or carriage returns, exactly the police.uk street columns in their order; see
 * MapperContext.source) checked and staged straight from the file's bytes, without a string per
 * field. It takes a line only when every check can be decided from the bytes and passes, and the
 * row would be staged as filed: the month is the file's, the force is the file's, the
 * coordinates are both empty or both plain decimals that it reads exactly as Number does, inside
 * Great Britain and not zero, and the crime type is known. Any other line is declined and read as
 * fields by the street mapper (row-mappers.ts), which rejects it or stages it cell by cell.
 * Nothing is counted, keyed or staged before a line is taken, so both paths stage the same
 * bytes in the same order; a test compares them on every bundled file.
 */
import type { Category } from '../../domain/categories.js';
import { forceIdFromName } from '../../domain/forces.js';
import { isMonth, type Month } from '../../domain/month.js';
import type { Placed } from '../../domain/placement.js';
import { POLICE_COLUMNS } from '../../domain/police-file.js';
import { num, type StagingBuffer } from '../staging.js';
import { UK_BOUNDS } from './fields.js';

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
  keyOf: (content: readonly string[]) => string;
  /** A police.uk crime type to its category, or undefined. */
  categoryOf: (crimeType: string) => Category | undefined;
}

export interface StreetLineContext {
  /** The file's bytes. */
  source: Buffer;
  /** The month every row must carry. */
  fileMonth: Month;
  force: string;
  /** Ties a record to its district; the same LSOA gives the same object (domain/placement.ts). */
  place: (lsoaCode: string, lsoaName: string) => Placed;
}

const column = (name: string) => {
  const i = POLICE_COLUMNS.street.indexOf(name);
  if (i === -1) throw new Error(`no street column "${name}"`);
  return i;
};
const CRIME_ID = column('Crime ID');
const MONTH = column('Month');
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
  // Lantern's cells after the ASB key, encoded once per district and category.
  const tails = new Map<Placed, Map<Category, Uint8Array>>();
  const tailOf = (placed: Placed, category: Category): Uint8Array => {
    let byCategory = tails.get(placed);
    if (byCategory === undefined) tails.set(placed, (byCategory = new Map()));
    let tail = byCategory.get(category);
    if (tail === undefined) {
      const cells = `,${placed.districtCode ?? ''},${placed.match},${category},`;
      byCategory.set(category, (tail = Buffer.from(cells, 'latin1')));
    }
    return tail;
  };
  // The last Falls within value found to be the file's force: where it lies, and its text.
  let forceAt = -1;
  let forceLength = -1;
  let forceText = '';
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
    const code = text(bounds, LSOA_CODE);
    const name = text(bounds, LSOA_NAME);
    const placed = ctx.place(code, name);
    const asbKey =
      bounds[CRIME_ID + 1] !== (bounds[CRIME_ID] as number) + 1
        ? ''
        : shared.keyOf([
            fileMonth,
            located ? num(lon) : '',
            located ? num(lat) : '',
            text(bounds, LOCATION),
            code,
            name,
            category,
            text(bounds, CONTEXT),
          ]);
    out.rowFromParts(
      line,
      asbKey,
      tailOf(placed, category),
      source,
      (bounds[0] as number) + 1,
      bounds[bounds.length - 1] as number,
    );
    return fallsWithin;
  };
}

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
