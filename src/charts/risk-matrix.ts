/**
 * The risk matrix: a scale × scale grid, likelihood across (1 to scale) and harm up (1 at the
 * bottom), each cell banded by its risk = harm × likelihood (High at or above bands.high,
 * Medium at or above bands.medium, else Low). Bands show as a tint and as a pattern (hatched
 * High, dotted Medium, plain Low), and each cell prints its risk score, so colour is never the
 * only cue. Issues are numbered circles (their priority rank) in their cell, laid out on a small
 * grid inside it; High issues are filled black. A cell with more issues than fit shows "+n" for
 * the rest.
 */
import { heading, PAD } from './layout.js';
import { legend } from './marks.js';
import type { LegendItem } from './marks.js';
import { INK, OKABE_ITO, ROLE } from './palette.js';
import { chartId, chartSize, el, FONT_SIZE, group, svgDocument, text } from './svg.js';
import { formatNumber, listJoin, plural } from './text.js';

export type RiskBand = 'High' | 'Medium' | 'Low';

export interface RiskIssue {
  key: string;
  label: string;
  harm: number;
  likelihood: number;
  band: RiskBand;
  rank: number;
}

export interface RiskMatrixInput {
  id: string;
  title: string;
  /** Cells per side (default 5). */
  scale?: number;
  /** Risk thresholds: High at or above `high`, Medium at or above `medium`. */
  bands: { high: number; medium: number };
  issues: readonly RiskIssue[];
  width?: number;
  height?: number;
}

export function riskBand(risk: number, bands: RiskMatrixInput['bands']): RiskBand {
  return risk >= bands.high ? 'High' : risk >= bands.medium ? 'Medium' : 'Low';
}

const TINT: Record<RiskBand, string> = { High: ROLE.high, Medium: ROLE.medium, Low: ROLE.low };

function checkIssue(issue: RiskIssue, scale: number): void {
  for (const field of ['harm', 'likelihood'] as const) {
    const v = issue[field];
    if (!Number.isInteger(v) || v < 1 || v > scale) {
      throw new RangeError(
        `issues: ${issue.key}: ${field} must be a whole number 1–${scale}, got ${v}`,
      );
    }
  }
}

/** "15–25", or "≥ 15" when the thresholds are not whole numbers. */
function bandRange(band: RiskBand, bands: RiskMatrixInput['bands'], scale: number): string {
  const whole = Number.isInteger(bands.high) && Number.isInteger(bands.medium);
  const span = (a: number, b: number) => (a >= b ? formatNumber(a) : `${a}–${b}`);
  if (!whole) {
    if (band === 'High') return `risk ≥ ${bands.high}`;
    if (band === 'Medium') return `risk ≥ ${bands.medium}`;
    return `risk < ${bands.medium}`;
  }
  if (band === 'High') return `risk ${span(bands.high, scale * scale)}`;
  if (band === 'Medium') return `risk ${span(bands.medium, bands.high - 1)}`;
  return `risk ${span(1, bands.medium - 1)}`;
}

const risk = (i: RiskIssue) => i.harm * i.likelihood;
const matrix = (scale: number) => `${scale} × ${scale} matrix`;

function describe(input: RiskMatrixInput, scale: number, issues: readonly RiskIssue[]): string {
  const by = (band: RiskBand) => issues.filter((i) => i.band === band);
  const high = by('High').map(
    (i) => `${i.rank} ${i.label} (harm ${i.harm} × likelihood ${i.likelihood} = ${risk(i)})`,
  );
  const first =
    `${input.title}: ${plural(issues.length, 'issue')} on a ${matrix(scale)} ` +
    `of harm against likelihood.`;
  const rest = [
    ...(by('Medium').length > 0 ? [`${by('Medium').length} Medium`] : []),
    ...(by('Low').length > 0 ? [`${by('Low').length} Low`] : []),
  ];
  const second =
    high.length > 0
      ? ` High: ${listJoin(high)}${rest.length > 0 ? `; ${listJoin(rest)}` : ''}.`
      : ` No issue is High${rest.length > 0 ? `; ${listJoin(rest)}` : ''}.`;
  return first + second;
}

export function riskMatrix(input: RiskMatrixInput): string {
  const id = chartId(input.id);
  const scale = input.scale ?? 5;
  if (!Number.isInteger(scale) || scale < 2 || scale > 10) {
    throw new RangeError(`scale must be a whole number 2–10, got ${scale}`);
  }
  const { width, height } = chartSize(input.width, input.height, { width: 560, height: 540 });
  input.issues.forEach((i) => checkIssue(i, scale));
  const issues = [...input.issues].sort(
    (a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );

  const head = heading(input.title, width);
  const items: LegendItem[] = (['High', 'Medium', 'Low'] as const).map((band) => ({
    symbol: (cx, cy) =>
      el('rect', {
        x: cx - 9,
        y: cy - 7,
        width: 18,
        height: 14,
        fill: TINT[band],
        stroke: INK.frame,
      }) + el('rect', { x: cx - 9, y: cy - 7, width: 18, height: 14, fill: `url(#${id}-${band})` }),
    symbolWidth: 18,
    label: `${band} (${bandRange(band, input.bands, scale)})`,
  }));
  items.push({
    symbol: (cx, cy) => issueCircle(cx, cy, 8, '1', 'Medium'),
    symbolWidth: 16,
    label: 'Issue, by priority rank (filled: High)',
  });
  const legendHeight = legend(items, PAD, 0, width - 2 * PAD).height;

  const top = head.bottom + 24;
  const bottom = height - PAD - legendHeight - 44;
  const left = PAD + 24;
  const side = Math.max(60, Math.min(width - left - PAD, bottom - top));
  const cell = side / scale;
  const x0 = left + (width - PAD - left - side) / 2;
  const gridBottom = top + side;
  const cx = (likelihood: number) => x0 + (likelihood - 0.5) * cell;
  const cy = (harm: number) => gridBottom - (harm - 0.5) * cell;

  const cells: string[] = [];
  const axes: string[] = [];
  for (let harm = 1; harm <= scale; harm++) {
    for (let likelihood = 1; likelihood <= scale; likelihood++) {
      const risk = harm * likelihood;
      const band = riskBand(risk, input.bands);
      const x = x0 + (likelihood - 1) * cell;
      const y = gridBottom - harm * cell;
      cells.push(
        el('rect', {
          x,
          y,
          width: cell,
          height: cell,
          fill: TINT[band],
          stroke: INK.background,
          'stroke-width': 2,
        }),
        band === 'Low'
          ? ''
          : el('rect', {
              x: x + 1,
              y: y + 1,
              width: cell - 2,
              height: cell - 2,
              fill: `url(#${id}-${band})`,
            }),
        cell >= 36 ? text(x + 5, y + 4 + FONT_SIZE * 0.8, String(risk), { fill: '#3d3d3d' }) : '',
      );
    }
  }
  for (let v = 1; v <= scale; v++) {
    axes.push(
      text(cx(v), gridBottom + 8 + FONT_SIZE, String(v), {
        'text-anchor': 'middle',
        fill: INK.muted,
      }),
      text(x0 - 8, cy(v) + FONT_SIZE * 0.35, String(v), { 'text-anchor': 'end', fill: INK.muted }),
    );
  }
  axes.push(
    text(x0 + side / 2, gridBottom + 36, 'Likelihood →', {
      'text-anchor': 'middle',
      fill: INK.muted,
    }),
    text(x0 - 8, top - 10, 'Harm ↑', { fill: INK.muted }),
  );

  const circles: string[] = [];
  const byCell = new Map<string, RiskIssue[]>();
  for (const i of issues) {
    const key = `${i.harm},${i.likelihood}`;
    byCell.set(key, [...(byCell.get(key) ?? []), i]);
  }
  for (const members of byCell.values()) {
    const first = members[0] as RiskIssue;
    circles.push(...cellIssues(members, cx(first.likelihood), cy(first.harm), cell));
  }

  const patterns = el(
    'defs',
    {},
    el(
      'pattern',
      {
        id: `${id}-High`,
        width: 7,
        height: 7,
        patternUnits: 'userSpaceOnUse',
        patternTransform: 'rotate(45)',
      },
      el('line', {
        x1: 0,
        y1: 0,
        x2: 0,
        y2: 7,
        stroke: OKABE_ITO.vermillion,
        'stroke-width': 1.5,
        'stroke-opacity': 0.35,
      }),
    ),
    el(
      'pattern',
      { id: `${id}-Medium`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
      el('circle', { cx: 4, cy: 4, r: 1.1, fill: '#9a6a00', 'fill-opacity': 0.45 }),
    ),
    el('pattern', { id: `${id}-Low`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }),
  );

  const body = [
    patterns,
    head.markup,
    group({ 'data-layer': 'cells' }, cells),
    group({ 'data-layer': 'axes' }, axes),
    group({ 'data-layer': 'issues' }, circles),
    legend(items, PAD, height - PAD - legendHeight, width - 2 * PAD).markup,
  ];
  if (issues.length === 0) {
    // The grid stays (it shows the bands); the message says nothing is on it.
    body.push(
      el('rect', {
        x: x0 + side / 2 - 70,
        y: top + side / 2 - 18,
        width: 140,
        height: 32,
        fill: INK.background,
        stroke: INK.frame,
        rx: 4,
      }),
      text(x0 + side / 2, top + side / 2 + 3, 'No data', {
        'text-anchor': 'middle',
        'font-size': 14,
        fill: INK.muted,
      }),
    );
  }
  return svgDocument({
    id,
    width,
    height,
    title: input.title,
    desc:
      issues.length === 0
        ? `${input.title}: no issues scored on the ${matrix(scale)} of harm against likelihood.`
        : describe(input, scale, issues),
    body,
  });
}

function issueCircle(cx: number, cy: number, r: number, label: string, band: RiskBand): string {
  const solid = band === 'High';
  return (
    el('circle', {
      cx,
      cy,
      r,
      fill: solid ? INK.text : INK.background,
      stroke: INK.text,
      'stroke-width': 1.5,
    }) +
    text(cx, cy + (r >= 9 ? FONT_SIZE : 10) * 0.36, label, {
      'text-anchor': 'middle',
      'font-size': r >= 9 ? FONT_SIZE : 10,
      'font-weight': 'bold',
      fill: solid ? INK.background : INK.text,
    })
  );
}

/** A cell's issues on a grid of circles in the cell's lower part (the score sits top left). */
function cellIssues(issues: readonly RiskIssue[], cx: number, cy: number, cell: number): string[] {
  const pad = 4;
  const areaTop = cy - cell / 2 + (cell >= 36 ? 16 : pad);
  const areaBottom = cy + cell / 2 - pad;
  const areaW = cell - 2 * pad;
  const areaH = areaBottom - areaTop;
  const minR = 8;
  let n = issues.length;
  let cols = Math.ceil(Math.sqrt(n));
  let r = Math.min(12, areaW / cols / 2 - 1, areaH / Math.ceil(n / cols) / 2 - 1);
  let overflow = 0;
  if (r < minR) {
    // Too many for the cell at a readable size: as many as fit, the last spot says "+n".
    r = minR;
    cols = Math.max(1, Math.floor(areaW / (2 * r + 2)));
    const capacity = cols * Math.max(1, Math.floor(areaH / (2 * r + 2)));
    if (capacity < n) {
      overflow = n - (capacity - 1);
      n = capacity - 1;
    }
  }
  const slots = n + (overflow > 0 ? 1 : 0);
  const usedRows = Math.ceil(slots / cols);
  const stepX = areaW / cols;
  const stepY = Math.min(areaH / usedRows, 2 * r + 4);
  const y0 = (areaTop + areaBottom) / 2 - (usedRows * stepY) / 2;
  const out: string[] = [];
  for (let k = 0; k < slots; k++) {
    const row = Math.floor(k / cols);
    const inRow = Math.min(cols, slots - row * cols);
    const x = cx - (inRow * stepX) / 2 + (k - row * cols + 0.5) * stepX;
    const y = y0 + (row + 0.5) * stepY;
    const issue = issues[k];
    if (k < n && issue !== undefined)
      out.push(issueCircle(x, y, r, String(issue.rank), issue.band));
    else
      out.push(
        text(x, y + FONT_SIZE * 0.35, `+${overflow}`, {
          'text-anchor': 'middle',
          'font-weight': 'bold',
        }),
      );
  }
  return out;
}
