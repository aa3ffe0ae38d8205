/** `lantern exceptions --area A --category C`: months above the limit expected from history. */
import { InputError } from '../../errors.js';
import { findExceptions } from '../../usecases/exceptions.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runExceptions(
  ctx: CommandContext,
  args: { area?: string; category?: string; dataset?: string },
): Promise<number> {
  if (!args.area) throw new InputError('exceptions: --area is required');
  if (!args.category && !args.dataset)
    throw new InputError('exceptions: --category is required (e.g. burglary, all-crime)');
  const r = await withStore(
    ctx,
    (db) =>
      findExceptions(db, ctx.scope, {
        area: args.area as string,
        category: args.category,
        dataset: args.dataset,
      }),
    {
      mustExist: true,
    },
  );
  if (ctx.json) {
    printJson(ctx, r);
    return 0;
  }
  const rows = r.months
    .filter((m) => m.observed !== null)
    .map((m) => [
      m.month,
      formatCount(m.observed),
      m.expected === null ? '–' : m.expected.toFixed(1),
      m.upper998 === null ? '–' : `${formatCount(m.lower998 as number)}–${formatCount(m.upper998)}`,
      m.exception === null ? 'not assessed' : m.exception ? 'EXCEPTION' : '',
    ]);
  ctx.out(
    [
      `${r.area.name}, ${r.label}: ${r.exceptions.length} exception(s)` +
        (r.trendPerYear === null
          ? ''
          : `; trend ${((r.trendPerYear - 1) * 100).toFixed(1)}% a year`),
      '',
      formatTable(['month', 'observed', 'expected', '99.8% range', ''], rows, [
        'left',
        'right',
        'right',
        'right',
        'left',
      ]),
      '',
      ...r.notes,
    ].join('\n'),
  );
  return 0;
}
