/**
 * The monthly counts that stand for an issue of the assessment, by its key: a police.uk category
 * in the street records, or a partner theme's category in its dataset (the one the assessment
 * scores). None for an issue scored from the partnership's inputs alone.
 */
import {
  measureInput,
  type AreaCounts,
  type AreaSummary,
  type Measure,
} from '../domain/area-counts.js';
import { isCategoryChoice, policeMeasure } from '../domain/categories.js';
import { findDataset } from '../domain/datasets.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { PARTNER_THEMES } from './assess-area.js';
import type { CommandReads } from './command-reads.js';
import { datasetMeasures, partnerAreaCounts } from './partner-area-counts.js';

/**
 * @param street the street records' counts of the same areas (read once by the caller)
 * @returns the counts of `areas` (in their order) and the measure; null when Lantern counts none
 */
export async function issueMeasure(
  db: Db,
  scope: Scope,
  key: string,
  areas: readonly AreaSummary[],
  street: AreaCounts[],
  reads?: CommandReads,
): Promise<{ inputs: AreaCounts[]; measure: Measure; synthetic: boolean } | null> {
  if (isCategoryChoice(key))
    return { inputs: street, measure: policeMeasure(key), synthetic: false };
  const dataset = findDataset(key);
  const theme = PARTNER_THEMES.find(([name]) => name === key);
  if (!dataset || !theme) return null;
  const { inputs, synthetic } = await partnerAreaCounts(db, scope, dataset, areas, reads);
  const [measure] = datasetMeasures(dataset, theme[1], synthetic) as [Measure];
  // The months its count is held (a partner file may not give it: unknown, not zero).
  return { inputs: inputs.map((i) => measureInput(i, measure)), measure, synthetic };
}
