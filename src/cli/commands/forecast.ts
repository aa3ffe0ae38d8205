/** `lantern forecast --area A --category C [--months 3..6] [--backtest]`. */
import { InputError } from '../../errors.js';
import { forecastArea } from '../../usecases/forecast-area.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runForecast(
  ctx: CommandContext,
  args: { area?: string; category?: string; months?: string; backtest?: boolean },
): Promise<number> {
  if (!args.area) throw new InputError('forecast: --area is required');
  if (!args.category)
    throw new InputError('forecast: --category is required (e.g. burglary, all-crime)');
  const months = args.months === undefined ? 3 : Number(args.months);
  const r = await withStore(
    ctx,
    (db) =>
      forecastArea(db, ctx.scope, {
        area: args.area as string,
        category: args.category as string,
        months,
      }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, r);
    return 0;
  }
  const gaps = r.gaps.map((g) => (g.from === g.to ? g.from : `${g.from}..${g.to}`)).join(', ');
  if (!r.ok) {
    ctx.out(`${r.area.name}, ${r.label}: no forecast — ${r.reason}.`);
    return 0;
  }
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
  if (args.backtest) {
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
      `Backtest on the last ${tested} months held: ${b.inside.pi80} of ${tested} inside the 80% intervals, ${b.inside.pi95} of ${tested} inside the 95%; MASE ${mase(b.mase)} (seasonal naive ${mase(b.maseSeasonalNaive)}). --backtest shows each month.`,
    );
  }
  lines.push(...r.notes);
  ctx.out(lines.join('\n'));
  return 0;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`;
