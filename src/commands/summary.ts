/** `lantern summary`: an area's street records by category and month. */
import { AREA_TYPES } from '../domain/area.js';
import { CATEGORY_NAMES, CATEGORY_SHORT } from '../domain/categories.js';
import type { Month } from '../domain/month.js';
import type { AreaSummary, CategorySummary } from '../usecases/summarise-area.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';
import { summaryTables } from './document-tables.js';

export const summaryCommand = defineCommand({
  name: 'summary',
  task: 'Look at an area',
  summary:
    "An area's street records by category and month: missing months marked missing, never zero",
  description:
    'Crime totals exclude anti-social behaviour (ASB), which is shown apart. A month no file of the force covers is missing, not zero, and left out of the totals.',
  examples: [
    'lantern summary --area "Three Rivers"',
    'lantern summary --area "Three Rivers" --period 2025-26',
    'lantern summary --area hertfordshire --period last-12-months',
  ],
  options: {
    area: option.area(),
    period: option.period(undefined, 'every month held'),
    type: option.choice('which kind of area the name means, when two share it', AREA_TYPES),
    ...settingOptions('disclosure'),
  },
  store: 'read',
  async run(deps, input) {
    const { summariseArea } = await import('../usecases/summarise-area.js');
    const { loadSettings } = await import('../config/settings.js');
    return summariseArea(deps.db, deps.scope, {
      area: input.area,
      areaType: input.type,
      period: await periodOf(deps, input.period, { area: input.area }),
      ...(await loadSettings(input, ['disclosure'])),
    });
  },
  text: (s) => formatSummary(s),
  tables: (s) => summaryTables(s),
});

export function formatSummary(s: AreaSummary): string {
  const shown = s.categories.filter(
    (c) => c.total === null || c.total > 0 || c.category in CATEGORY_SHORT,
  );
  const crimeCats = shown.filter((c) => c.category !== 'anti-social-behaviour');
  const asb = shown.find((c) => c.category === 'anti-social-behaviour');
  const headers = ['month', 'crime', 'ASB', ...crimeCats.map((c) => CATEGORY_SHORT[c.category])];
  // A count held back by disclosure control (a totals-only caller) is printed as such.
  const words = (as: 'fewer than' | 'not shown') =>
    as === 'fewer than' ? `<${s.disclosure?.threshold ?? 5}` : 'n/s';
  const cell = (c: CategorySummary | undefined, month: Month) => {
    const held = c?.withheld?.[month];
    return held ? words(held) : formatCount(c?.byMonth[month] ?? 0);
  };
  const rows = s.months.map(({ month, status }) => {
    if (status === 'missing') return [month, 'missing', '', ...crimeCats.map(() => '')];
    // The month's crime as counted (or held back), never the sum of the categories shown.
    const heldCrime = s.disclosure?.monthCrime[month];
    return [
      month,
      heldCrime ? words(heldCrime) : formatCount(s.crimeByMonth[month] ?? 0),
      cell(asb, month),
      ...crimeCats.map((c) => cell(c, month)),
    ];
  });
  const total = (c: CategorySummary | undefined) =>
    c?.totalWithheld ? words(c.totalWithheld) : formatCount(c?.total ?? 0);
  rows.push([
    'total',
    s.disclosure?.crime ? words(s.disclosure.crime) : formatCount(s.totals.crime),
    total(asb),
    ...crimeCats.map((c) => total(c)),
  ]);
  const observed = s.months.filter((m) => m.status === 'observed').length;
  const pop = s.population
    ? `population ${formatCount(s.population.count)} (${s.population.year}, ${s.population.source})`
    : 'population unknown';
  const legend = crimeCats.map(
    (c) => `${CATEGORY_SHORT[c.category]} = ${CATEGORY_NAMES[c.category]}`,
  );
  return [
    `${s.area.name} (${s.area.type} ${s.area.code}), ` +
      `${s.period.from === s.period.to ? s.period.from : `${s.period.from}..${s.period.to}`}: ` +
      `${observed} of ${s.months.length} month${s.months.length === 1 ? '' : 's'} observed; ${pop}`,
    '',
    formatTable(headers, rows, ['left', ...headers.slice(1).map(() => 'right' as const)]),
    '',
    ...s.notes,
    `Key: ${legend.join('; ')}${s.disclosure ? `; <${s.disclosure.threshold} = fewer than ${s.disclosure.threshold}; n/s = not shown` : ''}.`,
  ].join('\n');
}
