/**
 * The one-page infographic published with the strategic assessment: a header band, the two big
 * numbers (all police-recorded crime excluding anti-social behaviour, and anti-social behaviour)
 * with their change, the top priorities, the key trends, a small hotspot map, the hidden figure,
 * how to report, and the source and caveats. A4 portrait (794 × 1123 px at 96 dpi) for print and
 * a 1080 × 1350 card for social media.
 *
 * Pure string building, no DOM and no Node APIs, so it renders on the server and in a browser;
 * the same input gives the same bytes. Maps and arrows are the charts' own SVG, nested. Text is
 * measured (DejaVu Sans widths) and wrapped to its panel, cut with an ellipsis only as a last
 * resort. A public page never shows a count from 1 to 4: "fewer than 5" instead, and no change.
 */
import { chartId, svgDocument } from '../charts/svg.js';
import { formatPercentChange, listJoin } from '../charts/text.js';
import { COLOURS, METRICS, type Metrics } from './infographic-layout.js';
import { MAX_TRENDS, topPriorities } from './infographic-chrome.js';
import { trendsHeading } from './infographic-figures.js';
import { pageBody } from './infographic-page.js';
import type { InfographicData, InfographicFigure } from './infographic-types.js';
import {
  changeShown,
  changeWords,
  countText,
  figureText,
  periodInWords,
  yearEarlier,
  type Audience,
} from './infographic-text.js';

export type { InfographicData, InfographicFigure } from './infographic-types.js';

/** "up 6%, a significant rise", in words for the description. */
function changeInWords(f: InfographicFigure, audience: Audience): string {
  const words = changeWords(f, audience);
  if (!changeShown(f, audience) || f.changePct === null) return words;
  const pct = formatPercentChange(f.changePct);
  const moved = pct === '0%' ? 'level' : `${f.changePct > 0 ? 'up' : 'down'} ${pct.slice(1)}`;
  return `${moved}, ${words === 'no significant change' ? words : `a ${words}`}`;
}

function description(data: InfographicData, period: string, compared: string): string {
  const a = data.audience;
  const { crime, asb } = data.totals;
  const priorities = topPriorities(data).map((p) => `${p.rank}. ${p.label} (${p.band})`);
  const trends = data.trends
    .slice(0, MAX_TRENDS)
    .map((t) => `${t.label}: ${countText(t.count, a)}, ${changeInWords(t, a)}`);
  return [
    `Community safety in ${data.area}, ${period}${data.partial ? ` (partial period: ${data.partial})` : ''}.`,
    `Police-recorded crime excluding anti-social behaviour: ${figureText(crime, 'count', a)}, ` +
      `${changeInWords(crime, a)}${changeShown(crime, a) ? ` compared with ${compared}` : ''}.`,
    `Anti-social behaviour: ${figureText(asb, 'count', a)}, ${changeInWords(asb, a)}.`,
    priorities.length > 0 ? `Top priorities: ${listJoin(priorities)}.` : '',
    data.prioritiesNote ?? '',
    trends.length > 0
      ? `${trendsHeading(data.trends.slice(0, MAX_TRENDS), a)}: ${trends.join('; ')}.`
      : '',
  ]
    .filter((s) => s !== '')
    .join(' ');
}

/** The infographic as a complete SVG document, for the format's page size. */
export function infographicSvg(data: InfographicData, format: 'a4' | 'social'): string {
  const m = (METRICS as Partial<Record<string, Metrics>>)[format];
  if (m === undefined)
    throw new RangeError(`infographic format must be a4 or social, got ${format}`);
  const id = chartId(data.id ?? 'infographic');
  const period = periodInWords(data.period);
  const compared =
    data.comparedWords ?? periodInWords(data.comparedWith ?? yearEarlier(data.period));
  const body = pageBody(data, id, period, m);

  return svgDocument({
    id,
    width: m.width,
    height: m.height,
    title: `Community safety in ${data.area}: ${period}`,
    desc: description(data, period, compared),
    body,
    background: COLOURS.page,
  });
}
