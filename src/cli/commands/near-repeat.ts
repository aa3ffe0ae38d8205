/**
 * `lantern near-repeat --area A (--dataset NAME [--category C] | --category C) --period P
 *  [--distance-bands 0,100,200,400,800] [--time-bands 0,7,14,21,28] [--iterations 999] [--seed 1]`:
 * the Knox test for near repeats in dated partner data (police.uk categories are refused: months
 * only). Prints Knox ratios, observed and expected pairs, and p-values by distance × time band.
 */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { nearRepeat, parseBandList, type NearRepeatCell } from '../../usecases/near-repeat.js';
import { wholeNumberOption } from '../options.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export interface NearRepeatArgs {
  area?: string;
  dataset?: string;
  category?: string;
  period?: string;
  distanceBands?: string;
  timeBands?: string;
  iterations?: string;
  seed?: string;
}

export async function runNearRepeat(ctx: CommandContext, args: NearRepeatArgs): Promise<number> {
  if (!args.area) throw new InputError('near-repeat: --area is required');
  if (!args.period) throw new InputError('near-repeat: --period is required (YYYY-MM..YYYY-MM)');
  if (!args.dataset && !args.category)
    throw new InputError(
      'near-repeat: give --dataset NAME (dated partner data: asb-council, fly-tipping, hate-crime)',
    );
  const period = parsePeriod(args.period);
  const request = {
    area: args.area,
    period,
    dataset: args.dataset,
    category: args.category,
    distanceBands:
      args.distanceBands === undefined
        ? undefined
        : parseBandList(args.distanceBands, '--distance-bands'),
    timeBands:
      args.timeBands === undefined ? undefined : parseBandList(args.timeBands, '--time-bands'),
    iterations: wholeNumberOption('iterations', args.iterations),
    seed: wholeNumberOption('seed', args.seed),
  };
  const r = await withStore(ctx, (db) => nearRepeat(db, ctx.scope, request), { mustExist: true });
  if (ctx.json) {
    printJson(ctx, r);
    return 0;
  }

  const heads = ['', ...r.timeBands.map((b) => b.label)];
  const align = heads.map((_, i) => (i === 0 ? 'left' : 'right') as 'left' | 'right');
  const table = (cell: (c: NearRepeatCell) => string) =>
    formatTable(
      heads,
      r.cells.map((row, i) => [r.distanceBands[i]?.label ?? '', ...row.map(cell)]),
      align,
    );
  const mark = (c: NearRepeatCell) =>
    (c.pValueHolm !== null && c.pValueHolm < 0.05 ? '†' : '') +
    (c.pValue < 0.01 ? '**' : c.pValue < 0.05 ? '*' : '');
  const p = (v: number) => (v < 0.001 ? v.toExponential(1) : v.toFixed(3));
  ctx.out(
    [
      `${r.area.name}, ${r.period.from}..${r.period.to}: near repeats in ${r.label}`,
      `${formatCount(r.events)} events, ${formatCount(r.closePairs)} pairs within ` +
        `${formatCount(r.distanceBands.at(-1)?.from ?? 0)} m of each other ` +
        `(of ${formatCount(r.pairs)}); ${formatCount(r.iterations)} permutations, seed ${r.seed}`,
      '',
      'Knox ratio (observed ÷ expected pairs):',
      table((c) => (c.ratio === null ? '–' : c.ratio.toFixed(2)) + mark(c).padEnd(3)),
      '  * p < 0.05, ** p < 0.01 (unadjusted); † p < 0.05 after Holm’s adjustment',
      '',
      'Observed pairs (expected):',
      table(
        (c) =>
          `${formatCount(c.observed)} (${c.expected.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })})`,
      ),
      '',
      `p-value (unadjusted; smallest possible ${p(r.minPValue)}):`,
      table((c) => p(c.pValue)),
      '',
      `Method: ${r.method}.`,
      '',
      'Notes:',
      ...r.notes.map((n) => `  ${n}`),
    ].join('\n'),
  );
  return 0;
}
