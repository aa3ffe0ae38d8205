/**
 * Whether a saved assessment can be the evidence of a plan year. A partnership agrees its
 * priorities from the months before the plan's year (the minutes: the strategic assessment of the
 * calendar year, then the plan from April), sometimes from months that run into it when the plan
 * is late. Evidence of months after the year has ended cannot be what the year was planned on
 * (a 2019-20 plan from 2025's assessment is a mistyped year or the wrong assessment), so it is
 * refused; evidence that ended long before the year starts is taken, and said to be old.
 */
import { InputError } from '../../errors.js';
import { monthIndex, type Month, type Period } from '../month.js';
import { runInWords } from '../held-months.js';
import type { PlanYear } from './plan-year.js';

/**
 * Evidence ending more than this many months before the plan year starts is said to be old: one
 * assessment a year is the partnership's cycle, so a year more is a skipped assessment.
 */
export const EVIDENCE_OLD_MONTHS = 12;

export interface PlanEvidence {
  period: Period;
  /** Months from the end of the evidence to the plan year's first month (1 when it ends in March). */
  monthsBeforeYear: number;
  /** Said when the evidence is old (more than EVIDENCE_OLD_MONTHS before the year); else null. */
  note: string | null;
}

/** The evidence `period` for `year`, or an InputError (field `field`) when it cannot be. */
export function planEvidence(
  year: PlanYear,
  period: Period,
  field = 'fromAssessment',
): PlanEvidence {
  const first: Month = year.start.slice(0, 7);
  const last: Month = year.end.slice(0, 7);
  if (period.to > last)
    throw new InputError(
      `the assessment covers ${runInWords(period)}, after the ${year.label} plan year ended (March ${last.slice(0, 4)}): a year's priorities come from the months before it or during it. Choose another assessment (lantern assess list) or check the year`,
      { field },
    );
  const monthsBeforeYear = monthIndex(first) - monthIndex(period.to);
  return {
    period,
    monthsBeforeYear,
    note:
      monthsBeforeYear > EVIDENCE_OLD_MONTHS
        ? `The assessment's evidence (${runInWords(period)}) ends ${monthsBeforeYear} months before the ${year.label} plan year begins: the priorities may have moved since. A newer assessment would show it (lantern assess).`
        : null,
  };
}
