/** `lantern forecast --area A --category C [--months 3..6]`. */
import { InputError } from '../../errors.js';
import { forecastArea } from '../../usecases/forecast-area.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../table.js';

export async function runForecast(
  ctx: CommandContext,
  args: { area?: string; category?: string; months?: string },
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
  if (!r.ok) {
    ctx.out(`${r.area.name}, ${r.label}: no forecast — ${r.reason}.`);
    return 0;
  }
  const rows = r.forecast.map((m) => [
    m.month,
    m.expected.toFixed(1),
    `${m.pi80[0]}–${m.pi80[1]}`,
    `${m.pi95[0]}–${m.pi95[1]}`,
  ]);
  const mase = (v: number | null) => (v === null ? '–' : v.toFixed(2));
  ctx.out(
    [
      `${r.area.name}, ${r.label}: forecast from ${r.run.from}..${r.run.to} (${formatCount(r.run.months)} months)`,
      '',
      formatTable(['month', 'expected', '80% interval', '95% interval'], rows, [
        'left',
        'right',
        'right',
        'right',
      ]),
      '',
      `Backtest on the last ${r.backtest.months.length} months: MASE ${mase(r.backtest.mase)} (seasonal naive ${mase(r.backtest.maseSeasonalNaive)}).`,
      ...r.notes,
    ].join('\n'),
  );
  return 0;
}
