/** `lantern trends --area A (--category C | --all) [--period P]`: change, its test, and rates. */
import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { trends, type TrendDocument } from '../../usecases/trends.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export interface TrendsArgs {
  dataset?: string;
  area?: string;
  category?: string;
  all: boolean;
  period?: string;
}

export async function runTrends(ctx: CommandContext, args: TrendsArgs): Promise<number> {
  if (!args.area) throw new InputError('trends: --area is required');
  if (!args.all && !args.category && !args.dataset)
    throw new InputError('trends: give --category C (e.g. burglary) or --all');
  const period = args.period ? parsePeriod(args.period) : undefined;
  const docs = await withStore(
    ctx,
    (db) =>
      trends(db, ctx.scope, {
        area: args.area as string,
        category: args.all ? 'all' : args.category,
        dataset: args.dataset,
        period,
      }),
    { mustExist: true },
  );
  if (ctx.json) printJson(ctx, args.all ? docs : docs[0]);
  else ctx.out(args.all ? formatAll(docs, !args.dataset) : formatOne(docs[0] as TrendDocument));
  return 0;
}

const pct = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(0)}%`);
const pv = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : v < 0.001 ? '<0.001' : v.toFixed(3);
const ratio = (d: TrendDocument) =>
  d.rateRatio === null
    ? '–'
    : `${d.rateRatio.toFixed(2)} [${d.ci95?.[0].toFixed(2) ?? '?'}, ${d.ci95?.[1]?.toFixed(2) ?? '∞'}]`;

function header(d: TrendDocument): string {
  const pop = d.population
    ? `population ${formatCount(d.population.count)} (${d.population.year}, ${d.population.source})`
    : 'no population held';
  const c = d.comparison;
  return (
    `${d.area.name} (${d.area.type} ${d.area.code}), ${d.period.from}..${d.period.to}` +
    (c
      ? ` against ${c.base} (${c.basis === 'previous year' ? 'the year before' : `the latest earlier year held, ${c.yearsBack} years before`})`
      : '') +
    `; ${pop}` +
    (d.coverage.partial ? `\nPARTIAL PERIOD: ${d.coverage.words}.` : '')
  );
}

/** The count over the months compared, where it differs from the period's total. */
const comparedCount = (d: TrendDocument) =>
  d.comparison && d.comparison.current !== d.current ? d.comparison.current : null;

function formatOne(d: TrendDocument): string {
  const months = d.months.map((m) => [
    m.month,
    m.count === null ? 'missing' : formatCount(m.count),
  ]);
  return [
    header(d),
    '',
    formatTable(['month', d.label], months, ['left', 'right']),
    '',
    `Total ${formatCount(d.current)}` +
      (comparedCount(d) === null
        ? ''
        : ` (${formatCount(comparedCount(d) as number)} in the ${d.comparison?.currentMonths.length} months compared)`) +
      `; previous ${d.previous === null ? '–' : formatCount(d.previous)}; change ${pct(d.changePct)}; ` +
      `rate ratio ${ratio(d)}; p ${pv(d.pValue)}; rate ${d.ratePer1000 === null ? '–' : d.ratePer1000.toFixed(2)} per 1,000.`,
    d.reading,
    ...d.notes,
  ].join('\n');
}

function formatAll(docs: TrendDocument[], police: boolean): string {
  const first = docs[0] as TrendDocument;
  // When some months held have no counterpart, the change is on the months compared: show them.
  const split = docs.some((d) => comparedCount(d) !== null);
  const rows = docs.map((d) => [
    d.label,
    formatCount(d.current),
    ...(split ? [formatCount(d.comparison?.current ?? d.current)] : []),
    d.previous === null ? '–' : formatCount(d.previous),
    pct(d.changePct),
    ratio(d),
    pv(d.pValue),
    pv(d.pValueAdjusted),
    d.ratePer1000 === null ? '–' : d.ratePer1000.toFixed(2),
  ]);
  const tested = docs.filter(
    (d) => d.pValueAdjusted !== null && d.pValueAdjusted !== undefined,
  ).length;
  const significant = docs.filter(
    (d) => d.pValueAdjusted !== null && d.pValueAdjusted !== undefined && d.pValueAdjusted < 0.05,
  );
  return [
    header(first),
    '',
    formatTable(
      [
        'category',
        'current',
        ...(split ? ['months compared'] : []),
        'previous',
        'change',
        'rate ratio [95% CI]',
        'p',
        'p (Holm)',
        'per 1,000',
      ],
      rows,
      [
        'left',
        'right',
        ...(split ? ['right' as const] : []),
        'right',
        'right',
        'right',
        'right',
        'right',
        'right',
      ],
    ),
    '',
    significant.length > 0
      ? `Significant after Holm's adjustment for ${tested} tests:\n` +
        significant.map((d) => `  ${d.reading} Holm-adjusted p ${pv(d.pValueAdjusted)}.`).join('\n')
      : `No change is significant after Holm's adjustment for ${tested} tests.`,
    ...[...new Set(docs.flatMap((d) => d.notes))].filter((n) => !n.startsWith('ASB')),
    ...(police
      ? ['All crime excludes anti-social behaviour (ASB), which is shown on its own line.']
      : []),
    'Counts are Poisson-tested: overdispersion would make real p-values larger.',
  ].join('\n');
}
