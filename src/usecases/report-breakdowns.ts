/**
 * A partner dataset's count by its own categories for the partnership's report: hate crime by
 * strand, fly-tipping by waste type, council ASB reports by type. The partnership asked to know
 * "the different types of hate crimes being reported" (the meeting record), and the type of waste
 * says which tactic fits. Given in the partner version only, for the datasets the report already
 * shows a row for: a restricted dataset's (domestic abuse, Prevent) categories are left out, since
 * their months are protected across readers (report-months-held.ts) and a category's year is a
 * sum over them; the public version gives no breakdown (a category's small counts would need
 * suppressing against the total given).
 */
import { trendDocuments } from '../analysis/trend-table.js';
import type { AreaSummary } from '../domain/area-counts.js';
import { findDataset } from '../domain/datasets.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import type { Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { PartnerBreakdown, PartnerRow } from '../report/report-data.js';
import type { Db } from '../store/db.js';
import type { CommandReads } from './command-reads.js';
import { datasetMeasures, partnerAreaCounts } from './partner-area-counts.js';

export async function partnerBreakdowns(
  db: Db,
  scope: Scope,
  areas: readonly AreaSummary[],
  partner: readonly PartnerRow[],
  period: Period,
  discontinuities: readonly Discontinuity[],
  reads: CommandReads,
): Promise<PartnerBreakdown[]> {
  const out: PartnerBreakdown[] = [];
  for (const row of partner) {
    const dataset = findDataset(row.dataset);
    if (!dataset?.categoryField || dataset.sensitivity === 'restricted') continue;
    // The read the assessment made of the area's (and its force's) counts: remembered in `reads`.
    const counts = await partnerAreaCounts(db, scope, dataset, areas, reads);
    const input = counts.inputs[0];
    if (!input) continue;
    const measures = datasetMeasures(dataset, 'all', counts.synthetic).filter(
      (m) => m.key !== 'total',
    );
    const docs = trendDocuments(input, measures, period, { discontinuities, interval: false });
    const rows = docs
      .filter((d) => d.current > 0 || (d.previous ?? 0) > 0)
      .map((d) => ({
        label: d.label.replace(/^.*?: /u, ''),
        count: d.current,
        previous: d.previous,
        changePct: d.changePct,
        // Many categories are tested at once: Holm's adjustment, as trends gives it.
        significant:
          (d.pValueAdjusted ?? d.pValue) === null ? null : (d.pValueAdjusted ?? d.pValue)! < 0.05,
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    if (rows.length < 2) continue;
    out.push({
      dataset: dataset.name,
      label: row.label,
      by: dataset.categoryField.replaceAll('_', ' ').replace(/s$/u, ''),
      comparedWith: row.comparedWith ?? null,
      synthetic: row.synthetic,
      rows,
      notes: dataset.caveats.filter((c) => /add up|strand|more than one/iu.test(c)),
    });
  }
  return out;
}
