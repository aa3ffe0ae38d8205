/** `lantern summary --area A [--period P]`: street records by category and month. */
import { CATEGORY_NAMES, CATEGORY_SHORT } from '../../domain/categories.js';
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { summariseArea, type AreaSummary } from '../../usecases/summarise-area.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';
import { parseAreaType } from './areas.js';

export interface SummaryArgs {
  area?: string;
  type?: string;
  period?: string;
}

export async function runSummary(ctx: CommandContext, args: SummaryArgs): Promise<number> {
  if (!args.area)
    throw new InputError('summary: --area is required (a code or a name, e.g. "Three Rivers")');
  const period = args.period ? parsePeriod(args.period) : undefined;
  const areaType = parseAreaType(args.type);
  const summary = await withStore(
    ctx,
    (db) => summariseArea(db, ctx.scope, { area: args.area as string, areaType, period }),
    { mustExist: true },
  );
  if (ctx.json) printJson(ctx, summary);
  else ctx.out(formatSummary(summary));
  return 0;
}

export function formatSummary(s: AreaSummary): string {
  const shown = s.categories.filter((c) => c.total > 0 || c.category in CATEGORY_SHORT);
  const crimeCats = shown.filter((c) => c.category !== 'anti-social-behaviour');
  const asb = shown.find((c) => c.category === 'anti-social-behaviour');
  const headers = ['month', 'crime', 'ASB', ...crimeCats.map((c) => CATEGORY_SHORT[c.category])];
  const rows = s.months.map(({ month, status }) => {
    if (status === 'missing') return [month, 'missing', '', ...crimeCats.map(() => '')];
    const crime = crimeCats.reduce((n, c) => n + (c.byMonth[month] ?? 0), 0);
    return [
      month,
      formatCount(crime),
      formatCount(asb?.byMonth[month] ?? 0),
      ...crimeCats.map((c) => formatCount(c.byMonth[month] ?? 0)),
    ];
  });
  rows.push([
    'total',
    formatCount(s.totals.crime),
    formatCount(s.totals.asb),
    ...crimeCats.map((c) => formatCount(c.total)),
  ]);
  const observed = s.months.filter((m) => m.status === 'observed').length;
  const pop = s.population
    ? `population ${formatCount(s.population.count)} (${s.population.year}, ${s.population.source})`
    : 'population unknown';
  const legend = crimeCats.map(
    (c) => `${CATEGORY_SHORT[c.category]} = ${CATEGORY_NAMES[c.category]}`,
  );
  return [
    `${s.area.name} (${s.area.type} ${s.area.code}), ${s.period.from}..${s.period.to}: ` +
      `${observed} of ${s.months.length} months observed; ${pop}`,
    '',
    formatTable(headers, rows, ['left', ...headers.slice(1).map(() => 'right' as const)]),
    '',
    ...s.notes,
    `Key: ${legend.join('; ')}.`,
  ].join('\n');
}
