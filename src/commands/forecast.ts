/** `lantern forecast`: the next 3 to 6 months of a category in an area, with intervals and a backtest. */
import type { AreaForecast } from '../usecases/forecast-area.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount, formatTable } from './table.js';

export const forecastCommand = defineCommand({
  name: 'forecast',
  task: 'Compare and explain',
  summary: 'The next 3 to 6 months of a category, with intervals and a backtest',
  description:
    'A quasi-Poisson regression with a trend and, where the counts support them, month-of-year effects, fitted on every month held; months not held are left out, never counted as zero. The 80% and 95% intervals include the counts’ own variability and the uncertainty of the fit. A forecast carries the past forward: it cannot foresee a change in policing, recording or anything else, and its backtest (coverage and MASE against the seasonal-naive forecast) says how far to trust it.',
  examples: [
    'lantern forecast --area "Three Rivers" --category burglary',
    'lantern forecast --area "Three Rivers" --category burglary --months 6 --backtest',
  ],
  options: {
    area: option.area(),
    category: option.requiredText(
      "a police.uk category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), or all-crime",
      'CATEGORY',
    ),
    months: option.number('how many months ahead, 3 to 6', {
      integer: true,
      min: 3,
      max: 6,
      defaultText: '3',
    }),
    backtest: option.flag(
      'show each month of the backtest (the last months held, forecast from those before them) with its intervals',
    ),
  },
  store: 'read',
  async run(deps, input) {
    const { forecastArea } = await import('../usecases/forecast-area.js');
    return forecastArea(deps.db, deps.scope, {
      area: input.area,
      category: input.category,
      months: input.months ?? 3,
    });
  },
  text(r: AreaForecast, input) {
    if (!r.ok) return `${r.area.name}, ${r.label}: no forecast — ${r.reason}.`;
    const gaps = r.gaps.map((g) => (g.from === g.to ? g.from : `${g.from}..${g.to}`)).join(', ');
    const range = ([lo, hi]: [number, number]) => `${formatCount(lo)}–${formatCount(hi)}`;
    const rows = r.forecast.map((m) => [
      m.month,
      m.expected.toFixed(1),
      range(m.pi80),
      range(m.pi95),
    ]);
    const b = r.backtest;
    const mase = (v: number | null) => (v === null ? '–' : v.toFixed(2));
    const tested = b.months.length;
    const d = r.dispersion;
    const lines = [
      `${r.area.name}, ${r.label}: forecast from the ${formatCount(r.run.months)} months held, ${r.run.from}..${r.run.to}` +
        (gaps ? `; not held, so not fitted: ${gaps}` : ''),
      `Trend ${signed((r.trendPerYear - 1) * 100)}% a year; ${r.season === 'none' ? 'no month-of-year effects (these counts do not support them)' : 'month-of-year effects'}; the counts vary ${(d.pearson as number).toFixed(1)} times as much as Poisson counts would around the model (dispersion, ${d.df} degrees of freedom).`,
      '',
      formatTable(['month', 'expected', '80% interval', '95% interval'], rows, [
        'left',
        'right',
        'right',
        'right',
      ]),
      '',
    ];
    if (input.backtest) {
      const inside = (y: number, [lo, hi]: [number, number]) => (y >= lo && y <= hi ? '' : ' ✗');
      lines.push(
        `Backtest: the last ${tested} months held, forecast from the ${formatCount(r.run.months - tested)} before them:`,
        '',
        formatTable(
          ['month', 'recorded', 'forecast', '80% interval', '95% interval', 'seasonal naive'],
          b.months.map((m) => [
            m.month,
            formatCount(m.observed),
            m.expected.toFixed(1),
            range(m.pi80) + inside(m.observed, m.pi80),
            range(m.pi95) + inside(m.observed, m.pi95),
            m.seasonalNaive === null ? '–' : formatCount(m.seasonalNaive),
          ]),
          ['left', 'right', 'right', 'right', 'right', 'right'],
        ),
        '',
        `Coverage: ${b.inside.pi80} of ${tested} inside the 80% intervals (${pct(b.coverage.pi80)}), ${b.inside.pi95} of ${tested} inside the 95% intervals (${pct(b.coverage.pi95)}); ✗ marks a month outside. Over so few months coverage is rough: see docs/benchmarks.md for it over every district and category.`,
        `MASE ${mase(b.mase)} (seasonal naive ${mase(b.maseSeasonalNaive)}).`,
      );
    } else {
      lines.push(
        `Backtest on the last ${tested} months held: ${b.inside.pi80} of ${tested} inside the 80% intervals, ${b.inside.pi95} of ${tested} inside the 95%; MASE ${mase(b.mase)} (seasonal naive ${mase(b.maseSeasonalNaive)}). ⟨backtest⟩ shows each month.`,
      );
    }
    lines.push(...r.notes);
    return lines.join('\n');
  },
});

const pct = (share: number) => `${Math.round(share * 100)}%`;
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
