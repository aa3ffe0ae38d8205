/**
 * What frames the infographic's panels: the header band (the partnership on A4, "Community
 * safety in <area>", the period), the source and caveats at the foot, and the limits on how many
 * priorities, trends and contacts a page holds.
 */
import { el } from '../charts/svg.js';
import type { InfographicData } from './infographic-types.js';
import { COLOURS, wrapped, type Metrics } from './infographic-layout.js';

export const MAX_PRIORITIES = 5;
export const MAX_TRENDS = 4;
export const MAX_CONTACTS = 5;
export const NOTE_TITLE = 'Not all crime is reported';

/** The priorities by rank, at most five. */
export function topPriorities(data: InfographicData): InfographicData['priorities'] {
  return [...data.priorities].sort((p, q) => p.rank - q.rank).slice(0, MAX_PRIORITIES);
}

/** The full-width header band; returns its markup and height. */
export function header(data: InfographicData, period: string, m: Metrics) {
  const x = m.margin;
  const w = m.width - 2 * m.margin;
  let top = m.margin * 0.8;
  const over = wrapped(
    x,
    top,
    m.format === 'a4' ? (data.publisher ?? '') : '',
    w,
    { size: m.small, bold: true, fill: COLOURS.headerSoft },
    m,
    1,
  );
  if (over.height > 0) top += over.height + m.headline * 0.45;
  const head = wrapped(
    x,
    top,
    `Community safety in ${data.area}`,
    w,
    { size: m.headline, bold: true, fill: COLOURS.headerText },
    m,
    2,
  );
  top += head.height + m.headline * 0.4;
  const when = wrapped(
    x,
    top,
    `Strategic assessment: ${period}${data.partial ? ` (partial period, ${data.partial})` : ''}${data.draft ? ' · DRAFT' : ''}`,
    w,
    { size: m.heading, fill: COLOURS.headerSoft },
    m,
    2,
  );
  top += when.height + m.margin * 0.75;
  const stripe = Math.max(4, m.gap * 0.3);
  return {
    markup: [
      el('rect', { x: 0, y: 0, width: m.width, height: top, fill: COLOURS.header }),
      el('rect', { x: 0, y: top, width: m.width, height: stripe, fill: COLOURS.accent }),
      over.markup,
      head.markup,
      when.markup,
    ].join('\n'),
    height: top + stripe,
  };
}

/** Source and caveats on the page below the panels: the height, and a function to draw them. */
export function footer(data: InfographicData, m: Metrics) {
  const x = m.margin;
  const w = m.width - 2 * m.margin;
  const style = { size: m.small, fill: COLOURS.muted };
  const caveats = data.caveats
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .join(' · ');
  const ruleGap = m.small * 0.9;
  const sourceH = wrapped(x, 0, data.source, w, style, m, m.lines.source).height;
  const notesH = wrapped(x, 0, caveats, w, style, m, m.lines.caveats).height;
  const height = ruleGap + sourceH + (notesH > 0 ? m.small * 0.45 + notesH : 0);
  const draw = (top: number) =>
    [
      el('line', { x1: x, y1: top, x2: x + w, y2: top, stroke: COLOURS.border, 'stroke-width': 1 }),
      wrapped(x, top + ruleGap, data.source, w, style, m, m.lines.source).markup,
      notesH > 0
        ? wrapped(
            x,
            top + ruleGap + sourceH + m.small * 0.45,
            caveats,
            w,
            style,
            m,
            m.lines.caveats,
          ).markup
        : '',
    ]
      .filter((s) => s !== '')
      .join('\n');
  return { height, draw };
}
