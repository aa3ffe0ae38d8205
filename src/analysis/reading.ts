/** One sentence in plain English for a comparison, as a scrutiny panel would read it. */
import type { CountComparison } from './compare-counts.js';

/**
 * "p = 0.02", "p = 0.004", "p < 0.001": to `digits` decimals (3 below 0.01 when not given), with
 * more where rounding would carry a p-value below `alpha` up to it, so that "p = 0.05" is never
 * printed beside "significant".
 */
export function pValueText(p: number, alpha = 0.05, digits = p < 0.01 ? 3 : 2): string {
  if (p < 0.001) return 'p < 0.001';
  let d = digits;
  while (p < alpha && Number(p.toFixed(d)) >= alpha && d < 6) d++;
  return `p = ${p.toFixed(d)}`;
}

/**
 * The verdict from a p-value adjusted for testing several measures together, with what it is
 * adjusted for ("adjusted for testing 13 categories together"); the measure's own p-value is given
 * beside it.
 */
export interface AdjustedVerdict {
  pValue: number;
  words: string;
}

/** "4,949": a count as the figures beside the sentence print it. */
const count = (n: number): string => n.toLocaleString('en-GB');

export function readComparison(
  label: string,
  c: Pick<CountComparison, 'current' | 'previous' | 'changePct' | 'pValue'>,
  against: string,
  alpha = 0.05,
  adjusted?: AdjustedVerdict,
): string {
  const tested = adjusted?.pValue ?? c.pValue;
  const p = adjusted
    ? `${pValueText(tested, alpha)}, ${adjusted.words}; ${pValueText(c.pValue, alpha)} on its own`
    : pValueText(tested, alpha);
  if (c.current === c.previous) {
    return `${label} did not change (${count(c.current)} in both periods, ${against}).`;
  }
  const direction = c.current > c.previous ? 'rose' : 'fell';
  const size = c.changePct === null ? 'from none' : `${Math.abs(c.changePct).toFixed(0)}%`;
  const verdict =
    tested < alpha
      ? `the ${direction === 'rose' ? 'rise' : 'fall'} is statistically significant (${p})`
      : `a change this size could be chance (${p})`;
  const small = c.current + c.previous < 20 ? ' Small numbers: read with care.' : '';
  return `${label} ${direction} ${size} (from ${count(c.previous)} to ${count(c.current)}, ${against}); ${verdict}.${small}`;
}
