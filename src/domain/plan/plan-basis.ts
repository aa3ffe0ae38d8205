/**
 * What a plan's priorities rest on: the saved assessment they were taken from, its area and
 * period, whether that period was held in part, and when it was saved. Shown wherever the plan is
 * (plan show, the dashboard's plan, the plan report) so that a reader knows the year and months
 * behind "High in the assessment, rank 1" (QA: a plan taken from 9 months of a year named only
 * "assessment 0d5777fb0164", while a later assessment of the whole year ranked it otherwise).
 */
import { MONTH_NAMES, monthIndex } from '../month.js';

export interface PlanBasis {
  id: string;
  areaName: string;
  periodFrom: string;
  periodTo: string;
  /** Months of the period held when it was assessed, and in the period; null when not recorded. */
  held: number | null;
  months: number | null;
  /** YYYY-MM-DD. */
  savedOn: string;
}

function monthWords(month: string): { name: string; year: number } {
  const i = monthIndex(month);
  return { name: MONTH_NAMES[((i % 12) + 12) % 12] ?? month, year: Math.floor(i / 12) };
}

/** "October 2024 to September 2025", "January to December 2025", "March 2025". */
export function basisPeriodWords(b: Pick<PlanBasis, 'periodFrom' | 'periodTo'>): string {
  const from = monthWords(b.periodFrom);
  const to = monthWords(b.periodTo);
  if (b.periodFrom === b.periodTo) return `${to.name} ${to.year}`;
  if (from.year === to.year) return `${from.name} to ${to.name} ${to.year}`;
  return `${from.name} ${from.year} to ${to.name} ${to.year}`;
}

/**
 * "the assessment of Three Rivers, October 2024 to September 2025 (partial: 9 of 12 months
 * held), saved 2026-12-07 (0d5777fb0164)".
 */
export function planBasisWords(b: PlanBasis): string {
  const partial =
    b.held !== null && b.months !== null && b.held < b.months
      ? ` (partial: ${b.held} of ${b.months} months held)`
      : '';
  return `the assessment of ${b.areaName}, ${basisPeriodWords(b)}${partial}, saved ${b.savedOn} (${b.id.slice(0, 12)})`;
}
