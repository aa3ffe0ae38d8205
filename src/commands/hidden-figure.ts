/**
 * `lantern hidden-figure`: recorded counts, survey reporting rates and the estimated total
 * incidence, each rate with its survey year and source.
 */
import type { HiddenFigureReport } from '../usecases/hidden-figure.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { monthRunsText } from '../domain/held-months.js';
import { formatCount, formatTable } from './table.js';

export const hiddenFigureCommand = defineCommand({
  name: 'hidden-figure',
  task: 'Look at an area',
  summary: 'Recorded counts and the estimated total, from survey reporting rates',
  description:
    'Much crime is never reported: the estimate divides what was recorded by the share of incidents victims say they report (Crime Survey for England and Wales and others), with an interval from the count’s own uncertainty and the range of the rate. The rates are national and often years old, so the estimate is an order of magnitude for the area, not a count; where no rate is published (ASB) there is none.',
  examples: [
    'lantern hidden-figure --area "Three Rivers" --period 2025',
    'lantern hidden-figure --area "Three Rivers" --period last-12-months --json',
  ],
  options: {
    area: option.area(),
    period: option.requiredPeriod(),
    ...settingOptions('reportingRates', 'disclosure'),
  },
  store: 'read',
  async run(deps, input) {
    const { hiddenFigureTable } = await import('../usecases/hidden-figure.js');
    const { loadSettings } = await import('../config/settings.js');
    return hiddenFigureTable(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      ...(await loadSettings(input, ['reportingRates', 'disclosure']).then((s) => ({
        rates: s.reportingRates,
        disclosure: s.disclosure,
      }))),
    });
  },
  text(r: HiddenFigureReport) {
    const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;
    const rows = r.rows.map((row) => [
      row.label + (row.synthetic ? ' (synthetic)' : ''),
      row.withheld ? row.withheld : row.recorded === null ? '–' : formatCount(row.recorded),
      row.rate
        ? `${pct(row.rate.estimate)} (${pct(row.rate.low)}–${pct(row.rate.high)})`
        : 'unknown',
      row.survey,
      row.figure ? formatCount(Math.round(row.figure.estimate)) : '–',
      row.figure
        ? `${formatCount(Math.floor(row.figure.interval[0]))}–${formatCount(Math.ceil(row.figure.interval[1]))}`
        : '–',
      row.rate && !row.verified ? 'unverified' : '',
    ]);
    const notes = r.rows.flatMap((row) => row.notes.map((n) => `  ${row.label}: ${n}`));
    return [
      `${r.area.name}, ${r.period.from}..${r.period.to}: recorded and estimated total incidence`,
      ...partialLine(r),
      '',
      formatTable(
        [
          'measure',
          'recorded',
          'reported share (range)',
          'survey',
          'estimated total',
          'interval',
          '',
        ],
        rows,
        ['left', 'right', 'right', 'left', 'right', 'right', 'left'],
      ),
      '',
      `Method: ${r.method}.`,
      ...r.notes,
      `Rates from ${r.configFile}.`,
      '',
      'Notes:',
      ...notes,
    ].join('\n');
  },
});

/**
 * "PARTIAL PERIOD: 2 of 12 months held …" at the top, as trends and compare say it: the counts and
 * estimates are of the months held, which a reader of the heading alone took for the year (QA).
 */
function partialLine(r: HiddenFigureReport): string[] {
  const partial = r.rows.filter((row) => row.monthsMissing.length > 0);
  if (partial.length === 0) return [];
  const months = partial[0]!.monthsHeld + partial[0]!.monthsMissing.length;
  const same = partial.every(
    (row) =>
      row.monthsHeld === partial[0]!.monthsHeld &&
      row.monthsMissing.length === months - row.monthsHeld,
  );
  return [
    same &&
    partial.length ===
      r.rows.filter((row) => row.monthsHeld > 0 || row.monthsMissing.length > 0).length
      ? `PARTIAL PERIOD: ${partial[0]!.monthsHeld} of ${months} months held (missing: ${monthRunsText(partial[0]!.monthsMissing)}). Counts and estimates cover the months held only, not the whole period.`
      : `PARTIAL PERIOD: not every month is held for ${partial.map((row) => row.label).join(', ')}: each count and estimate covers its months held only (see the notes).`,
  ];
}
