/** `lantern trends`: counts by month, the change against the same months of an earlier year, and rates. */
import { basisPhrase, type DisclosedTrendDocument as TrendDocument } from '../usecases/trends.js';
import { formatCount, formatP, formatTable } from './table.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { trendsTables } from './document-tables.js';

export const trendsCommand = defineCommand({
  name: 'trends',
  task: 'Compare and explain',
  summary:
    'Counts by month (gaps marked), the change against the same months of the nearest earlier year held, its exact test and rate ratio, and the rate per 1,000',
  description:
    'Police.uk street records by default, or a partner dataset with ⟨dataset⟩. The change is tested as two Poisson counts (exact conditional test); with ⟨all⟩ every category is tested and Holm-adjusted. Months not held are never zero: a partly held period is said, and the comparison uses the months held on both sides.',
  examples: [
    'lantern trends --area "Three Rivers" --category burglary --period 2025',
    'lantern trends --area "Three Rivers" --all --period 2025-01..2025-12',
    'lantern trends --area "Three Rivers" --dataset fly-tipping --all',
  ],
  options: {
    area: option.area(),
    category: option.text(
      "a category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), all-crime, or a partner dataset's category ('lantern categories' lists them)",
      'CATEGORY',
    ),
    all: option.flag('every category at once, Holm-adjusted'),
    period: option.period(undefined, 'the latest 12 months held'),
    dataset: option.text(
      'a partner dataset instead of police.uk records (lantern datasets)',
      'DATASET',
    ),
    ...settingOptions('discontinuities', 'disclosure'),
  },
  store: 'read',
  async run(deps, input) {
    const { InputError } = await import('../errors.js');
    if (!input.all && !input.category && !input.dataset) {
      throw new InputError('trends: give ⟨category⟩ C (e.g. burglary) or ⟨all⟩');
    }
    const { trends } = await import('../usecases/trends.js');
    const { loadSettings } = await import('../config/settings.js');
    return trends(deps.db, deps.scope, {
      area: input.area,
      category: input.all ? 'all' : input.category,
      dataset: input.dataset,
      period: await periodOf(deps, input.period, { area: input.area }),
      ...(await loadSettings(input, ['discontinuities', 'disclosure'])),
    });
  },
  text(docs, input) {
    return input.all ? formatAll(docs, !input.dataset) : formatOne(docs[0] as TrendDocument);
  },
  json(docs, input) {
    return input.all ? docs : docs[0];
  },
  jsonSchema: {
    description: "One category's document; with `all`, an array of them, one per category",
    oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }],
  },
  tables: (docs) => trendsTables(docs),
});

const pct = (v: number | null) => (v === null ? '–' : `${v >= 0 ? '+' : ''}${v.toFixed(0)}%`);

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
    (c ? ` against ${c.base} (${basisPhrase(c)})` : '') +
    `; ${pop}` +
    (d.coverage.partial ? `\nPARTIAL PERIOD: ${d.coverage.words}.` : '')
  );
}

/** The count over the months compared, where it differs from the period's total. */
/** A count as printed: "fewer than 5" or "not shown" where disclosure control held it back. */
function shownCount(d: TrendDocument, n: number | null, as: 'current' | 'previous'): string {
  const held = d.disclosure?.[as];
  if (held) return held === 'fewer than' ? `fewer than ${d.disclosure?.threshold}` : 'not shown';
  return formatCount(n);
}

const comparedCount = (d: TrendDocument) =>
  d.comparison && d.comparison.current !== d.current ? d.comparison.current : null;

function formatOne(d: TrendDocument): string {
  const months = d.months.map((m) => [
    m.month,
    m.withheld
      ? m.withheld === 'fewer than'
        ? `fewer than ${d.disclosure?.threshold}`
        : 'not shown'
      : m.count === null
        ? 'missing'
        : formatCount(m.count),
  ]);
  return [
    header(d),
    '',
    formatTable(['month', d.label], months, ['left', 'right']),
    '',
    `Total ${shownCount(d, d.current, 'current')}` +
      (comparedCount(d) === null
        ? ''
        : ` (${formatCount(comparedCount(d), 'not shown')} in the ${d.comparison?.currentMonths.length} months compared)`) +
      `; previous ${shownCount(d, d.previous, 'previous')}; change ${pct(d.changePct)}; ` +
      `rate ratio ${ratio(d)}; p ${formatP(d.pValue)}; rate ${d.ratePer1000 === null ? '–' : d.ratePer1000.toFixed(2)} per 1,000.`,
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
    shownCount(d, d.current, 'current'),
    ...(split ? [formatCount(d.comparison ? d.comparison.current : d.current, 'not shown')] : []),
    shownCount(d, d.previous, 'previous'),
    pct(d.changePct),
    ratio(d),
    formatP(d.pValue),
    formatP(d.pValueAdjusted),
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
        significant
          .map((d) => `  ${d.reading} Holm-adjusted p ${formatP(d.pValueAdjusted)}.`)
          .join('\n')
      : tested === 0
        ? docs.some((d) => d.comparison !== null)
          ? 'No change is given: each would give a count held back away.'
          : 'No change was tested: no earlier period is held to compare with.'
        : `No change is significant after Holm's adjustment for ${tested} tests.`,
    ...[...new Set(docs.flatMap((d) => d.notes))].filter((n) => !n.startsWith('ASB')),
    ...(police
      ? ['All crime excludes anti-social behaviour (ASB), which is shown on its own line.']
      : []),
    'Counts are Poisson-tested: overdispersion would make real p-values larger.',
  ].join('\n');
}
