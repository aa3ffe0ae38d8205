/**
 * The caveat every page that shows a change across a known discontinuity carries (the report's
 * executive summary, the dashboard's overview and trends, the public page), in the report's words:
 * "The changes span known discontinuities: COVID-19 legal restrictions in England (March 2020 to
 * July 2021). Read them with care." Plain text (escape it where it goes); null when none is spanned.
 */
import { monthSpansInWords } from './infographic-text.js';

export function discontinuityCaveat(
  discontinuities: readonly string[],
  sources = '',
): string | null {
  if (discontinuities.length === 0) return null;
  const named = [...new Set(discontinuities)]
    .map((d) => d.replace(/^(.*?) \(([^;]+); source: .*$/u, '$1 ($2)'))
    .join('; ');
  return monthSpansInWords(
    `The changes span known discontinuities: ${named}. Read them with care${sources ? ` (${sources})` : ''}.`,
  );
}
