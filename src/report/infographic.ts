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
import type { MapPlaces } from '../charts/hotspot-map.js';
import { chartId, svgDocument } from '../charts/svg.js';
import { formatPercentChange, listJoin } from '../charts/text.js';
import { COLOURS, METRICS, type Metrics } from './infographic-layout.js';
import { MAX_TRENDS, topPriorities } from './infographic-chrome.js';
import { pageBody } from './infographic-page.js';
import {
  changeShown,
  changeWords,
  countText,
  figureText,
  periodInWords,
  yearEarlier,
  type Audience,
} from './infographic-text.js';

export interface InfographicFigure {
  count: number | null;
  previous: number | null;
  changePct: number | null;
  significant: boolean;
  /** A public total given as a range, with no change (report/public-data.ts). */
  countRange?: [number, number] | null;
  previousRange?: [number, number] | null;
  /** The count over the months compared, where some month held had no counterpart. */
  comparedCount?: number | null;
}

export interface InfographicData {
  area: string;
  /** 'YYYY-MM' months. */
  period: { from: string; to: string };
  audience: 'partner' | 'public';
  /** crime = all police-recorded crime excluding anti-social behaviour. */
  totals: { crime: InfographicFigure; asb: InfographicFigure };
  /** The top 3 to 5 (more are left off). */
  priorities: { rank: number; label: string; band: 'High' | 'Medium' | 'Low' }[];
  /** 3 or 4 key trends (more are left off). */
  trends: ({ label: string } & InfographicFigure)[];
  /** British National Grid metres, as hotspotMap takes. */
  hotspot: {
    title: string;
    outline: [number, number][][];
    cells: { x: number; y: number; size: number; count: number }[];
    /** The wards (or districts) outlined and named on the map. */
    places?: MapPlaces | null;
  } | null;
  /** One sentence on what goes unreported. */
  hiddenFigure: string | null;
  /**
   * The "How to report" panel, e.g. { label: 'Emergency', detail: '999' }; `unconfirmed`: still
   * the bundled example, drawn with "Not yet confirmed by the partnership" under it.
   */
  contacts: { label: string; detail: string; unconfirmed?: boolean }[];
  source: string;
  /** Short lines, e.g. "Locations are approximate". */
  caveats: string[];
  /** The period the changes compare with (default: the same months a year earlier). */
  comparedWith?: { from: string; to: string };
  /**
   * The changes' base in words, when not simply the year before ("2021 (4 years earlier)",
   * "January to February and April to December 2021"); preferred over comparedWith.
   */
  comparedWords?: string;
  /** The period is partly held: "6 of 12 months held: January to June 2025"; every tile says so. */
  partial?: string | null;
  /** A draft: some of what it shows is not yet confirmed by the partnership (said in the header). */
  draft?: boolean;
  /** Prefix for the ids inside the SVG, when a page holds more than one (default "infographic"). */
  id?: string;
  /** The line above the title on A4 (who publishes it), e.g. "Three Rivers Community Safety Partnership". */
  publisher?: string;
}

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
    trends.length > 0 ? `Key trends: ${trends.join('; ')}.` : '',
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
