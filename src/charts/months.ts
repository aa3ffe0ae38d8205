/**
 * Months for chart axes and descriptions: "YYYY-MM" keys to a running index (year × 12 + month),
 * and back to "Jan 25" for tick labels and "January 2025" for alt text. Kept here rather than
 * imported from the domain layer so the chart module stands alone in a browser bundle.
 */

const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The months' names, January first. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

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
