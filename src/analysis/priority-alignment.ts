/**
 * Alignment of a district's priorities with the county's and with the Police and Crime Plan
 * (issue 7, item 5). Pure: it compares two ranked assessments and maps priorities to objectives.
 *
 * - A district High priority *matches* when the county also bands the issue High, *differs* when
 *   the county bands it Medium or Low, and is *absent* when the county assessment has no such
 *   issue (an issue only the district's inputs add, or a partner theme the county does not hold).
 * - County High priorities the district does not band High are listed as *county only*: the
 *   district should be able to say why.
 * - Each plan objective lists the district issues it covers and which of them are High; High
 *   priorities no objective covers are listed too.
 */
import type {
  AlignmentStatus,
  CountyAlignment,
  Objective,
  PlanAlignment,
  RankedIssue,
} from '../domain/priority.js';

export type { AlignmentStatus, CountyAlignment, Objective, PlanAlignment, RankedIssue };

export function alignWithCounty(
  district: readonly RankedIssue[],
  county: readonly RankedIssue[],
): CountyAlignment {
  const byKey = new Map(county.map((i) => [i.key, i]));
  const districtByKey = new Map(district.map((i) => [i.key, i]));
  return {
    district: district
      .filter((i) => i.band === 'High')
      .map((i) => {
        const c = byKey.get(i.key);
        return {
          key: i.key,
          label: i.label,
          rank: i.rank,
          county: c?.band ?? null,
          status: !c ? 'absent' : c.band === 'High' ? 'matches' : 'differs',
        };
      }),
    countyOnly: county
      .filter((c) => c.band === 'High' && districtByKey.get(c.key)?.band !== 'High')
      .map((c) => ({
        key: c.key,
        label: c.label,
        countyRank: c.rank,
        district: districtByKey.get(c.key)?.band ?? null,
      })),
  };
}

export function alignWithPlan(
  issues: readonly RankedIssue[],
  objectives: readonly Objective[],
): PlanAlignment {
  const present = new Map(issues.map((i) => [i.key, i]));
  const mapped = new Set(objectives.flatMap((o) => o.issues));
  return {
    objectives: objectives.map((o) => {
      const covered = o.issues.filter((k) => present.has(k));
      return {
        id: o.id,
        title: o.title,
        high: covered.filter((k) => present.get(k)?.band === 'High'),
        covered,
      };
    }),
    unmapped: issues.filter((i) => i.band === 'High' && !mapped.has(i.key)).map((i) => i.key),
  };
}
