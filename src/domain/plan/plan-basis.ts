/**
 * What a plan's priorities rest on: the saved assessment they were taken from, its area and
 * period, whether that period was held in part, and when it was saved. Shown wherever the plan is
 * (plan show, the dashboard's plan, the plan report) so that a reader knows the year and months
 * behind "High in the assessment, rank 1" (QA: a plan taken from 9 months of a year named only
 * "assessment 0d5777fb0164", while a later assessment of the whole year ranked it otherwise).
 */
import type { RevisedSince } from '../assessment.js';
import { findDataset } from '../datasets.js';
import { monthsInWords, runInWords } from '../held-months.js';

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
  /**
   * Months of the period imported again since it was saved (police.uk revised a month, a
   * partner's file was replaced), of the datasets the reader may see: its figures may have moved.
   */
  revisedSince: RevisedSince[];
}

/** "October 2024 to September 2025", "January to December 2025", "March 2025". */
export function basisPeriodWords(b: Pick<PlanBasis, 'periodFrom' | 'periodTo'>): string {
  return runInWords({ from: b.periodFrom, to: b.periodTo });
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
  const revised =
    b.revisedSince.length === 0
      ? ''
      : `; since then ${b.revisedSince.map((r) => `${datasetWords(r.dataset)} for ${monthsInWords(r.months)}`).join(' and ')} were imported again, so its figures may have moved`;
  return `the assessment of ${b.areaName}, ${basisPeriodWords(b)}${partial}, saved ${b.savedOn} (${b.id.slice(0, 12)})${revised}`;
}

/** "police.uk's street records", "Fly-tipping incidents". */
function datasetWords(dataset: string): string {
  if (dataset === 'police-street') return "police.uk's street records";
  return findDataset(dataset)?.label ?? dataset;
}
