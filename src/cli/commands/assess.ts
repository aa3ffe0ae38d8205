/** `lantern assess --area A --period P [--config F]`: the risk matrix, ranked and explained. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { assess } from '../../usecases/assess.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatTable } from '../table.js';

export async function runAssess(
  ctx: CommandContext,
  args: { area?: string; period?: string; config?: string; inputs?: string; options?: string },
): Promise<number> {
  if (!args.area) throw new InputError('assess: --area is required');
  if (!args.period) throw new InputError('assess: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const a = await withStore(
    ctx,
    (db) =>
      assess(db, ctx.scope, {
        area: args.area as string,
        period,
        config: args.config,
        inputs: args.inputs,
        options: args.options,
      }),
    { readOnly: true },
  );
  if (ctx.json) {
    printJson(ctx, a);
    return 0;
  }
  const rows = a.issues.map((i) => [
    String(i.rank),
    i.label,
    String(i.harm),
    String(i.likelihood),
    String(i.risk),
    i.band,
    i.priority.toFixed(1),
    i.evidence.confidence,
    i.sensitivity.length > 1 ? i.sensitivity.join('/') : '',
  ]);
  ctx.out(
    [
      `${a.area.name}, ${a.period.from}..${a.period.to}: risk matrix (${a.configFile})`,
      '',
      formatTable(
        [
          'rank',
          'issue',
          'harm',
          'likelihood',
          'risk',
          'band',
          'priority',
          'confidence',
          'could be',
        ],
        rows,
        ['right', 'left', 'right', 'right', 'right', 'left', 'right', 'left', 'left'],
      ),
      '',
      'Why:',
      ...a.issues.map((i) => `  ${i.rank}. ${i.rationale}`),
      ...(a.issues.some((i) => i.options.length > 0)
        ? [
            '',
            'Tactical options for the High priorities (4P; problem analysis triangle):',
            ...a.issues.flatMap((i) =>
              i.options.map(
                (o) =>
                  `  ${i.label} — ${o.four_p}, ${o.triangle}: ${o.option}. ${o.evidence}` +
                  (o.run ? `\n      where: ${o.run}` : o.note ? `\n      (${o.note})` : ''),
              ),
            ),
          ]
        : []),
      '',
      ...a.notes,
    ].join('\n'),
  );
  return 0;
}
