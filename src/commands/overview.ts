/**
 * `lantern overview`: what stands out across a partnership's districts: for each category, the
 * districts above their funnel limits, the significant changes (Holm-adjusted), and the months
 * above the range expected from each district's history.
 */
import type { PartnershipOverview } from '../usecases/partnership-overview.js';
import { spreadNotEstimated } from '../analysis/area-comparison.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';

/** The overview, and the words saying what its comparison period is (null when there is none). */
interface OverviewDocument {
  overview: PartnershipOverview;
  against: string | null;
  history: boolean;
}

export const overviewCommand = defineCommand({
  name: 'overview',
  task: 'Look at an area',
  summary: "What stands out across a partnership's districts, category by category",
  description:
    'For each category: the districts above their 95% funnel limit, the significant rises and falls against the comparison period (Holm-adjusted), and the months in the period above the range expected from each district’s history. From the same figures as trends, compare and exceptions (each district’s own with those commands, or all of them with ⟨json⟩). Flags are statistical: a district above its limits or a significant rise is worth a look, not a finding; counts are of recorded crime, and much is never reported.',
  examples: [
    'lantern overview --within Hertfordshire',
    'lantern overview --within Hertfordshire --period 2025-01..2025-12',
  ],
  options: {
    within: option.area(
      'the force or Community Safety Partnership whose districts are shown (an ONS code, a name or a police.uk force id)',
    ),
    period: option.period(undefined, 'the latest 12 months held'),
    history: option.flag(
      'with ⟨json⟩: each district and category’s month-by-month expected range too, as exceptions gives it (without it the overview is a seventh of the size)',
    ),
    ...settingOptions('discontinuities'),
  },
  store: 'read',
  async run(deps, input): Promise<OverviewDocument> {
    const { partnershipOverview } = await import('../usecases/partnership-overview.js');
    const { basisWords } = await import('../analysis/trend-table.js');
    const { loadSettings } = await import('../config/settings.js');
    const overview = await partnershipOverview(deps.db, deps.scope, {
      within: input.within,
      discontinuities: (await loadSettings(input, ['discontinuities'])).discontinuities,
      period: await periodOf(deps, input.period, { area: input.within ?? null }),
    });
    const c = overview.trends[0]?.[0]?.comparison;
    return {
      overview,
      against: c ? `${c.label} (${basisWords(c)})` : null,
      history: input.history,
    };
  },
  json(document: OverviewDocument) {
    // The months are most of the answer (30 months × 6 figures × every district and category);
    // the overview's flags need only the months in the period, which `exceptionsInPeriod` lists.
    if (document.history) return document.overview;
    return {
      ...document.overview,
      exceptions: document.overview.exceptions.map(({ months: _months, ...rest }) => rest),
    };
  },
  text({ overview: o, against }: OverviewDocument) {
    const rows = o.categories.map((category, i) => {
      const above = o.comparisons[i]?.areas.filter((a) => a.flag === 'above').map((a) => a.name);
      const significant = o.trends
        .map((docs) => docs[i])
        .filter((d) => d?.pValueAdjusted != null && d.pValueAdjusted < 0.05);
      const rises = significant.filter((d) => (d?.change ?? 0) > 0).length;
      const falls = significant.length - rises;
      const exceptions = o.exceptionsInPeriod.filter((e) => e.category === category.key).length;
      const untested = o.exceptionsNotTested.filter((e) => e.category === category.key).length;
      const total = o.trends.reduce((n, docs) => n + (docs[i]?.current ?? 0), 0);
      // A 0 says "tested, and none": with no comparison period (or all crime, never tested
      // separately) nothing was tested, and "–" says so; a note below gives the reason.
      const changesTested =
        against !== null &&
        category.key !== 'all-crime' &&
        o.trends.some((docs) => docs[i]?.comparison);
      return [
        category.label,
        formatCount(total),
        above?.join(', ') || '–',
        changesTested ? String(rises) : '–',
        changesTested ? String(falls) : '–',
        untested === o.districts.length
          ? '–'
          : `${exceptions}${untested > 0 ? ` (${untested} not tested)` : ''}`,
      ];
    });
    const first = o.trends[0]?.[0];
    return [
      `${o.within.name}: ${o.districts.length} districts, ${o.period.from}..${o.period.to}` +
        (against ? ` against ${against}` : ' (no earlier period held to compare with)'),
      ...(first?.coverage.partial ? [`PARTIAL PERIOD: ${first.coverage.words}.`] : []),
      ...[...new Set(o.trends.flat().flatMap((d) => d.comparison?.discontinuities ?? []))].map(
        (d) => `Comparisons span a known discontinuity: ${d}.`,
      ),
      '',
      formatTable(
        ['category', 'records', 'districts above the 95% funnel limit', 'rises', 'falls', 'exc.'],
        rows,
        ['left', 'right', 'left', 'right', 'right', 'right'],
      ),
      '',
      o.comparisons.some((c) => c.limitsMethod === 'poisson')
        ? `Funnel: each district against the count expected at the group’s rate. ${spreadNotEstimated(o.districts.length, 'districts')}`
        : 'Funnel: each district against the count expected at the group’s rate, with limits allowing for the usual spread between districts (overdispersion; lantern compare --limits poisson for chance alone).',
      'Rises, falls: districts with a significant change against the comparison period (exact test, p < 0.05 after Holm’s adjustment across each district’s categories; all crime is not tested separately).',
      'exc.: district-months in the period above the 99.8% range expected from the district’s own history (trend and season, allowing for how much its counts vary), fitted without that month.',
      ...notTestedNotes(o, against),
      'Each district’s figures: lantern trends --area D --all, lantern exceptions --area D --category C, or --json here.',
      'Counts are of recorded crime: much is never reported, and ASB least of all.',
    ].join('\n');
  },
});

/** Why a "–" stands where a count of changes or exceptions would: what was not tested. */
function notTestedNotes(o: PartnershipOverview, against: string | null): string[] {
  const notes: string[] = [];
  if (against === null)
    notes.push(
      'Rises, falls “–”: not tested: no earlier period is held to compare with (import the months before the period).',
    );
  const reasons = [...new Set(o.exceptionsNotTested.map((e) => e.reason))];
  if (reasons.length > 0) {
    const all = o.exceptionsNotTested.length === o.districts.length * o.categories.length;
    notes.push(
      `exc. “–”${all ? '' : ' or “not tested”'}: not tested for ${all ? 'any district' : 'some districts'}: ${reasons.map((r) => r.charAt(0).toLowerCase() + r.slice(1)).join(' ')}`,
    );
  }
  return notes;
}
