/**
 * The infographic's content chosen from the assessment's data: the totals, the top priorities,
 * a few key trends (the High police.uk priorities first, then the largest significant changes),
 * the first priority's hotspot map, one hidden-figure sentence, the contacts. Pure.
 */
import type { InfographicData } from './infographic-types.js';
import { changeShown } from './disclosure.js';
import { changeShown as changeOnPage } from './infographic-text.js';
import type { Figure, ReportData } from './report-data.js';
import { MAX_PRIORITIES } from './infographic-chrome.js';
import { surveyInWords } from '../domain/survey-name.js';

/** What "significant" means, for a reader who is not an analyst. */
export const SIGNIFICANT_MEANS = 'Significant: larger than chance would explain.';

type Ranked = Pick<ReportData['assessment']['issues'][number], 'band' | 'risk' | 'priority'>;

/**
 * What the "Top priorities" panel leaves off, in words, or null when it shows all that matter:
 * High priorities past the fifth ("5 of 6 High priorities shown: the report lists all"), or a fifth
 * place cut from a tie on every score ("Places 4 to 6 tie on every score: ...").
 */
export function prioritiesLeftOff(issues: readonly Ranked[]): string | null {
  if (issues.length <= MAX_PRIORITIES) return null;
  const high = issues.filter((i) => i.band === 'High').length;
  if (high > MAX_PRIORITIES)
    return `${MAX_PRIORITIES} of ${high} High priorities shown: the report lists all.`;
  const same = (x: Ranked, y: Ranked) =>
    x.band === y.band && x.risk === y.risk && x.priority === y.priority;
  const last = issues[MAX_PRIORITIES - 1]!;
  if (!same(last, issues[MAX_PRIORITIES]!)) return null;
  const first = issues.findIndex((i) => same(i, last)) + 1;
  const end = issues.findLastIndex((i) => same(i, last)) + 1;
  return `Places ${first} to ${end} tie on every score: ${end - MAX_PRIORITIES} of them left off here; the report lists all.`;
}

export function infographicData(data: ReportData): InfographicData {
  const a = data.assessment;
  const figure = (f: Figure) => ({
    count: f.count,
    previous: f.previous,
    changePct: f.changePct,
    significant: f.significant,
    countRange: f.countRange ?? null,
    previousRange: f.previousRange ?? null,
    comparedCount: f.comparedCount ?? null,
  });
  const highPolice = data.priorities
    .filter((p) => p.source === 'police.uk')
    .map((p) => data.categories.find((c) => c.key === p.key))
    .filter((c): c is NonNullable<typeof c> => c !== undefined);
  const changes = data.categories
    .filter(
      (c) =>
        c.significant &&
        c.changePct !== null &&
        changeShown(c.count, c.previous, data.audience) &&
        !highPolice.includes(c),
    )
    .sort(
      (x, y) =>
        Math.abs(y.changePct ?? 0) * Math.sqrt(y.count) -
        Math.abs(x.changePct ?? 0) * Math.sqrt(x.count),
    );
  const trends = [...highPolice, ...changes]
    .slice(0, 4)
    .map((c) => ({ label: c.label, ...figure(c) }));
  const mapped = data.priorities.find((p) => p.hotspot && p.hotspot.cells.length > 0);
  const hidden = data.priorities.find((p) => p.hiddenFigure);
  const tenths = hidden?.hiddenFigure ? Math.round(hidden.hiddenFigure.reportingRate * 10) : null;
  return {
    area: data.area.name,
    publisher:
      data.area.type === 'district'
        ? `${data.area.name} Community Safety Partnership`
        : `${data.area.name}: the whole ${data.forceWord ?? 'force area'}`,
    period: data.period,
    ...(data.comparisonPeriod ? { comparedWith: data.comparisonPeriod } : {}),
    ...(data.comparison &&
    (data.comparison.basis !== 'previous year' || !/^\d{4}$/u.test(data.comparison.words))
      ? {
          comparedWords:
            data.comparison.basis === 'previous year'
              ? data.comparison.words
              : `${data.comparison.words} (${data.comparison.yearsBack} years earlier)`,
        }
      : {}),
    partial: data.coverage?.partial ? data.coverage.words : null,
    draft: (data.unconfirmed ?? []).length > 0,
    audience: data.audience,
    totals: { crime: figure(data.totals.crime), asb: figure(data.totals.asb) },
    priorities: a.issues
      .slice(0, MAX_PRIORITIES)
      .map((i) => ({ rank: i.rank, label: i.label, band: i.band })),
    prioritiesNote: prioritiesLeftOff(a.issues),
    trends,
    hotspot: mapped?.hotspot
      ? {
          title: `Hotspots: ${mapped.label}`,
          outline: mapped.hotspot.outline,
          cells: mapped.hotspot.cells,
          places: data.places ?? null,
          // Numbered as the report lists them (the busiest significant hotspots).
          numbered: mapped.hotspot.top.flatMap((t) =>
            t.x !== undefined && t.y !== undefined ? [{ x: t.x, y: t.y }] : [],
          ),
        }
      : null,
    hiddenFigure:
      hidden?.hiddenFigure && tenths !== null
        ? `Only about ${Math.max(1, tenths)} in 10 incidents of ${hidden.label.toLowerCase()} are reported to the police (${surveyInWords(hidden.hiddenFigure.survey)}).`
        : null,
    contacts: data.contacts,
    source: `Source: police.uk open data${data.force ? ` (${data.force.name})` : ''}${data.partner.length > 0 ? ' and partner data' : ''}; Lantern ${data.lanternVersion}, ${data.generated}.`,
    caveats: [
      'Crime locations are approximate (police.uk anonymisation).',
      ...(data.comparison && data.comparison.discontinuities.length > 0
        ? [
            data.comparison.discontinuities.some((d) => d.startsWith('COVID-19'))
              ? 'Changes span COVID-19 restrictions: read with care.'
              : 'Changes span a change of recording rules: read with care.',
          ]
        : []),
      'All crime excludes anti-social behaviour.',
      // The panels say "significant rise" or "not significant" beside a change: say what that
      // means, as the page is often read alone (a resident reads "significant" as "large").
      ...([figure(data.totals.crime), figure(data.totals.asb), ...trends].some((f) =>
        changeOnPage(f, data.audience),
      )
        ? [SIGNIFICANT_MEANS]
        : []),
      ...(a.issues.slice(0, 5).some((i) => i.synthetic) || data.partner.some((p) => p.synthetic)
        ? ['Partner figures are SYNTHETIC demonstration data.']
        : []),
      ...(data.audience === 'public' ? ['Counts from 1 to 4 are shown as "fewer than 5".'] : []),
    ],
  };
}
