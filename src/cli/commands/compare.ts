/** `lantern compare (--within A | --group G) --category C --period P`: districts in a funnel. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { compareAreas, type LimitsMethod } from '../../usecases/compare-areas.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export async function runCompare(
  ctx: CommandContext,
  args: {
    within?: string;
    group?: string;
    category?: string;
    period?: string;
    dataset?: string;
    limits?: string;
  },
): Promise<number> {
  const limits = args.limits === undefined ? undefined : limitsMethod(args.limits);
  if (!args.category && !args.dataset)
    throw new InputError('compare: --category is required (e.g. violent-crime, all-crime)');
  if (!args.period) throw new InputError('compare: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const result = await withStore(
    ctx,
    (db) =>
      compareAreas(db, ctx.scope, {
        within: args.within,
        group: args.group,
        category: args.category,
        dataset: args.dataset,
        period,
        limits,
      }),
    { mustExist: true },
  );
  if (ctx.json) {
    printJson(ctx, result);
    return 0;
  }
  const rows = result.areas.map((a) => [
    String(a.rank ?? '–'),
    a.name,
    formatCount(a.count),
    a.population === null ? '–' : formatCount(a.population),
    a.rate === null ? '–' : a.rate.toFixed(2),
    a.expected === null ? '–' : a.expected.toFixed(1),
    a.limits ? `${a.limits.lower95}–${a.limits.upper95}` : '–',
    a.limits ? `${a.limits.lower998}–${a.limits.upper998}` : '–',
    a.flag ?? '–',
  ]);
  ctx.out(
    [
      `${result.label}, ${result.period.from}..${result.period.to}, ${result.group}: ${result.reference.rate === null ? '–' : result.reference.rate.toFixed(2)} per 1,000 overall; ${result.limitsMethod === 'overdispersed' ? 'limits allowing for overdispersion' : 'Poisson limits (chance alone)'}`,
      '',
      formatTable(
        [
          'rank',
          'area',
          'count',
          'population',
          'per 1,000',
          'expected',
          '95% limits',
          '99.8% limits',
          'flag',
        ],
        rows,
        ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
      '',
      ...result.notes,
    ].join('\n'),
  );
  return 0;
}

function limitsMethod(value: string): LimitsMethod {
  if (value === 'overdispersed' || value === 'poisson') return value;
  throw new InputError(`--limits: "${value}" is not overdispersed or poisson`);
}
