/**
 * An assessed issue of a restricted dataset (prevent, domestic-abuse) as every caller gets it, the
 * store's owner and those granted it included (issue 20 item 4): its counts from 1 to threshold − 1
 * are "fewer than 5", and those that would give one back by subtraction "not shown", through
 * domain/disclosure (the one module the public report and trends use).
 *
 * Any caller may assess any period, so each answer protected on its own is not enough: the total
 * of January to December less that of February to December is January. The issue is protected as
 * trends protect the dataset (analysis/trend-disclosure.ts, domain/disclosure/by-month.ts): each
 * month of the area is protected on its own, the same whatever period is asked (`months`, from
 * protectByMonth over every category of the dataset), and a total (the period's, the months
 * compared, the earlier period's) is given only where every month of it is shown, else "fewer
 * than 5" when it is small and "not shown" otherwise. The force's total, which its rate and
 * population give back, is given only where every month of the force's is shown (`force`).
 * Anything worked from a count held back is not given either: its change, test and trend wording,
 * its rate, its share of all crime (with the total crime published beside it, either gives the
 * count back), the ratio of its rate to the force's, and the force's rate where the force's total
 * is held back.
 *
 * The scores (harm, likelihood, trend, confidence) are worked from the real counts and kept: each
 * is a band, which says no more than "fewer than 5" does. Pure.
 */
import type { AssessedIssue, IssueDisclosure, WithheldCount } from '../domain/assessment.js';
import { findDataset } from '../domain/datasets.js';
import { totalStatus } from '../domain/disclosure/by-month.js';
import {
  linkedShown,
  type CellStatus,
  type DisclosurePolicy,
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

/**
 * What month-by-month control (domain/disclosure/by-month.ts) allows of an issue's data: the
 * status of each month of the area's count, every month held (the earlier period's too), and the
 * force's total over the period where a force is compared with.
 */
export interface IssueMonthControl {
  /** By month (`2025-01`); a month not in it is shown. */
  months: ReadonlyMap<string, CellStatus>;
  /** The force's total over the period (null when no force's rate is worked out). */
  force: CellStatus | null;
}

/** The statuses of an issue's cells (ids: each month, `current`, `previous`, `compared`). */
function issueProtection(
  issue: AssessedIssue,
  control: IssueMonthControl,
  policy: DisclosurePolicy,
): Protection {
  const e = issue.evidence;
  const status = new Map<string, CellStatus>();
  const held = issue.months.filter((m) => m.count !== null).map((m) => m.month);
  for (const m of held) status.set(m, control.months.get(m) ?? 'shown');
  status.set('current', totalStatus(e.recorded, held, control.months, policy));
  const c = e.comparison;
  if (e.previous !== null)
    status.set(
      'previous',
      c ? totalStatus(e.previous, c.previousMonths, control.months, policy) : 'withheld',
    );
  if (c?.current !== undefined && c.current !== e.recorded)
    status.set('compared', totalStatus(c.current, c.currentMonths, control.months, policy));
  return { threshold: policy.threshold, status, ranges: new Map() };
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
  control: IssueMonthControl,
): AssessedIssue {
  return isRestrictedIssue(issue)
    ? discloseIssue(issue, policy, control, 'restricted dataset')
    : issue;
}

/**
 * Any issue under month-by-month control (`control`), for the reason given: as
 * discloseRestrictedIssue, for a restricted dataset's issue or (`public version`) a public
 * dataset's in the public report, whose sums must not cover a month some reader's control holds
 * back (usecases/report-months-held.ts).
 */
export function discloseIssue(
  issue: AssessedIssue,
  policy: DisclosurePolicy,
  control: IssueMonthControl,
  reason: IssueDisclosure['reason'],
): AssessedIssue {
  const p = issueProtection(issue, control, policy);
  const e = issue.evidence;
  const recorded = withheldAs(p, 'current');
  const previous = withheldAs(p, 'previous');
  const months = issue.months.map((m) => {
    const as = m.count === null ? null : withheldAs(p, m.month);
    return as === null ? m : { month: m.month, count: null, withheld: as };
  });
  // The force's rate with its population gives its total back.
  const forceHeld = control.force !== null && control.force !== 'shown';
  if (recorded === null && previous === null && !months.some((m) => m.withheld) && !forceHeld)
    return issue;
  const compared =
    e.comparison?.current !== undefined && e.comparison.current !== e.recorded
      ? 'compared'
      : 'current';
  const changeShown = e.previous !== null && linkedShown(p, compared, 'previous');
  const shown = recorded === null;
  const disclosure: IssueDisclosure = {
    reason,
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
      forceRatePer1000: shown && !forceHeld ? e.forceRatePer1000 : null,
      volumeShare: shown ? e.volumeShare : null,
      harmWeighted: shown ? e.harmWeighted : null,
      disclosure,
    },
    basis: {
      ...issue.basis,
      // "volume 1 (0.2% of all recorded crime and ASB)": the share with the total crime gives the
      // count; the rate ratio with the force's rate and population gives it too.
      likelihood: shown
        ? forceHeld
          ? issue.basis.likelihood.replace(/ \([\d.]+ × the force rate\)/u, '')
          : issue.basis.likelihood
        : issue.basis.likelihood
            .replace(/ \([\d.]+% of all recorded crime and ASB\)/u, '')
            .replace(/ \([\d.]+ × the force rate\)/u, ''),
      trend: changeShown
        ? issue.basis.trend
        : e.changePct === null
          ? issue.basis.trend
          : `the change is not shown: a count it is worked from is held back (${reason})`,
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

/**
 * Statuses (`measure:month`) with each month of `unsafe` held back too ("not shown" where it was
 * shown): the months in which some district of the force holds a small count
 * (usecases/partner-totals-disclosure.ts `monthsWithSmallCounts`). A reader's month-by-month
 * control holds cells back only in such months, and which it holds back depends on the reader's
 * grants; so a sum given over none of them is one of months every reader is shown, and a document
 * read by others (an assessment saved and shared, a report) gives no sum over any of them.
 */
export function withMonthsHeldBack(
  status: ReadonlyMap<string, CellStatus>,
  unsafe: ReadonlySet<string>,
  key: string,
): Map<string, CellStatus> {
  const out = new Map(status);
  for (const m of unsafe) {
    const id = `${key}:${m}`;
    if ((out.get(id) ?? 'shown') === 'shown') out.set(id, 'secondary');
  }
  return out;
}
