/**
 * Months for chart axes and descriptions: "YYYY-MM" keys to a running index (year × 12 + month),
 * and back to "Jan 25" for tick labels and "January 2025" for alt text. The month names are the
 * domain's (pure, so the chart still runs in a browser).
 */
import { MONTH_NAMES } from '../domain/month.js';

export { MONTH_NAMES };

/** Jan, Feb … Dec: the first three letters of the domain's names. */
const SHORT = MONTH_NAMES.map((name) => name.slice(0, 3));

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** year × 12 + (month − 1); throws a RangeError naming the value when it is not "YYYY-MM". */
export function monthIndex(month: string): number {
  const m = MONTH_RE.exec(month);
  if (m === null) throw new RangeError(`month "${month}" is not YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** "Jan 25". */
export function monthShort(index: number): string {
  return `${SHORT[index % 12]} ${String(Math.floor(index / 12) % 100).padStart(2, '0')}`;
}

/** "January 2025". */
export function monthLong(index: number): string {
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}
