/**
 * The common kinds of option value, read without zod: options.ts's schemas call these readers,
 * and the CLI calls them through `valueProblem` on the kind the manifest records for an option
 * (OptionSpec.check, copied into the command's facts), so that a bad value is refused before
 * the command, and zod, are loaded, with the very message its schema gives.
 */
import { parsePeriodChoice } from '../domain/period-input.js';
import { InputError } from '../errors.js';

/** Limits of a number option. */
export interface NumberRange {
  min?: number;
  /** A lower limit not itself allowed (a radius above 0). */
  above?: number;
  max?: number;
  integer?: boolean;
  /** What the number counts, for messages: "metres", "seconds". */
  unit?: string;
}

/** What kind of value an option takes: enough to check it from the manifest. */
export type ValueCheck =
  | { type: 'text' }
  | { type: 'flag' }
  | { type: 'period' }
  | { type: 'month' }
  | ({ type: 'number' } & NumberRange)
  | { type: 'numbers' }
  | { type: 'choice'; values: readonly string[] };

/** The refusal of free text that is empty (the text schema's own words). */
export const EMPTY_TEXT = 'must not be empty';

/** A month, YYYY-MM. */
export function readMonth(text: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/u.test(text)) {
    throw new InputError('is not a month (expected YYYY-MM, e.g. 2025-01)');
  }
  return text;
}

/** One of a few words, in any case and with spaces around. */
export function readChoice<T extends string>(values: readonly T[], text: string): T {
  const hit = values.find((x) => x === text.trim().toLowerCase());
  if (hit === undefined) throw new InputError(`"${text}" is not ${orList(values)}`);
  return hit;
}

/** "a whole number" or "a number": what a value that is no number at all is refused as. */
export function numberKind(range: NumberRange): string {
  return range.integer ? 'a whole number' : 'a number';
}

/**
 * A number from a string (the terminal, a query string) or a number (JSON), within limits. A
 * refusal says what is wanted, as "5000 is not a number of seconds from 0 to 3600".
 */
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/u;

export function readNumber(range: NumberRange, v: number | string): number {
  const { min, above, max, integer } = range;
  const kind = numberKind(range);
  // Written in decimal only: Number() also takes "0x5", "0b101" and "0o7" (QA: months=0x5 was
  // read as 5), which no one means in a form, a query string or a terminal.
  const value = typeof v === 'number' ? v : DECIMAL.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(value)) throw new InputError(`"${v}" is not ${kind}`);
  // A whole number beyond what a number holds exactly (an id of twenty digits) is refused here,
  // not passed on to the store, which would fail on it.
  if (integer && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new InputError(
      `${String(v).trim()} is too large: ${kind} here is at most ${Number.MAX_SAFE_INTEGER} (and at least -${Number.MAX_SAFE_INTEGER})`,
    );
  }
  const within =
    (!integer || Number.isInteger(value)) &&
    (min === undefined || value >= min) &&
    (above === undefined || value > above) &&
    (max === undefined || value <= max);
  if (!within) {
    const wanted = [`${kind}${range.unit ? ` of ${range.unit}` : ''}`, rangeWords(min, above, max)]
      .filter(Boolean)
      .join(' ');
    throw new InputError(`${value} is not ${wanted}`);
  }
  return value;
}

/** A comma-separated list of numbers ≥ 0 in increasing order (distance or time bands). */
export function readNumberList(v: string): number[] {
  const values = v.split(',').map((s) => Number(s.trim()));
  if (values.length < 2 || values.some((x) => !Number.isFinite(x) || x < 0)) {
    throw new InputError(`"${v}" is not a list of numbers ≥ 0 separated by commas`);
  }
  if (values.some((x, i) => i > 0 && x <= (values[i - 1] as number))) {
    throw new InputError(`"${v}": the numbers must increase`);
  }
  return values;
}

/**
 * What the option's schema says of a value typed on the terminal, without the option's name;
 * null when it takes it. (A flag's value is `true`, which its schema always takes.)
 */
export function valueProblem(
  check: Exclude<ValueCheck, { type: 'flag' }>,
  value: string,
): string | null {
  try {
    switch (check.type) {
      case 'text':
        return value.trim() === '' ? EMPTY_TEXT : null;
      case 'period':
        parsePeriodChoice(value);
        return null;
      case 'month':
        readMonth(value);
        return null;
      case 'number':
        readNumber(check, value);
        return null;
      case 'numbers':
        readNumberList(value);
        return null;
      case 'choice':
        readChoice(check.values, value);
        return null;
    }
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

/** "from 1 to 200", "above 0 and up to 5000", "from 10 up", "above 0", "up to 6", or ''. */
function rangeWords(min?: number, above?: number, max?: number): string {
  const low = min !== undefined ? `from ${min}` : above !== undefined ? `above ${above}` : '';
  if (max === undefined) return min !== undefined ? `${low} up` : low;
  if (low === '') return `up to ${max}`;
  return min !== undefined ? `${low} to ${max}` : `${low} and up to ${max}`;
}

/** "a, b or c". */
function orList(values: readonly string[]): string {
  return values.length < 2
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
