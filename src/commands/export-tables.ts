/**
 * The store's records counted for a spreadsheet or Power BI, defined as commands so that the
 * HTTP API checks their parameters (and the OpenAPI document describes them) as for any other:
 * `GET /api/export/street-records.xlsx?area=…&period=…`. Each document is one table. They are
 * exports only: the terminal has `lantern summary` and the report's CSVs.
 */
import { AREA_TYPES } from '../domain/area.js';
import type { DataTable } from '../domain/data-table.js';
import type { AnyCommand } from './definition.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';

const place = {
  area: option.area(),
  period: option.period(undefined, 'the first to the last month held'),
  type: option.choice('which kind of area the name means, when two share it', AREA_TYPES),
};

const asTable = (t: DataTable) => `${t.title}: ${t.rows.length} rows`;

/** An export of one table of records in an area and period, made by the use case `make` names. */
function recordsExport(
  name: string,
  summary: string,
  make: 'streetRecordsTable' | 'outcomesTable' | 'stopSearchTable',
) {
  return defineCommand({
    name,
    task: 'Look at an area',
    summary,
    examples: [],
    options: place,
    store: 'read',
    async run(deps, input): Promise<DataTable> {
      const tables = await import('../usecases/export-aggregates.js');
      return tables[make](deps.db, deps.scope, {
        area: input.area,
        areaType: input.type,
        period: await periodOf(deps, input.period, { area: input.area }),
      });
    },
    text: asTable,
    tables: (t) => [t],
  });
}

export const streetRecordsExport = recordsExport(
  'street-records',
  "The area's police.uk street records counted by LSOA, month and category, with the LSOA, ward and district named",
  'streetRecordsTable',
);

export const outcomesExport = recordsExport(
  'outcomes-records',
  'The outcomes recorded in the area (police.uk outcomes files) by LSOA, month and outcome',
  'outcomesTable',
);

export const stopSearchExport = recordsExport(
  'stop-search-records',
  'Stop and search by the force covering the area, by month, type, object of search and outcome',
  'stopSearchTable',
);

export const partnerCountsExport = defineCommand({
  name: 'partner-counts',
  task: 'Look at an area',
  summary: "A partner dataset's counts in the area's districts, by district, month and category",
  examples: [],
  options: {
    ...place,
    dataset: option.requiredText('the partner dataset (lantern datasets lists them)', 'DATASET'),
  },
  store: 'read',
  async run(deps, input): Promise<DataTable> {
    const { partnerCountsTable } = await import('../usecases/export-aggregates.js');
    return partnerCountsTable(deps.db, deps.scope, {
      area: input.area,
      areaType: input.type,
      period: await periodOf(deps, input.period, { area: input.area }),
      dataset: input.dataset,
    });
  },
  text: asTable,
  tables: (t) => [t],
});

/** The tables of records, by the name an export's address gives them. */
export const RECORD_EXPORTS: readonly AnyCommand[] = [
  streetRecordsExport,
  outcomesExport,
  stopSearchExport,
  partnerCountsExport,
];
