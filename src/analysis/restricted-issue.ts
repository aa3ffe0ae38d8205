/**
 * An assessed issue of a restricted dataset (prevent, domestic-abuse) as every caller gets it, the
 * store's owner and those granted it included (issue 20 item 4): its counts from 1 to threshold − 1
 * are "fewer than 5", and those that would give one back by subtraction "not shown", through
 * domain/disclosure (the one module the public report and trends use). The cells are its months
 * of the period and the period's total (their sum), the months compared and their total where
 * fewer, and the earlier total; totals are kept and months held back instead wherever that
 * protects every small count (as analysis/trend-disclosure.ts does). Anything worked from a count
 * held back is not given either: its change, test and trend wording, its rate, its share of all
 * crime (with the total crime published beside it, either gives the count back), the ratio of its
 * rate to the force's, and the force rate where the force's own count is small.
 *
 * The scores (harm, likelihood, trend, confidence) are worked from the real counts and kept: each
 * is a band, which says no more than "fewer than 5" does. Pure.
 */
import type { AssessedIssue, IssueDisclosure, WithheldCount } from '../domain/assessment.js';
import { findDataset } from '../domain/datasets.js';
import { protectTable } from '../domain/disclosure/protect.js';
import {
  isSmallCount,
  linkedShown,
  type DisclosureCell,
  type DisclosurePolicy,
  type DisclosureTable,
  type LinearRelation,
  type Protection,
} from '../domain/disclosure/table.js';
import { issueRationale } from './issue-rationale.js';
import { adjustmentKind } from './risk-scoring.js';

/** Whether an issue's data are of a restricted dataset. */
export const isRestrictedIssue = (i: Pick<AssessedIssue, 'source' | 'key'>): boolean =>
  i.source === 'partner' && findDataset(i.key)?.sensitivity === 'restricted';

/** "fewer than 5" or "not shown". */
export const withheldWords = (as: WithheldCount, threshold: number): string =>
  as === 'fewer than' ? `fewer than ${threshold}` : 'not shown';

/** The cells and sums of one issue's figures (ids: each month, `current`, `previous`, `compared`). */
function issueTable(issue: AssessedIssue, keepTotals: boolean): DisclosureTable {
  const e = issue.evidence;
  const keep = keepTotals ? { suppressible: false } : {};
  const held = issue.months.filter((m) => m.count !== null);
  const cells: DisclosureCell[] = held.map((m) => ({ id: m.month, value: m.count as number }));
  const relations: LinearRelation[] = [];
  if (e.recorded !== null) {
    cells.push({ id: 'current', value: e.recorded, ...keep });
    relations.push({ id: 'period', total: 'current', parts: held.map((m) => m.month) });
  }
  if (e.previous !== null) cells.push({ id: 'previous', value: e.previous, ...keep });
  const c = e.comparison;
  if (c?.current !== undefined && c.current !== e.recorded) {
    cells.push({ id: 'compared', value: c.current, ...keep });
    relations.push({ id: 'compared', total: 'compared', parts: c.currentMonths });
  }
  return { cells, relations };
}

const withheldAs = (p: Protection, id: string): WithheldCount | null => {
  const s = p.status.get(id) ?? 'shown';
  return s === 'shown' ? null : s === 'primary' ? 'fewer than' : 'not shown';
};

/**
 * The issue as it may be shown: unchanged unless it is of a restricted dataset and some count of
 * it is held back. `recorded` stays a number here (scores and ranks are worked from it); where
 * `evidence.disclosure.recorded` says it is held back, every output gives the words instead
 * (`assessmentOutput` in domain/assessment.ts nulls it for the JSON).
 */
export function discloseRestrictedIssue(
  issue: AssessedIssue,
  policy: DisclosurePolicy,
  forceCount: number | null = null,
): AssessedIssue {
  if (!isRestrictedIssue(issue)) return issue;
  let p: Protection;
  try {
    p = protectTable(issueTable(issue, true), policy);
  } catch {
    p = protectTable(issueTable(issue, false), policy);
  }
  const e = issue.evidence;
  const recorded = withheldAs(p, 'current');
  const previous = withheldAs(p, 'previous');
  const months = issue.months.map((m) => {
    const as = m.count === null ? null : withheldAs(p, m.month);
    return as === null ? m : { month: m.month, count: null, withheld: as };
  });
  const forceSmall = forceCount !== null && isSmallCount(forceCount, policy);
  if (recorded === null && previous === null && !months.some((m) => m.withheld) && !forceSmall)
    return issue;
  const compared =
    e.comparison?.current !== undefined && e.comparison.current !== e.recorded
      ? 'compared'
      : 'current';
  const changeShown = e.previous !== null && linkedShown(p, compared, 'previous');
  const shown = recorded === null;
  const disclosure: IssueDisclosure = {
    reason: 'restricted dataset',
    threshold: policy.threshold,
    recorded,
    previous,
  };
  const comparison = e.comparison && { ...e.comparison };
  if (comparison && !linkedShown(p, compared)) delete comparison.current;
  const out: AssessedIssue = {
    ...issue,
    evidence: {
      ...e,
      previous: previous === null ? e.previous : null,
      changePct: changeShown ? e.changePct : null,
      pValueHolm: changeShown ? e.pValueHolm : null,
      comparison,
      ratePer1000: shown ? e.ratePer1000 : null,
      forceRatePer1000: shown && !forceSmall ? e.forceRatePer1000 : null,
      volumeShare: shown ? e.volumeShare : null,
      harmWeighted: shown ? e.harmWeighted : null,
      disclosure,
    },
    basis: {
      ...issue.basis,
      // "volume 1 (0.2% of all recorded crime and ASB)": the share with the total crime gives the
      // count; the rate ratio with the force's rate and population gives it too.
      likelihood: shown
        ? forceSmall
          ? issue.basis.likelihood.replace(/ \([\d.]+ × the force rate\)/u, '')
          : issue.basis.likelihood
        : issue.basis.likelihood
            .replace(/ \([\d.]+% of all recorded crime and ASB\)/u, '')
            .replace(/ \([\d.]+ × the force rate\)/u, ''),
      trend: changeShown
        ? issue.basis.trend
        : e.changePct === null
          ? issue.basis.trend
          : 'the change is not shown: a count it is worked from is held back (restricted dataset)',
      confidence: issue.basis.confidence.replace(
        /small numbers \(\d+\)/u,
        `small numbers (${recorded === null ? `${e.recorded}` : withheldWords(recorded, policy.threshold)})`,
      ),
    },
    months,
    // A significant rise or fall beside a count held back narrows it (as in the public version).
    adjustments: changeShown
      ? issue.adjustments
      : issue.adjustments.filter((a) => adjustmentKind(a) !== 'trend'),
  };
  // Its total, and anything worked from a count held back, are given in words or not at all.
  return { ...out, rationale: issueRationale(out) };
}
