/** `lantern areas`: the area register with populations (year and source) and record counts. */
import { AREA_TYPES } from '../domain/area.js';
import type { AreaListing } from '../usecases/list-areas.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount, formatTable } from './table.js';

export const areasCommand = defineCommand({
  name: 'areas',
  task: 'Look at an area',
  summary: 'The area register with populations (year and source) and record counts',
  description:
    'Lists the areas of the forces whose data the store holds (force, CSP, district, ward or LSOA), each with its population, the year and source of that population, and the street records placed in it. ⟨all⟩ lists the whole register of England and Wales.',
  examples: [
    'lantern areas',
    'lantern areas --type ward --within "Three Rivers"',
    'lantern areas --type force --all',
  ],
  options: {
    type: option.choice('the kind of area to list', AREA_TYPES, 'district'),
    within: option.optionalArea('only the areas inside this one'),
    all: option.flag('the whole register, not only the forces whose data the store holds'),
  },
  store: 'read',
  async run(deps, input) {
    const { areaListing } = await import('../usecases/list-areas.js');
    return areaListing(deps.db, deps.scope, {
      type: input.type ?? 'district',
      within: input.within,
      all: input.all,
    });
  },
  text: formatAreas,
});

function formatAreas({ type, areas, totalsOnly = [] }: AreaListing): string {
  const aggregate =
    totalsOnly.length === 0
      ? ''
      : `\nSeen as totals only (counts by category and month, small counts suppressed; see lantern trends): ${totalsOnly.map((a) => `${a.name} (${a.code})`).join(', ')}.`;
  if (areas.length === 0 && totalsOnly.length > 0)
    return `No ${type} areas seen in detail.${aggregate}`;
  if (areas.length === 0) {
    return (
      `No ${type} areas to show. The list covers the forces whose data the store holds; ` +
      'import data first, or use ⟨all⟩ for the whole register.'
    );
  }
  const lines: string[] = [];
  const withImd = type === 'lsoa';
  const rows = areas.map((a) => [
    a.code,
    a.name,
    a.population ? formatCount(a.population.count) : '–',
    a.population ? String(a.population.year) : '',
    formatCount(a.crime),
    formatCount(a.asb),
    ...(withImd ? [a.deprivation ? String(a.deprivation.decile) : '–'] : []),
  ]);
  const headers = ['code', 'name', 'population', 'year', 'crimes', 'ASB'];
  lines.push(
    formatTable(withImd ? [...headers, 'IMD decile'] : headers, rows, [
      'left',
      'left',
      'right',
      'left',
      'right',
      'right',
      'right',
    ]),
  );
  const source = areas.find((a) => a.population)?.population?.source;
  lines.push(
    `\n${areas.length} ${type} area(s). Crimes exclude anti-social behaviour (ASB), shown apart; counts are all ` +
      'street records in the store placed in the area.' +
      (source ? `\nPopulation: ${source}.` : '') +
      (withImd
        ? '\nIMD decile: English Index of Multiple Deprivation 2019, 1 = most deprived tenth of LSOAs in England.' +
          (areas.some((a) => a.code.startsWith('W'))
            ? ' Welsh LSOAs (W01) have none (–): they are ranked by the Welsh Index of Multiple Deprivation (WIMD), which Lantern does not hold.'
            : '')
        : '') +
      aggregate,
  );
  return lines.join('\n');
}
