/**
 * A partner dataset's count by its own categories for the partnership's report: hate crime by
 * strand, fly-tipping by waste type, council ASB reports by type, and domestic abuse's incidents,
 * crimes, repeat victims and referrals. The partnership asked to know "the different types of hate
 * crimes being reported" (the meeting record), and the type of waste says which tactic fits.
 * Given in the partner version only, for the datasets the report already shows a row for; the
 * public version gives no breakdown (a category's small counts would need suppressing against the
 * total given). A restricted dataset's count is given only where no month it covers holds a small
 * count in any district of the force (report-months-held.ts: the report is read by people whose
 * month-by-month control differs), else "fewer than 5" when it is small and "not shown" otherwise.
 */
import { trendDocuments } from '../analysis/trend-table.js';
import type { AreaSummary } from '../domain/area-counts.js';
import type { WithheldCount } from '../domain/assessment.js';
import { findDataset, type DatasetDefinition } from '../domain/datasets.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import { isSmallCount, type DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Month, Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import type { PartnerBreakdown, PartnerRow } from '../report/report-data.js';
import type { Db } from '../store/db.js';
import type { CommandReads } from './command-reads.js';
import { datasetMeasures, partnerAreaCounts } from './partner-area-counts.js';
import { monthsWithSmallCounts } from './partner-totals-disclosure.js';

export interface BreakdownRequest {
  /** The area and, where it has one, its force: the read the assessment made. */
  areas: readonly AreaSummary[];
  partner: readonly PartnerRow[];
  period: Period;
  discontinuities: readonly Discontinuity[];
  policy: DisclosurePolicy;
}

export async function partnerBreakdowns(
  db: Db,
  scope: Scope,
  request: BreakdownRequest,
  reads: CommandReads,
): Promise<PartnerBreakdown[]> {
  const { areas, period, discontinuities, policy } = request;
  const out: PartnerBreakdown[] = [];
  for (const row of request.partner) {
    const dataset = findDataset(row.dataset);
    if (!dataset || (!dataset.categoryField && (dataset.countFields?.length ?? 0) < 2)) continue;
    const restricted = dataset.sensitivity === 'restricted';
    // The read the assessment made of the area's (and its force's) counts: remembered in `reads`.
    const counts = await partnerAreaCounts(db, scope, dataset, areas, reads);
    const input = counts.inputs[0];
    if (!input) continue;
    const measures = datasetMeasures(dataset, 'all', counts.synthetic).filter(
      (m) => m.key !== 'total',
    );
    const docs = trendDocuments(input, measures, period, { discontinuities, interval: false });
    const rows: PartnerBreakdown['rows'] = [];
    for (const d of docs) {
      if (d.current === 0 && !d.previous) continue;
      const p = d.pValueAdjusted ?? d.pValue;
      let held: { count: WithheldCount | null; previous: WithheldCount | null } | null = null;
      if (restricted) {
        const unsafe = await monthsWithSmallCounts(
          db,
          dataset,
          areas[0]!,
          d.category,
          policy,
          reads,
        );
        const months = d.months.filter((m) => m.count !== null).map((m) => m.month);
        const heldAs = (total: number | null, over: readonly Month[]): WithheldCount | null =>
          total === null || !over.some((m) => unsafe.has(m))
            ? null
            : isSmallCount(total, policy)
              ? 'fewer than'
              : 'not shown';
        held = {
          count: heldAs(d.current, months),
          previous: heldAs(d.previous, d.comparison?.previousMonths ?? []),
        };
      }
      const shown = !held?.count && !held?.previous;
      rows.push({
        label: categoryLabel(dataset, d.category),
        count: held?.count ? null : d.current,
        previous: held?.previous ? null : d.previous,
        changePct: shown ? d.changePct : null,
        // Many categories are tested at once: Holm's adjustment, as trends gives it.
        significant: shown && p !== null ? p < 0.05 : null,
        ...(held?.count || held?.previous ? { withheld: held } : {}),
      });
    }
    rows.sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.label.localeCompare(b.label));
    // A restricted dataset whose every count is held back (Prevent's) gets no table.
    if (rows.length < 2 || rows.every((r) => r.count === null)) continue;
    out.push({
      dataset: dataset.name,
      label: dataset.label,
      by: dataset.categoryField?.replaceAll('_', ' ').replace(/s$/u, '') ?? null,
      comparedWith: row.comparedWith ?? null,
      synthetic: row.synthetic,
      rows,
      notes: [
        ...dataset.caveats.filter((c) => /add up/iu.test(c)),
        ...(restricted
          ? [
              `Restricted dataset: a count is not shown where a month it covers had from 1 to ${policy.threshold - 1} in some district of the force, and from 1 to ${policy.threshold - 1} is shown as "fewer than ${policy.threshold}".`,
            ]
          : []),
      ],
    });
  }
  return out;
}

/** A category as the reader knows it: "Race", "Black bags household", "Repeat victims". */
function categoryLabel(dataset: DatasetDefinition, category: string): string {
  // A count field's category is its name as a slug ("repeat-victims" of repeat_victims).
  const field = dataset.countFields
    ?.map((name) => dataset.fields.find((f) => f.name === name))
    .find((f) => f?.name.replaceAll('_', '-') === category);
  const words = field ? field.description : category.replaceAll(/[-_]/gu, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
