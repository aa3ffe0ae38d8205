/**
 * Every table and chart of the strategic assessment, each under an id that its CSV file carries
 * (`data/<id>.csv`): the numbers behind a chart are its table, so a reader can check any figure and
 * a screen reader can read it. Counts pass through the disclosure rules of the audience.
 */
import { comparedWithWords, periodInWords } from './infographic-text.js';
import { reportOptions } from './report-options.js';
import {
  funnelPlot,
  hotspotMap,
  riskMatrix,
  trendChart,
  type FunnelArea,
  type TrendForecastMonth,
  type TrendMonth,
} from '../charts/index.js';
import { monthsIn } from '../domain/month.js';
import type { WithheldCount } from '../domain/assessment.js';
import { cellsShown, csvCount, csvFigure, isSmall, SUPPRESSED, WITHHELD } from './disclosure.js';
import {
  UNCONFIRMED,
  type Audience,
  type PriorityEvidence,
  type ReportData,
} from './report-data.js';
import { formatRate, roundChangePct, roundRate } from '../domain/rounding.js';
import { spreadNotEstimated } from '../analysis/area-comparison.js';

export type Cell = string | number | null;

export interface ReportTable {
  id: string;
  caption: string;
  columns: string[];
  rows: Cell[][];
  /** Columns holding counts (for the public version's check). */
  countColumns: number[];
  /**
   * How the document shows a column's numbers (domain/rounding.ts): `change` signed ("+14",
   * "−8.1"), `rate` to its decimals ("0.30"), `share` a percentage to one place ("22.0"); the CSV
   * holds the rounded number either way.
   */
  formats?: Partial<Record<number, 'change' | 'rate' | 'share'>>;
}

export interface ReportFigure {
  id: string;
  caption: string;
  svg: string;
  /** The table behind the figure (same id). */
  table: ReportTable;
  /**
   * A map's key alone (an SVG), for a page that draws the map small (a phone's width, a zoomed
   * page) to show at the size of its text; only when asked for (the dashboard's Map page).
   */
  key?: string;
}

const round = (v: number | null, digits = 1) =>
  v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

/**
 * "; ranks 5 to 9 tie on every score (band, risk and priority): their order among themselves means
 * nothing":
 * the infographic said so of Liverpool's places 5 to 9 while the table gave them ranks as if
 * they differed (reader QA on Merseyside).
 */
export function tiesText(
  issues: readonly { rank: number; band: string; risk: number; priority: number }[],
): string | null {
  const runs: [number, number][] = [];
  for (let i = 0; i < issues.length;) {
    let j = i;
    const [a] = [issues[i]!];
    while (
      j + 1 < issues.length &&
      issues[j + 1]!.band === a.band &&
      issues[j + 1]!.risk === a.risk &&
      issues[j + 1]!.priority === a.priority
    )
      j++;
    if (j > i) runs.push([issues[i]!.rank, issues[j]!.rank]);
    i = j + 1;
  }
  if (runs.length === 0) return null;
  const list = runs.map(([f, l]) => `${f} to ${l}`).join(', ');
  return `ranks ${list} tie on every score (band, risk and priority): their order among themselves means nothing`;
}

export function riskMatrixFigure(data: Pick<ReportData, 'assessment' | 'area'>): ReportFigure {
  const a = data.assessment;
  const id = 'fig-risk-matrix';
  const ties = tiesText(a.issues);
  return {
    id,
    caption: `The risk matrix: each issue placed by harm (up) and likelihood (across), numbered by its rank.`,
    svg: riskMatrix({
      id,
      title: `Risk matrix, ${data.area.name}`,
      scale: a.matrix.scale,
      bands: a.matrix.bands,
      issues: a.issues.map((i) => ({
        key: i.key,
        label: i.label,
        harm: i.harm,
        likelihood: i.likelihood,
        band: i.band,
        rank: i.rank,
      })),
    }),
    table: {
      id,
      caption: `Risk matrix: every issue ranked${ties ? `; ${ties}` : ''}`,
      columns: [
        'rank',
        'issue',
        'source',
        'harm',
        'likelihood',
        'risk',
        'band',
        'priority',
        'confidence',
        'could be',
      ],
      rows: a.issues.map((i) => [
        i.rank,
        i.label,
        i.source === 'inputs' ? 'manual scores' : i.source,
        i.harm,
        i.likelihood,
        i.risk,
        i.band,
        round(i.priority),
        i.evidence.confidence,
        i.sensitivity.join('/'),
      ]),
      countColumns: [],
    },
  };
}

/** "; the earlier period is 2021, the latest earlier year held (…); 6 of 12 months held: …". */
function periodCaption(data: ReportData): string {
  return (
    (data.comparison || data.comparisonPeriod
      ? `; the earlier period is ${comparedWithWords(data)}`
      : '; no earlier period is held') + (data.coverage?.partial ? `; ${data.coverage.words}` : '')
  );
}

/**
 * A rate over other than a year says over how many months it runs: a partly held period's (the
 * months held), and a period of four months' (Liverpool's 13.3 per 1,000 read as yearly). Empty
 * for a whole year.
 */
export function rateSpan(data: Pick<ReportData, 'coverage' | 'period'>): string {
  const n = data.coverage ? data.coverage.held : monthsIn(data.period).length;
  const months = `${n} month${n === 1 ? '' : 's'}`;
  return data.coverage?.partial ? ` over the ${months} held` : n === 12 ? '' : ` over ${months}`;
}

export function categoriesTable(data: ReportData): ReportTable {
  const aud = data.audience;
  const held = rateSpan(data);
  return {
    id: 'tab-categories',
    caption: `Police-recorded crime and ASB by category, ${data.area.name}${periodCaption(data)}`,
    columns: [
      'category',
      'recorded',
      'earlier period',
      'change %',
      significantColumn(aud),
      `rate per 1,000${held}`,
      `force rate per 1,000${held}`,
    ],
    rows: data.categories.map((c) => [
      c.label,
      csvCount(c.count, aud),
      csvCount(c.previous, aud),
      changeCell(c.changePct, c.count, c.previous, aud),
      c.pValue === null ? null : c.significant ? 'yes' : 'no',
      hideRate(c.ratePer1000, c.count, aud),
      roundRate(c.forceRatePer1000),
    ]),
    countColumns: [1, 2],
    formats: { 3: 'change', 5: 'rate', 6: 'rate' },
  };
}

export function partnerTable(data: ReportData): ReportTable {
  const aud = data.audience;
  return {
    id: 'tab-partner',
    // Each dataset is compared with the latest earlier year it holds, said row by row.
    caption: `Partner data, ${data.area.name}${data.coverage?.partial ? `; ${data.coverage.words}` : ''}`,
    columns: [
      'dataset',
      'recorded',
      'compared with',
      'earlier period',
      'change %',
      'significant',
      'synthetic',
    ],
    rows: data.partner.map((p) => [
      p.label,
      csvFigure(p, 'count', aud),
      p.comparedWith ?? null,
      csvFigure(p, 'previous', aud),
      changeCell(p.changePct, p.count, p.previous, aud),
      p.pValue === null ? null : p.significant ? 'yes' : 'no',
      p.synthetic ? 'SYNTHETIC' : 'no',
    ]),
    countColumns: [1, 3],
    formats: { 4: 'change' },
  };
}

/** A partner dataset by its categories (hate crime by strand), largest first. */
export function breakdownTables(data: ReportData): ReportTable[] {
  const aud = data.audience;
  const held = (as: WithheldCount | null | undefined) =>
    as ? (as === 'fewer than' ? SUPPRESSED : WITHHELD) : null;
  return (data.breakdowns ?? []).map((b) => {
    // With no earlier period held, the table is the period's counts alone.
    const compared = b.rows.some((r) => r.previous !== null || r.withheld?.previous);
    return {
      id: b.by ? `tab-${b.dataset}-by-${b.by.replaceAll(' ', '-')}` : `tab-${b.dataset}-counts`,
      caption: `${b.label}${b.by ? ` by ${b.by}` : ''}, ${data.area.name}${b.synthetic ? ' (SYNTHETIC)' : ''}`,
      columns: [
        b.by ?? 'count of',
        'recorded',
        ...(compared
          ? [b.comparedWith ?? 'earlier period', 'change %', significantColumn(aud)]
          : []),
      ],
      rows: b.rows.map((r) => [
        r.label,
        held(r.withheld?.count) ?? csvCount(r.count, aud),
        ...(compared
          ? [
              held(r.withheld?.previous) ?? csvCount(r.previous, aud),
              changeCell(r.changePct, r.count, r.previous, aud),
              r.significant === null ? null : r.significant ? 'yes' : 'no',
            ]
          : []),
      ]),
      countColumns: compared ? [1, 2] : [1],
      formats: compared ? { 3: 'change' } : {},
    };
  });
}

const LEFT_OUT = 'left out of the public version';

export function alignmentTables(data: ReportData): ReportTable[] {
  const a = data.assessment.alignment;
  const word = data.forceWord ?? 'force area';
  const tables: ReportTable[] = [];
  if (a.county && data.assessment.county)
    tables.push({
      id: 'tab-county-alignment',
      caption: `District High priorities against ${data.assessment.county.area.name}'s assessment`,
      columns: ['issue', 'district band', `${word} band`, 'alignment'],
      rows: [
        ...a.county.district.map((d) => [
          d.label,
          'High',
          d.county ?? 'not assessed',
          d.status === 'matches'
            ? 'matches'
            : d.status === 'differs'
              ? 'differs'
              : `not assessed for the ${word}`,
        ]),
        ...a.county.countyOnly.map((c) => [
          c.label,
          c.district ?? 'not assessed',
          'High',
          `${word} priority only`,
        ]),
      ],
      countColumns: [],
    });
  const labels = new Map(data.assessment.issues.map((i) => [i.key, i.label]));
  tables.push({
    id: 'tab-plan-alignment',
    caption: `Priorities against the ${a.plan.plan}${a.plan.illustrative ? `: ${UNCONFIRMED}` : ''}`,
    columns: ['objective', 'High priorities it covers', 'other issues it covers'],
    rows: [
      ...a.plan.objectives.map((o) => {
        // Never "none" where the public version left an issue out: which column it sat in is not
        // said either, so nothing is told of a withheld issue's band.
        const empty = o.leftOut ? LEFT_OUT : 'none';
        return [
          o.title,
          o.high.map((k) => labels.get(k) ?? k).join('; ') || empty,
          o.covered
            .filter((k) => !o.high.includes(k))
            .map((k) => labels.get(k) ?? k)
            .join('; ') || empty,
        ];
      }),
      ...(a.plan.unmapped.length > 0
        ? [
            [
              'No objective',
              a.plan.unmapped.map((k) => labels.get(k) ?? k).join('; '),
              '',
            ] as Cell[],
          ]
        : []),
    ],
    countColumns: [],
  });
  return tables;
}

export function optionsTable(p: PriorityEvidence, index: number, data: ReportData): ReportTable {
  return {
    id: `tab-p${index}-options`,
    caption: `Tactical options for ${p.label}`,
    columns: ['what would be done', 'where', 'why', 'approach', 'what is known of its effect'],
    rows: reportOptions(p, {
      areaName: data.area.name,
      period: data.period,
      audience: data.audience,
    }).map((o) => [o.what, o.where, o.why, o.approach, o.evidence]),
    countColumns: [],
  };
}

export function trendFigure(
  p: Pick<PriorityEvidence, 'label' | 'trend'>,
  index: number,
  aud: Audience,
  /** The months after the last one drawn, forecast (the dashboard's trends view). */
  forecast?: readonly TrendForecastMonth[],
): ReportFigure | null {
  if (!p.trend) return null;
  const id = `fig-p${index}-trend`;
  const small = (m: TrendMonth) => aud === 'public' && isSmall(m.count);
  const months: TrendMonth[] = p.trend.months.map((m) =>
    small(m) ? { ...m, count: null, hidden: true } : m,
  );
  return {
    id,
    caption: [
      // The range is named only where it is drawn (the public version leaves it out beside a
      // month not shown: report/public-data.ts, usecases/report-data.ts).
      months.some((m) => m.expectedLow != null)
        ? `${p.label}: recorded each month, with the range its own history expects (99.8%; from the trend, and the season where the counts show one, allowing for how much the counts vary and for the uncertainty of the fit; each month fitted without itself).`
        : `${p.label}: recorded each month.`,
      ...(p.trend.months.some(small) ? ['Months with fewer than 5 are not plotted.'] : []),
      ...p.trend.notes,
      ...(forecast && forecast.length > 0
        ? [
            'After the last month, the dashed line is the forecast, with its 80% and 95% prediction intervals (the table below the chart lists them).',
          ]
        : []),
    ].join(' '),
    svg: trendChart({
      id,
      title: `${p.label} by month`,
      months,
      ...(forecast && forecast.length > 0 ? { forecast } : {}),
    }),
    table: {
      id,
      caption: `${p.label} by month`,
      columns: ['month', 'recorded', 'expected low (99.8%)', 'expected high (99.8%)'],
      rows: p.trend.months.map((m) => [
        m.month,
        m.hidden === true ? WITHHELD : csvCount(m.count, aud),
        m.expectedLow ?? null,
        m.expectedHigh ?? null,
      ]),
      countColumns: [1],
    },
  };
}

export function funnelFigure(
  p: Pick<PriorityEvidence, 'label' | 'comparison'>,
  index: number,
  aud: Audience,
  /** How long the rates run, where not a year (`rateSpan`): " over 4 months". */
  over = '',
): ReportFigure | null {
  const c = p.comparison;
  if (!c) return null;
  const id = `fig-p${index}-funnel`;
  const areas: FunnelArea[] = c.areas.filter((a) => aud === 'partner' || !isSmall(a.count));
  const left = c.areas.length - areas.length;
  return {
    id,
    caption:
      (c.rateOf === 'areas shown'
        ? `${p.label}: rate per 1,000 residents${over} against population for the ${c.group}, with 95% and 99.8% funnel limits around the overall rate of the ${areas.length} districts shown (${formatRate(c.rate)} per 1,000). The ${left} with fewer than 5 are listed after the others in alphabetical order and left out of that rate and of the spread the limits allow for, which would otherwise give their counts away.`
        : `${p.label}: rate per 1,000 residents${over} against population for the ${c.group}, with 95% and 99.8% funnel limits around the overall rate (${formatRate(c.rate)} per 1,000).`) +
      ' ' +
      limitsWords(c, aud),
    svg: funnelPlot({
      id,
      title: `${p.label}: ${c.group} compared`,
      areas,
      rate: c.rate,
      limits: c.limits,
      limitsKind: c.limitsMethod,
    }),
    table: {
      id,
      caption: `${p.label}: ${c.group} compared`,
      columns: ['area', 'recorded', 'population', `rate per 1,000${over}`],
      rows: c.areas.map((a) => [
        a.name,
        csvCount(a.count, aud),
        a.population,
        aud === 'public' && isSmall(a.count) ? null : roundRate((a.count / a.population) * 1000),
      ]),
      countColumns: [1],
      formats: { 3: 'rate' },
    },
  };
}

/**
 * Where the area stands against the others, in words for the report: "in line with the others"
 * only where its count is inside limits that can tell. With Poisson limits (too few districts to
 * estimate how much they differ beyond chance) inside them is in line, as chance alone would
 * explain it; outside them says only that it differs by more than chance.
 */
export function comparisonSentence(
  c: NonNullable<PriorityEvidence['comparison']>,
  areaName: string,
): string | null {
  if (!c.flag) return null;
  const against = `Against the ${c.group}${c.rateOf === 'areas shown' ? ' shown' : ''}, ${areaName} is`;
  // As the funnel marks it: beyond the 99.8% limits (filled) or only the 95% (outline).
  const limits = c.beyond998 ? '99.8%' : '95%';
  if (c.limitsMethod === 'overdispersed')
    return c.flag === 'within'
      ? `${against} within the 95% limits: its rate is in line with the others.`
      : `${against} ${c.flag} the ${limits} limits.`;
  return c.flag === 'within'
    ? `${against} within the 95% limits of chance alone: its rate is in line with the others.`
    : `${against} ${c.flag} the ${limits} limits of chance alone. There are too few districts to estimate how much districts differ beyond chance, so this may be no more than the usual difference between places.`;
}

/**
 * Which funnel limits are drawn, in words for the caption: for partners with the method's name,
 * for the public in plain words (the names are under Method and caveats).
 */
function limitsWords(c: NonNullable<PriorityEvidence['comparison']>, aud: Audience): string {
  const plain = aud === 'public';
  if (c.limitsMethod === 'poisson')
    // The reason given says they allow for chance alone: the public caption does not say it twice.
    return `${plain ? '' : 'The limits are Poisson. '}${spreadNotEstimated(null, 'districts')}`;
  if (c.tau2 > 0) {
    const differ = `they typically differ by about ${Math.round(200 * Math.sqrt(c.tau2))}%`;
    return plain
      ? `The limits allow for chance and for the usual spread between districts' rates beyond it (${differ}).`
      : `The limits allow for chance and for the usual spread between districts' rates beyond it (overdispersion: ${differ}; Spiegelhalter's additive random effect).`;
  }
  return plain
    ? "The limits would allow for the usual spread between districts' rates, but these districts differ by no more than chance would make them, so the limits allow for chance alone."
    : 'The limits allow for overdispersion, but these districts differ by no more than chance would make them, so they are the Poisson limits.';
}

export function hotspotFigure(
  p: Pick<PriorityEvidence, 'label' | 'hotspot'>,
  index: number,
  data: Pick<ReportData, 'audience' | 'period' | 'area' | 'places'>,
  options: { key?: boolean } = {},
): ReportFigure | null {
  const h = p.hotspot && { ...p.hotspot, cells: cellsShown(p.hotspot.cells, data.audience) };
  if (!h || h.cells.length === 0) return null;
  const id = `fig-p${index}-hotspots`;
  // The map numbers the places the text lists, in its order, so its 1 is the text's 1.
  const numbered = h.top.flatMap((t) =>
    t.x !== undefined && t.y !== undefined ? [{ x: t.x, y: t.y }] : [],
  );
  const which =
    numbered.length > 0
      ? `the ${numbered.length === 1 ? 'busiest hotspot' : `${numbered.length} busiest hotspots`} (places that stand out from their surroundings, not always the darkest cells) numbered in the order the text lists them`
      : h.found === false
        ? 'no cell stood out as a hotspot, so none is numbered'
        : 'no hotspot is named here, so none is numbered';
  const map = {
    id,
    title: `${p.label}: where it was recorded in ${data.area.name}`,
    outline: h.outline,
    cells: h.cells,
    places: data.places ?? null,
    numbered,
  };
  return {
    id,
    caption: [
      `${p.label}: recorded incidents in ${h.cellSize} m cells, ${periodInWords(data.period)}; ${which}.`,
      ...h.notes,
    ].join(' '),
    svg: hotspotMap(map),
    ...(options.key ? { key: hotspotMap({ ...map, part: 'key' }) } : {}),
    table: {
      id,
      caption: `${p.label}: cells (British National Grid, lower-left corner)`,
      columns: ['easting', 'northing', 'cell size m', 'recorded'],
      rows: [...h.cells]
        .sort((a, b) => b.count - a.count || a.x - b.x || a.y - b.y)
        .map((c) => [c.x, c.y, c.size, csvCount(c.count, data.audience)]),
      countColumns: [3],
    },
  };
}

/** The significance column's heading: the adjustment named for partners, plain for the public. */
const significantColumn = (aud: Audience) =>
  aud === 'public' ? 'significant' : 'significant (Holm)';

function changeCell(
  changePct: number | null,
  current: number | null,
  previous: number | null,
  aud: Audience,
): Cell {
  if (changePct === null) return null;
  if (aud === 'public' && (isSmall(current) || isSmall(previous))) return 'not shown';
  return roundChangePct(changePct);
}

function hideRate(rate: number | null, count: number, aud: Audience): Cell {
  return aud === 'public' && isSmall(count) ? null : roundRate(rate);
}
