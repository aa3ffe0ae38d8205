/** `lantern outcomes --area A --period P`: latest outcomes per category and the charge share. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { outcomesFor } from '../../usecases/outcomes.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runOutcomes(
  ctx: CommandContext,
  args: { area?: string; period?: string },
): Promise<number> {
  if (!args.area) throw new InputError('outcomes: --area is required');
  if (!args.period) throw new InputError('outcomes: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const report = await withStore(
    ctx,
    (db) => outcomesFor(db, ctx.scope, { area: args.area as string, period }),
    {
      mustExist: true,
    },
  );
  if (ctx.json) {
    printJson(ctx, report);
    return 0;
  }
  const rows = report.categories.map((c) => [
    c.label,
    formatCount(c.crimes),
    formatCount(c.chargedOrSummonsed),
    c.chargeShare === null ? '–' : `${(c.chargeShare * 100).toFixed(1)}%`,
    c.outcomes[0] ? `${c.outcomes[0].outcome} (${(c.outcomes[0].share * 100).toFixed(0)}%)` : '',
  ]);
  ctx.out(
    [
      `${report.area.name}, crimes of ${report.period.from}..${report.period.to}: latest outcomes`,
      '',
      formatTable(
        ['category', 'crimes', 'charged/summonsed', 'share', 'most common outcome'],
        rows,
        ['left', 'right', 'right', 'right', 'left'],
      ),
      '',
      ...report.notes,
    ].join('\n'),
  );
  return 0;
}
