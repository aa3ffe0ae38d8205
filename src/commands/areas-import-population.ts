/** `lantern areas import-population FILE`: populations by area code, for a year. */
import { z } from 'zod';

import type { PopulationImportReport } from '../usecases/import-population.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount } from './table.js';

export const areasImportPopulationCommand = defineCommand({
  name: 'areas import-population',
  task: 'Get data in',
  summary:
    'Populations by area code for a year (ONS mid-year estimates, or any CSV of codes and counts)',
  description:
    'At LSOA, ward, district or higher; LSOA or ward figures are summed up the register where every sub-area has one. A rate uses the population of the year held nearest the period, and says which.',
  examples: [
    'lantern areas import-population mid-2022-lsoa.csv --year 2022 --source "ONS mid-2022 estimates"',
    'lantern areas import-population ts021-ethnic-group-ltla.csv --year 2021 --source "ONS Census 2021 TS021" --ethnic-group-column "Ethnic group (6 categories)"',
  ],
  positionals: {
    key: 'file',
    placeholder: 'FILE',
    description: 'the population file (CSV)',
    schema: z
      .array(z.string())
      .length(1, 'name one population file (CSV)')
      .transform((a) => a[0] as string),
  },
  options: {
    year: option.number('the year the figures are for (read from a "Mid-2023" header if absent)', {
      integer: true,
      min: 1900,
      max: 2100,
      placeholder: 'YYYY',
    }),
    source: option.text('where the figures come from, as outputs will name it', 'TEXT'),
    codeColumn: option.text(
      'the column holding ONS area codes (found by its header if absent)',
      'NAME',
    ),
    countColumn: option.text(
      'the column holding the counts (found by its header if absent)',
      'NAME',
    ),
    ethnicGroupColumn: option.text(
      'for a Census table by ethnic group (e.g. 2021 TS021, by district): the column naming the group; stop-search then uses the year nearest its searches',
      'NAME',
    ),
  },
  store: 'existing',
  async run(deps, input) {
    const { importPopulation } = await import('../usecases/import-population.js');
    return importPopulation(deps.db, input.file, {
      year: input.year,
      source: input.source,
      codeColumn: input.codeColumn,
      countColumn: input.countColumn,
      ethnicGroupColumn: input.ethnicGroupColumn,
    });
  },
  text(report: PopulationImportReport) {
    const types = Object.entries(report.byType)
      .map(([type, n]) => `${formatCount(n)} ${type}`)
      .join(', ');
    if (report.ethnicGroups)
      return [
        `${report.path}: populations by ethnic group for ${report.year}, source "${report.source}": ` +
          `${formatCount(report.ethnicGroups.districts)} districts stored by the five broad groups; ` +
          `${formatCount(report.rejected)} rows rejected.`,
        ...report.rejectedSample.map((r) => `    line ${r.line}: ${r.field}: ${r.reason}`),
      ].join('\n');
    return [
      `${report.path}: populations for mid-${report.year} ("${report.countColumn}" by "${report.codeColumn}"), ` +
        `source "${report.source}": ${types} stored; ${formatCount(report.derived)} larger areas summed from them; ` +
        `${formatCount(report.rejected)} rows rejected.`,
      ...report.rejectedSample.map((r) => `    line ${r.line}: ${r.field}: ${r.reason}`),
    ].join('\n');
  },
});
