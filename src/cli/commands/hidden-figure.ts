/**
 * `lantern hidden-figure --area A --period P [--config FILE]`: recorded counts, reporting rates
 * and the estimated total incidence, each rate with its survey year and source.
 */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { hiddenFigureTable } from '../../usecases/hidden-figure.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runHiddenFigure(
  ctx: CommandContext,
  args: { area?: string; period?: string; config?: string },
): Promise<number> {
  if (!args.area) throw new InputError('hidden-figure: --area is required');
  if (!args.period) throw new InputError('hidden-figure: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const r = await withStore(
    ctx,
    (db) =>
      hiddenFigureTable(db, ctx.scope, { area: args.area as string, period, config: args.config }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, r);
    return 0;
  }
  const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;
  const rows = r.rows.map((row) => [
    row.label + (row.synthetic ? ' (synthetic)' : ''),
    row.recorded === null ? '–' : formatCount(row.recorded),
    row.rate ? `${pct(row.rate.estimate)} (${pct(row.rate.low)}–${pct(row.rate.high)})` : 'unknown',
    row.survey,
    row.figure ? formatCount(Math.round(row.figure.estimate)) : '–',
    row.figure
      ? `${formatCount(Math.floor(row.figure.interval[0]))}–${formatCount(Math.ceil(row.figure.interval[1]))}`
      : '–',
    row.rate && !row.verified ? 'unverified' : '',
  ]);
  const notes = r.rows.flatMap((row) => row.notes.map((n) => `  ${row.label}: ${n}`));
  ctx.out(
    [
      `${r.area.name}, ${r.period.from}..${r.period.to}: recorded and estimated total incidence`,
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
    ].join('\n'),
  );
  return 0;
}
