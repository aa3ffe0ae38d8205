/**
 * The months over which a report gives no sum of a partner dataset, because some reader sees the
 * dataset month by month under control (domain/disclosure/by-month.ts) and which months their
 * control holds back depends on their grants: a restricted dataset (every reader, in every
 * version) and, in the public version, a public dataset (fly-tipping: a caller who sees the force
 * as totals only). A report leaves Lantern and is read by all of them, so it gives no count of
 * such a month that any reader's control could hold back, and no sum over one: those months are
 * the months in which some district of the force holds a small count
 * (partner-totals-disclosure.ts `monthsWithSmallCounts`), whatever the report maker's grants.
 * Before this, Three Rivers' public report gave its fly-tipping of 2025 and each of its months,
 * while a caller seeing Hertfordshire as totals only was shown the force's January and Three
 * Rivers' held back beside Watford's 3: the force less the other districts and Three Rivers gave
 * Watford's January back (test/report-months-held.test.ts).
 */
import {
  discloseIssue,
  withMonthsHeldBack,
  type IssueMonthControl,
} from '../analysis/restricted-issue.js';
import type { AreaSummary } from '../domain/area-counts.js';
import type { AssessedIssue } from '../domain/assessment.js';
import { findDataset, type DatasetDefinition } from '../domain/datasets.js';
import {
  isSmallCount,
  type CellStatus,
  type DisclosurePolicy,
} from '../domain/disclosure/table.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { Db } from '../store/db.js';
import type { Audience } from '../report/report-data.js';
import { PARTNER_THEMES } from './assess-area.js';
import type { CommandReads } from './command-reads.js';
import { datasetMeasures } from './partner-area-counts.js';
import { monthsWithSmallCounts } from './partner-totals-disclosure.js';

/**
 * Whether a report for `audience` gives a dataset's sums only over months no reader's control
 * holds back: a restricted dataset always, a public one in the public version.
 */
export function heldAcrossReaders(
  dataset: DatasetDefinition | undefined,
  audience: Audience,
): boolean {
  const sensitivity = dataset?.sensitivity;
  return sensitivity === 'restricted' || (audience === 'public' && sensitivity === 'public');
}

/** Whether any month of the periods holds a small count of the measure in a district of the force. */
export async function overMonthsHeld(
  db: Db,
  dataset: DatasetDefinition,
  area: AreaSummary,
  key: string,
  periods: readonly Period[],
  policy: DisclosurePolicy,
): Promise<boolean> {
  const unsafe = await monthsWithSmallCounts(db, dataset, area, key, policy);
  return periods.some((p) => monthsIn(p).some((m) => unsafe.has(m)));
}

/**
 * For each issue held across readers (heldAcrossReaders), the months in which some district of
 * the area's force holds a small count of the issue's measure (none where there is none).
 */
export async function reportMonthsHeld(
  db: Db,
  issues: readonly AssessedIssue[],
  area: AreaSummary,
  audience: Audience,
  policy: DisclosurePolicy,
  reads: CommandReads,
): Promise<Map<string, ReadonlySet<Month>>> {
  const held = new Map<string, ReadonlySet<Month>>();
  for (const issue of issues) {
    const dataset = issue.source === 'partner' ? findDataset(issue.key) : undefined;
    if (!dataset || !heldAcrossReaders(dataset, audience)) continue;
    const theme = PARTNER_THEMES.find(([name]) => name === issue.key);
    const [measure] = datasetMeasures(dataset, theme?.[1] ?? 'total', issue.synthetic);
    if (!measure) continue;
    const months = await monthsWithSmallCounts(db, dataset, area, measure.key, policy, reads);
    if (months.size > 0) held.set(issue.key, months);
  }
  return held;
}

/**
 * A public dataset's issue in the public version with no sum over `unsafe` (its period's count,
 * the earlier period's, the force's rate): those are given in words ("not shown"; a small count
 * of the area's own, "fewer than 5"), and what is worked from them is not given
 * (analysis/restricted-issue.ts discloseIssue).
 */
export function publicIssueHeldBack(
  issue: AssessedIssue,
  unsafe: ReadonlySet<Month>,
  period: Period,
  policy: DisclosurePolicy,
): AssessedIssue {
  const own = new Map<string, CellStatus>(
    issue.months
      .filter((m) => m.count !== null && isSmallCount(m.count, policy))
      .map((m) => [`k:${m.month}`, 'primary']),
  );
  const status = withMonthsHeldBack(own, unsafe, 'k');
  const months = new Map([...status].map(([id, s]) => [id.slice(2), s]));
  const control: IssueMonthControl = {
    months,
    force:
      issue.evidence.forceRatePer1000 === null
        ? null
        : monthsIn(period).some((m) => unsafe.has(m))
          ? 'secondary'
          : 'shown',
  };
  return discloseIssue(issue, policy, control, 'public version');
}
