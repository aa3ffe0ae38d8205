/**
 * What an audience may see of an assessment. Partners see all of it. The public sees no partner
 * dataset whose sensitivity is not public (in the district's issues, the county's, or either
 * side of the alignment), and each issue's rationale is written again from its figures without
 * any small count (analysis/issue-rationale.ts, disclosure.ts).
 */
import { issueRationale } from '../analysis/issue-rationale.js';
import type { AssessedIssue, Assessment } from '../domain/assessment.js';
import { findDataset } from '../domain/datasets.js';
import { PUBLIC_WORDS } from './disclosure.js';
import type { Audience } from './report-data.js';

export function assessmentFor(
  assessment: Assessment,
  audience: Audience,
): { shown: Assessment; withheld: string[] } {
  const withheld: string[] = [];
  const visible = (source: AssessedIssue['source'], key: string) => {
    if (audience === 'partner' || source !== 'partner') return true;
    return findDataset(key)?.sensitivity === 'public';
  };
  if (audience === 'public')
    for (const i of assessment.issues)
      if (!visible(i.source, i.key)) withheld.push(i.label.replace(/: .*$/u, ''));
  const keep = new Set(assessment.issues.filter((i) => visible(i.source, i.key)).map((i) => i.key));
  // The county's issues carry no source: a partner theme is known by its dataset.
  const countyVisible = (key: string) =>
    keep.has(key) || visible(findDataset(key) ? 'partner' : 'police.uk', key);
  const { county, plan } = assessment.alignment;
  const shown: Assessment = {
    ...assessment,
    // The public's rationale is written again from the figures, without any small count.
    issues: assessment.issues
      .filter((i) => keep.has(i.key))
      .map((i) =>
        audience === 'public' ? { ...i, rationale: issueRationale(i, PUBLIC_WORDS) } : i,
      ),
    county: assessment.county && {
      ...assessment.county,
      issues: assessment.county.issues.filter((i) => countyVisible(i.key)),
    },
    alignment: {
      county: county && {
        district: county.district.filter((d) => keep.has(d.key)),
        countyOnly: county.countyOnly.filter((c) => countyVisible(c.key)),
      },
      plan: {
        ...plan,
        objectives: plan.objectives.map((o) => ({
          ...o,
          high: o.high.filter((k) => keep.has(k)),
          covered: o.covered.filter((k) => keep.has(k)),
        })),
        unmapped: plan.unmapped.filter((k) => keep.has(k)),
      },
    },
  };
  return { shown, withheld };
}
