/**
 * The sentence that explains an assessed issue's scores: what was recorded, how it ranks by harm,
 * its rate against the force, its change (with the Holm-adjusted p-value), its harm weight, its
 * busiest hotspot, the manual scores and adjustments, then the arithmetic. Counts go through
 * `words`, so the public report says the same thing without any small count (report/disclosure.ts
 * supplies its rule); the assessment stores the version with every number.
 */
import type { AssessedIssue } from '../domain/assessment.js';
import { monthRunsText } from '../domain/held-months.js';
import type { Month } from '../domain/month.js';
import { formatChangePct, formatRate } from '../domain/rounding.js';
import type { IssueScore } from './risk-scoring.js';

export interface RationaleWords {
  /** A count as shown. */
  count(n: number): string;
  /** Whether a change between two counts may be shown. */
  changeShown(current: number, previous: number | null): boolean;
}

/** Every number as it is (the assessment, and partners' reports). */
export const EVERY_NUMBER: RationaleWords = {
  count: (n) => n.toLocaleString('en-GB'),
  changeShown: () => true,
};

/** A percentage change by the report's rounding rule ("+8.9%", "−15%"); "–" for none. */
export const fmtPct = (v: number | null): string => (v === null ? '–' : formatChangePct(v));

const ordinal = (n: number) =>
  n === 1 ? '' : `${n}${n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}-`;

/** " over the 4 months held" when some month of the period is not held (a rate of part of it). */
export function overMonths(
  months: readonly { count: number | null; withheld?: unknown }[],
): string {
  const held = months.filter((m) => m.count !== null || m.withheld).length;
  return held > 0 && held < months.length
    ? ` over the ${held} month${held === 1 ? '' : 's'} held`
    : '';
}

/**
 * " to 613 in 2021-10..2022-01, the 4 months compared" when the change is worked from only some of
 * the months recorded (the others have no counterpart held), so that the total recorded is not
 * read against the earlier count; empty when every month recorded is compared.
 */
function comparedPart(
  recorded: number,
  c: { current?: number; currentMonths: readonly string[] } | null | undefined,
  words: RationaleWords,
): string {
  if (!c || c.current === undefined || c.current === recorded) return '';
  const n = c.currentMonths.length;
  return ` to ${words.count(c.current)} in ${monthRunsText(c.currentMonths as Month[])}, the ${n === 1 ? 'month' : `${n} months`} compared`;
}

export function issueRationale(
  issue: IssueScore &
    Omit<AssessedIssue, keyof IssueScore | 'rationale' | 'sensitivity' | 'options'>,
  words: RationaleWords = EVERY_NUMBER,
): string {
  const e = issue.evidence;
  const spot = issue.hotspot;
  // Exactly the months compared, and a base other than the year before said to be so.
  const c = e.comparison;
  const period = c
    ? `${c.base}${c.basis === 'previous year' ? '' : ` (the latest earlier year held, ${c.yearsBack} years before)`}`
    : e.comparedWith
      ? `${e.comparedWith.from}..${e.comparedWith.to}`
      : 'the earlier period';
  // A restricted dataset's total held back (analysis/restricted-issue.ts) is given in words.
  const held = e.disclosure?.recorded;
  const recorded = held
    ? held === 'fewer than'
      ? `fewer than ${e.disclosure!.threshold} recorded`
      : `the number recorded is not shown (in one of its months, a count from 1 to ${e.disclosure!.threshold - 1} was recorded here or in another district of the force)`
    : `${words.count(e.recorded)} recorded`;
  const parts = [
    issue.source === 'inputs'
      ? `${issue.label}: no data held; harm ${issue.basis.harm}; likelihood ${issue.basis.likelihood}`
      : `${issue.label}: ${recorded}`,
    e.harmWeighted && e.harmWeighted.rank <= 3
      ? `the ${ordinal(e.harmWeighted.rank)}highest harm-weighted volume of the ${e.harmWeighted.of} categories with a weight`
      : null,
    e.ratePer1000 !== null && e.forceRatePer1000 !== null
      ? `${formatRate(e.ratePer1000)} per 1,000${overMonths(issue.months)} against ${formatRate(e.forceRatePer1000)} for the force` +
        // As the reader sees the two rates: 1.37 against 1.36 is "1.4 against 1.4", the same.
        (formatRate(e.ratePer1000) === formatRate(e.forceRatePer1000)
          ? ' (about the force rate)'
          : e.ratePer1000 > e.forceRatePer1000
            ? ' (above the force rate)'
            : '')
      : null,
    e.changePct === null
      ? e.disclosure && (e.comparedWith || c)
        ? `the change against ${period} is not shown (${e.disclosure.reason === 'public version' ? 'a count it is worked from is not shown' : 'restricted dataset, small numbers'})`
        : null
      : held || !words.changeShown(e.recorded, e.previous)
        ? `the change against ${period} is not shown (small numbers)`
        : `${fmtPct(e.changePct)} ${comparedPart(e.recorded, c, words) ? 'from' : 'on'} ${e.previous === null ? '–' : words.count(e.previous)} in ${period}` +
          comparedPart(e.recorded, c, words) +
          (e.pValueHolm !== null && e.pValueHolm < 0.05
            ? ` (significant, p ${e.pValueHolm < 0.001 ? '< 0.001' : `= ${e.pValueHolm.toFixed(3)}`})`
            : ' (could be chance)') +
          (c && c.discontinuities.length > 0
            ? `, across ${c.discontinuities.map((d) => d.replace(/ \(.*$/u, '')).join(' and ')}`
            : ''),
    issue.source === 'inputs'
      ? null
      : e.harmWeight !== null
        ? // Whose weight it is ("harm weight 203.07 (that of violence with injury, used for the
          // whole category; unverified)"), as the assessment words it; an older saved one: the number.
          issue.basis.harm.startsWith('harm weight ')
          ? issue.basis.harm
          : `harm weight ${e.harmWeight}`
        : issue.source === 'police.uk'
          ? 'no harm weight known'
          : null,
    spot ? `hotspot around ${spot.location} (${words.count(spot.count)} in its cell)` : null,
    e.position.scoredBy
      ? `organisational position ${e.position.score} (${e.position.scoredBy})`
      : null,
    ...issue.adjustments,
    e.concernShare !== null && e.concernSynthetic ? 'concern from a SYNTHETIC survey' : null,
    issue.synthetic ? 'SYNTHETIC demonstration data' : null,
  ].filter(Boolean);
  const restricted = !e.disclosure
    ? ''
    : e.disclosure.reason === 'public version'
      ? ` No total is given over a month in which a count from 1 to ${e.disclosure.threshold - 1} was recorded here or in another district of the force.`
      : ` Restricted dataset: counts from 1 to ${e.disclosure.threshold - 1} are shown as "fewer than ${e.disclosure.threshold}" to everyone, and counts that would give them away as "not shown".`;
  return `${parts.join('; ')}. Risk ${issue.harm} × ${issue.likelihood} = ${issue.risk} (${issue.band}); confidence ${e.confidence}.${restricted}`;
}
