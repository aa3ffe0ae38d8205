/**
 * What an audience may see of an assessment. Partners see all of it. The public sees no partner
 * dataset whose sensitivity is not public (in the district's issues, the county's, or either side
 * of the alignment, or among the issues not assessed), and the issues it does see are numbered
 * again 1..n with no gaps, so that the ranks say nothing of where a withheld issue stood. The
 * public's rationales are written again later, from the report's data (report/public-data.ts).
 */
import type { AssessedIssue, Assessment } from '../domain/assessment.js';
import { findDataset } from '../domain/datasets.js';
import type { Audience } from './report-data.js';

export function assessmentFor(
  assessment: Assessment,
  audience: Audience,
): { shown: Assessment; withheld: string[] } {
  if (audience === 'partner') return { shown: assessment, withheld: [] };
  const withheld: string[] = [];
  const visible = (source: AssessedIssue['source'], key: string) =>
    source !== 'partner' || findDataset(key)?.sensitivity === 'public';
  for (const i of assessment.issues)
    if (!visible(i.source, i.key)) withheld.push(i.label.replace(/: .*$/u, ''));
  const keep = new Set(assessment.issues.filter((i) => visible(i.source, i.key)).map((i) => i.key));
  // The county's issues carry no source: a partner theme is known by its dataset.
  const countyVisible = (key: string) =>
    keep.has(key) || visible(findDataset(key) ? 'partner' : 'police.uk', key);
  const issues = renumber(assessment.issues.filter((i) => keep.has(i.key)));
  const rank = new Map(issues.map((i) => [i.key, i.rank]));
  const countyIssues = assessment.county
    ? renumber(assessment.county.issues.filter((i) => countyVisible(i.key)))
    : [];
  const countyRank = new Map(countyIssues.map((i) => [i.key, i.rank]));
  const { county, plan } = assessment.alignment;
  const shown: Assessment = {
    ...assessment,
    issues,
    // "Held, but for no month of the period" says a partner-only dataset is held at all.
    ...(assessment.notAssessed
      ? { notAssessed: assessment.notAssessed.filter((n) => visible(n.source, n.key)) }
      : {}),
    county: assessment.county && { ...assessment.county, issues: countyIssues },
    alignment: {
      county: county && {
        district: county.district
          .filter((d) => keep.has(d.key))
          .map((d) => ({ ...d, rank: rank.get(d.key) ?? d.rank })),
        countyOnly: county.countyOnly
          .filter((c) => countyVisible(c.key))
          .map((c) => ({ ...c, countyRank: countyRank.get(c.key) ?? c.countyRank })),
      },
      plan: {
        ...plan,
        objectives: plan.objectives.map((o) => ({
          ...o,
          high: o.high.filter((k) => keep.has(k)),
          covered: o.covered.filter((k) => keep.has(k)),
          ...(o.covered.some((k) => !keep.has(k)) ? { leftOut: true } : {}),
        })),
        unmapped: plan.unmapped.filter((k) => keep.has(k)),
      },
    },
  };
  return { shown, withheld };
}

/** Issues (in rank order) numbered 1..n, so no gap shows where a withheld one ranked. */
function renumber<T extends { rank: number }>(issues: readonly T[]): T[] {
  return [...issues].sort((a, b) => a.rank - b.rank).map((i, n) => ({ ...i, rank: n + 1 }));
}
