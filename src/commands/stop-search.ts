/**
 * `lantern stop-search`: who a force (or one of its districts) stops and searches, what is found,
 * and whether it is fair.
 */
import { monthRunsText } from '../domain/held-months.js';
import { monthsIn } from '../domain/month.js';
import { PERIOD_FORMS } from '../domain/period-input.js';
import type { StopSearchReport } from '../usecases/stop-search.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatP, formatTable } from './table.js';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const range = (ci: readonly [number, number | null] | null, scale = 100, digits = 1) =>
  ci === null
    ? ''
    : `${(ci[0] * scale).toFixed(digits)}–${ci[1] === null ? '∞' : (ci[1] * scale).toFixed(digits)}`;

export const stopSearchCommand = defineCommand({
  name: 'stop-search',
  task: 'Look at an area',
  summary:
    "A force's or a district's stop and search: who is searched, find and arrest rates, disproportionality, trend and map",
  description:
    'Searches by self-defined and officer-defined ethnicity, age range, gender, legislation, object of search and outcome, each group with its find rate (an outcome other than no further action, linked to the object searched for) and arrest rate and their exact 95% intervals; disproportionality: searches per 1,000 residents of each broad ethnic group against White residents, with the exact 95% interval of the ratio and the Census year of the populations named; the trend against the same months of an earlier year with the exact test `trends` uses (Holm-adjusted across groups). Stop and search is published per force with a point but no LSOA: each search is placed in a district by its point when imported, so `--area` reads one district’s (or CSP’s) searches against its own residents; searches with no location, or at a point in no district whose boundary is held, count only for the whole force, which lists searches by district and says how many are in none. Months not held are named, never counted as zero (the demo store holds none: import a force’s files first, e.g. data/police/northumbria-stop-and-search.zip). Searches measure police activity, not crime.',
  examples: [
    'lantern stop-search --force northumbria --period 2022',
    'lantern stop-search --area "Newcastle upon Tyne" --period 2022',
    'lantern stop-search --force northumbria --period 2022 --map searches.svg',
  ],
  options: {
    force: option.text(
      'the police.uk force id (e.g. northumbria, hertfordshire); may be left out when --area is given',
      'FORCE',
    ),
    area: option.optionalArea(
      'a district or CSP (ONS code or name, e.g. "Newcastle upon Tyne") to read its searches only, or a force; give this or --force',
    ),
    period: option.requiredPeriod(`the months of the searches: ${PERIOD_FORMS}`),
    map: option.file('write a map of the searches (1 km squares) to this SVG file'),
  },
  store: 'read',
  async run(deps, input) {
    const { refuseOutputPath, writeOutputFile } = await import('../usecases/output-file.js');
    if (input.map !== undefined) refuseOutputPath(input.map, 'map', deps.db.path, 'file');
    const { stopSearchSummary } = await import('../usecases/stop-search.js');
    const report = await stopSearchSummary(deps.db, deps.scope, {
      ...(input.force !== undefined ? { force: input.force } : {}),
      ...(input.area !== undefined ? { area: input.area } : {}),
      period: await periodOf(deps, input.period, {
        area: input.area ?? input.force ?? null,
        kind: 'stop-and-search',
      }),
      withMapSvg: input.map !== undefined,
    });
    if (input.map !== undefined && report.mapSvg) {
      await writeOutputFile(input.map, report.mapSvg, 'map', deps.db.path);
    }
    return { ...report, mapFile: input.map ?? null };
  },
  json({ mapSvg: _svg, ...rest }: StopSearchReport & { mapFile: string | null }) {
    return rest;
  },
  text(r: StopSearchReport & { mapFile: string | null }) {
    const lines = [
      `${r.area ? `${r.area.name} (${r.forceName})` : r.forceName}, stop and search, ${r.period.from}..${r.period.to}: ${formatCount(r.searches)} searches` +
        (r.coverage ? ` (${r.coverage})` : ''),
      ...(r.missingMonths.length
        ? [`Not held (unknown, not zero): ${r.missingMonths.join(', ')}.`]
        : []),
      `Find rate ${pct(r.findRate)} (95% interval ${range(r.findRateCi95)}%); arrest rate ${pct(r.arrestRate)} (${range(r.arrestRateCi95)}%).`,
      '',
    ];
    const p = r.placement;
    if (p && p.districts.length > 0) {
      lines.push(
        'Searches by district (placed by their points):',
        formatTable(
          ['district', 'searches'],
          [
            ...p.districts.map((x) => [x.name, formatCount(x.searches)]),
            ...(p.elsewhere > 0 ? [["outside the force's area", formatCount(p.elsewhere)]] : []),
            ...(p.noLocation > 0
              ? [['no location (in no district)', formatCount(p.noLocation)]]
              : []),
            ...(p.noDistrict > 0
              ? [['in no district whose boundary is held', formatCount(p.noDistrict)]]
              : []),
            ...(p.notYetPlaced > 0 ? [['not yet placed', formatCount(p.notYetPlaced)]] : []),
          ],
          ['left', 'right'],
        ),
        '',
      );
    }
    const d = r.disproportionality;
    // A rate per 1,000 of fewer (or more) months than a year is not a yearly rate (QA).
    const held = monthsIn(r.period).length - r.missingMonths.length;
    if (d.population && d.groups.length > 0) {
      lines.push(
        `Disproportionality (searches per 1,000 residents, Census ${d.population.year}${held === 12 ? '' : `, over the ${held === 1 ? 'month' : `${held} months`} held`}; against White residents):`,
        formatTable(
          ['group', 'searches', 'residents', 'per 1,000', 'ratio to White', '95% interval'],
          d.groups.map((g) => [
            g.group,
            formatCount(g.searches),
            formatCount(g.residents),
            g.ratePer1000.toFixed(2),
            g.group === 'White' ? '1 (reference)' : g.ratio === null ? '–' : g.ratio.toFixed(2),
            g.group === 'White' ? '' : range(g.ci95, 1, 2),
          ]),
          ['left', 'right', 'right', 'right', 'right', 'right'],
        ),
        '',
      );
    }
    for (const b of r.breakdowns) {
      lines.push(
        `${b.label}:`,
        formatTable(
          [
            b.label.toLowerCase(),
            'searches',
            'share',
            'find rate',
            '95% interval',
            'arrest rate',
            '95% interval',
          ],
          b.groups.map((g) => [
            g.value,
            formatCount(g.searches),
            pct(g.share),
            pct(g.findRate),
            range(g.findRateCi95),
            pct(g.arrestRate),
            range(g.arrestRateCi95),
          ]),
          ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        ),
        '',
      );
    }
    // Where some months held have no counterpart, the ratio is of the months compared: their
    // count is shown beside the period's (QA: "now 520, before 45, ratio 2.16" was 97 against 45).
    const comparedCount = (t: StopSearchReport['trends'][number]) =>
      t.comparison ? t.comparison.current : t.current;
    const split = r.trends.some((t) => comparedCount(t) !== t.current);
    const trendRows = r.trends.map((t) => [
      t.label,
      formatCount(t.current),
      ...(split ? [formatCount(comparedCount(t))] : []),
      t.previous === null ? '–' : formatCount(t.previous),
      t.rateRatio === null ? '–' : t.rateRatio.toFixed(2),
      range(t.ci95, 1, 2),
      // QA: "0.000" beside a sentence saying p < 0.001.
      formatP(t.pValueAdjusted ?? t.pValue),
    ]);
    const compared = r.trends[0]?.comparison;
    lines.push(
      compared
        ? split
          ? `Trend: the months compared (${monthRunsText(compared.currentMonths)}) against the same months of ${compared.base}; the other months held have none to compare with:`
          : `Trend: the period's months against the same months of ${compared.base}:`
        : 'Trend: no earlier months held to compare with.',
      ...(compared
        ? [
            formatTable(
              [
                'searches',
                split ? 'period' : 'now',
                ...(split ? ['months compared'] : []),
                'before',
                'ratio',
                '95% interval',
                'p (Holm)',
              ],
              trendRows,
              [
                'left',
                'right',
                ...(split ? ['right' as const] : []),
                'right',
                'right',
                'right',
                'right',
              ],
            ),
          ]
        : []),
      '',
      ...(r.mapFile ? [`Map of searches written to ${r.mapFile}.`] : []),
      ...d.notes,
      ...r.notes,
    );
    return lines.join('\n');
  },
});
