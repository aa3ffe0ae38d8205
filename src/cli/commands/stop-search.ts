/** `lantern stop-search --force F --period P`: searches by object and outcome. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { stopSearchSummary } from '../../usecases/stop-search.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runStopSearch(
  ctx: CommandContext,
  args: { force?: string; period?: string },
): Promise<number> {
  if (!args.force) throw new InputError('stop-search: --force is required (e.g. northumbria)');
  if (!args.period) throw new InputError('stop-search: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const r = await withStore(
    ctx,
    (db) => stopSearchSummary(db, ctx.scope, { force: args.force as string, period }),
    {
      mustExist: true,
    },
  );
  if (ctx.json) {
    printJson(ctx, r);
    return 0;
  }
  const share = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
  const rows = r.objects.map((o) => [
    o.object,
    formatCount(o.searches),
    o.outcomes[0]?.outcome ?? '',
    share(o.linkedShare),
  ]);
  ctx.out(
    [
      `${r.force}, stop and search, ${r.period.from}..${r.period.to}: ${formatCount(r.searches)} searches; ` +
        `outcome linked to the object ${share(r.linkedShare)}`,
      ...(r.missingMonths.length
        ? [`Not held (unknown, not zero): ${r.missingMonths.join(', ')}.`]
        : []),
      '',
      formatTable(['object of search', 'searches', 'most common outcome', 'linked'], rows, [
        'left',
        'right',
        'left',
        'right',
      ]),
      '',
      ...r.notes,
    ].join('\n'),
  );
  return 0;
}
