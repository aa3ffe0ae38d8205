/** `lantern deprivation --area A --period P [--category C]`: records by IMD decile. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { deprivationProfile } from '../../usecases/deprivation.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runDeprivation(
  ctx: CommandContext,
  args: { area?: string; period?: string; category?: string },
): Promise<number> {
  if (!args.area) throw new InputError('deprivation: --area is required');
  if (!args.period) throw new InputError('deprivation: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const report = await withStore(
    ctx,
    (db) =>
      deprivationProfile(db, ctx.scope, {
        area: args.area as string,
        period,
        category: args.category,
      }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, report);
    return 0;
  }
  const rows = report.deciles.map((d) => [
    d.decile === null ? 'unranked' : String(d.decile),
    formatCount(d.records),
    String(d.lsoas),
    d.perLsoa === null ? '–' : d.perLsoa.toFixed(1),
  ]);
  ctx.out(
    [
      `${report.area.name}, ${report.category}, ${report.period.from}..${report.period.to}, by ${report.index} decile`,
      '',
      formatTable(['decile', 'records', 'LSOAs', 'per LSOA'], rows, [
        'left',
        'right',
        'right',
        'right',
      ]),
      '',
      ...report.notes,
    ].join('\n'),
  );
  return 0;
}
