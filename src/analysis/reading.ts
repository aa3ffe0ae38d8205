/** One sentence in plain English for a comparison, as a scrutiny panel would read it. */
import type { CountComparison } from './compare-counts.js';

export function readComparison(
  label: string,
  c: CountComparison,
  against: string,
  alpha = 0.05,
): string {
  const p = c.pValue < 0.001 ? 'p < 0.001' : `p = ${c.pValue.toFixed(c.pValue < 0.01 ? 3 : 2)}`;
  if (c.current === c.previous) {
    return `${label} did not change (${c.current} in both periods, ${against}).`;
  }
  const direction = c.current > c.previous ? 'rose' : 'fell';
  const size = c.changePct === null ? 'from none' : `${Math.abs(c.changePct).toFixed(0)}%`;
  const verdict =
    c.pValue < alpha
      ? `the ${direction === 'rose' ? 'rise' : 'fall'} is statistically significant (${p})`
      : `a change this size could be chance (${p})`;
  const small = c.current + c.previous < 20 ? ' Small numbers: read with care.' : '';
  return `${label} ${direction} ${size} (from ${c.previous} to ${c.current}, ${against}); ${verdict}.${small}`;
}
