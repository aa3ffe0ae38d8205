/**
 * The one rounding rule for what a report publishes (the document, its infographic and its CSVs),
 * so that one figure never reads two ways ("+8.9%" on the infographic, "+9%" in the summary):
 *
 * - **Percentage changes**: a whole percent from 10% either way, one decimal below it ("+8.9%",
 *   "+14%", "−15%"); a change that rounds to nothing is "0%", with no sign; a whole number below
 *   10% drops its ".0" ("+5%").
 * - **Rates per 1,000 residents**: one decimal place, or two significant figures where that shows
 *   more (rates under 1): 23.3, 6.2, 0.47, 0.30, 0.047. Rates in one column are then comparable
 *   (never 0.5 beside 0.32).
 *
 * Text uses the minus sign (−) and thousands separated by commas, without the runtime's locale.
 */

/** Decimal places a percentage change is shown to: 0 from 10% either way, else 1. */
function changeDecimals(pct: number): number {
  return Math.abs(Number(pct.toFixed(1))) >= 10 ? 0 : 1;
}

/** A percentage change rounded by the rule (whole from 10%, one decimal below); null stays null. */
export function roundChangePct(pct: number | null): number | null {
  if (pct === null || !Number.isFinite(pct)) return null;
  const r = Number(pct.toFixed(changeDecimals(pct)));
  return r === 0 ? 0 : r; // no -0
}

/** "+8.9%", "+14%", "−15%", "+5%", "0%". */
export function formatChangePct(pct: number): string {
  const r = roundChangePct(pct) ?? 0;
  if (r === 0) return '0%';
  const decimals = Number.isInteger(r) ? 0 : 1;
  return `${r > 0 ? '+' : '−'}${groupDigits(Math.abs(r), decimals)}%`;
}

/** Decimal places a rate is shown to: 1, or enough for two significant figures under 1. */
function rateDecimals(rate: number): number {
  const a = Math.abs(rate);
  if (a === 0 || Number(a.toFixed(1)) >= 1) return 1;
  const d = Math.max(1, 1 - Math.floor(Math.log10(a)));
  // 0.996 to two significant figures is 1.0: one decimal again.
  return Number(a.toFixed(d)) >= 1 ? 1 : d;
}

/** A rate per 1,000 rounded by the rule; null (or not a number) stays null. */
export function roundRate(rate: number | null): number | null {
  if (rate === null || !Number.isFinite(rate)) return null;
  return Number(rate.toFixed(rateDecimals(rate)));
}

/** "23.3", "0.47", "0.30", "1,204.5". */
export function formatRate(rate: number): string {
  return groupDigits(rate, rateDecimals(rate));
}

/** Thousands separated by commas, to `decimals` places, with the minus sign (−). */
function groupDigits(n: number, decimals: number): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/gu, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}
