/**
 * `lantern near-repeat`: the Knox test for near repeats in dated partner data (police.uk records
 * give only the month, so they are refused): Knox ratios, observed and expected pairs, and
 * p-values by distance × time band.
 */
import { z } from 'zod';

import { bandProblem, MAX_BANDS } from '../analysis/knox-bands.js';
import type { NearRepeatCell, NearRepeatResult } from '../usecases/near-repeat.js';
import { defineCommand, type OptionSpec } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';

/** Breakpoints typed as "0,100,200": numbers from 0, increasing, at most MAX_BANDS bands. */
function bands(
  description: string,
  placeholder: string,
  defaultText: string,
  unit: 'metres' | 'days',
): OptionSpec<number[] | undefined> {
  const schema = z
    .string()
    .transform((text, ctx) => {
      const refuse = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      const parts = text.split(',').map((s) => s.trim());
      const values = parts.map(Number);
      if (parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v)))
        return refuse(
          `"${text}" is not a list of numbers (expected breakpoints such as 0,100,200)`,
        );
      const problem = bandProblem(values);
      if (problem) return refuse(`${problem} (got ${values.join(',')})`);
      if (values.length - 1 > MAX_BANDS)
        return refuse(`at most ${MAX_BANDS} bands (got ${values.length - 1})`);
      if (unit === 'days' && values.some((b) => !Number.isInteger(b)))
        return refuse('events are dated to the day, so breakpoints are whole days');
      return values;
    })
    .optional();
  return { kind: 'string', description, placeholder, schema, defaultText };
}

export const nearRepeatCommand = defineCommand({
  name: 'near-repeat',
  task: 'Places and patterns',
  summary: 'Knox test: do incidents come close in space and time more than chance?',
  description:
    'Every pair of dated events is counted by distance and days apart, against the counts expected when the dates are shuffled among the events (Monte Carlo permutations). It needs the day of each event, so it runs on dated partner data (asb-council, fly-tipping, hate-crime), not police.uk records, which give only the month. A high Knox ratio says events cluster in space and time; it cannot say whether one event led to the next, and many cells are tested at once, so some look significant by chance.',
  examples: [
    'lantern near-repeat --area "Three Rivers" --dataset asb-council --period 2025',
    'lantern near-repeat --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12 --distance-bands 0,50,100,200 --time-bands 0,3,7,14',
    'lantern near-repeat --area "Three Rivers" --dataset asb-council --period 2025 --iterations 9999 --seed 7',
  ],
  options: {
    area: option.area(),
    dataset: option.text(
      'a dated partner dataset with a place for each event: asb-council, fly-tipping or hate-crime',
      'DATASET',
    ),
    category: option.text("one of the dataset's categories (default: all of them)", 'CATEGORY'),
    period: option.requiredPeriod(),
    distanceBands: bands(
      'distance breakpoints in metres, from 0 and increasing: each band runs from one to the next',
      'M,M,...',
      '0,100,200,400,800',
      'metres',
    ),
    timeBands: bands(
      'time breakpoints in whole days, from 0 and increasing: each band runs from one to the next',
      'D,D,...',
      '0,7,14,21,28',
      'days',
    ),
    iterations: option.number(
      'how many random permutations of the dates the expected counts and p-values come from, 1 to 99,999 (more: smaller p-values possible, slower); over the HTTP API, only as many as take a few seconds for the events asked for (the answer says how many)',
      { integer: true, min: 1, max: 99_999, defaultText: '999' },
    ),
    seed: option.number('the seed of the permutations: the same seed gives the same result', {
      integer: true,
      min: 0,
      max: 2 ** 32 - 1,
      defaultText: '1',
    }),
  },
  store: 'read',
  async run(deps, input) {
    const { InputError } = await import('../errors.js');
    if (!input.dataset && !input.category)
      throw new InputError(
        'near-repeat: give ⟨dataset⟩ NAME (dated partner data: asb-council, fly-tipping, hate-crime)',
      );
    const { nearRepeat, SERVED_MAX_WORK } = await import('../usecases/near-repeat.js');
    return nearRepeat(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      dataset: input.dataset,
      category: input.category,
      distanceBands: input.distanceBands,
      timeBands: input.timeBands,
      iterations: input.iterations,
      seed: input.seed,
      ...(deps.served ? { maxWork: SERVED_MAX_WORK } : {}),
    });
  },
  text(r: NearRepeatResult) {
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
    return [
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
    ].join('\n');
  },
});
