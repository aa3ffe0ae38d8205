/**
 * The breakpoints of the Knox test's distance and time bands, checked apart from the test itself
 * (analysis/knox.ts) so that whoever reads them from a person (a command's options) can refuse a
 * bad list before any work, without loading the test.
 */

/** At most this many bands of each kind (distance, time). */
export const MAX_BANDS = 20;

/** Why a list of breakpoints cannot be used, or null when it can. */
export function bandProblem(breaks: readonly number[]): string | null {
  if (breaks.length < 2) return 'give at least two breakpoints (e.g. 0,100)';
  if (breaks.some((b) => !Number.isFinite(b))) return 'breakpoints must be numbers';
  if (breaks.some((b) => b < 0)) return 'breakpoints must not be negative';
  if (breaks[0] !== 0) return 'the first breakpoint must be 0 (every pair falls in some band)';
  for (let i = 1; i < breaks.length; i++)
    if ((breaks[i] as number) <= (breaks[i - 1] as number))
      return `breakpoints must be strictly increasing (${breaks[i - 1]} then ${breaks[i]})`;
  return null;
}
