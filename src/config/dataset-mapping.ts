/**
 * A mapping file (`--mapping FILE`, YAML): how a partner's own spreadsheet lines up with a
 * dataset's schema — which column holds each field, how its values translate, which columns to
 * leave out, constant values for the whole file. Validated with a schema; errors name the file and
 * the place in it.
 *
 *     dataset: hate-crime          # optional: must match --dataset
 *     sheet: Offences              # XLSX sheet (default: the first)
 *     header_row: 2                # default: detected
 *     columns:                     # field: the file's column
 *       date: Recorded Date
 *       area: Ward Code
 *       strands:                   # an enum-list field from one flag column per value
 *         race: Race
 *         religion: Religion
 *     values:                      # the file's value: the schema's, per field
 *       offence_group:
 *         VAP: violence against the person
 *     ignore: [Officer Notes]      # columns to leave out
 *     constants:
 *       area: Three Rivers
 */
import { z } from 'zod';

import { NO_MAPPING, type DatasetMapping } from '../domain/dataset-mapping.js';

import { readYamlFile } from './yaml-file.js';

const mappingSchema = z
  .object({
    dataset: z.string().optional(),
    sheet: z.string().min(1).optional(),
    header_row: z.number().int().min(1).optional(),
    columns: z
      .record(z.string(), z.union([z.string().min(1), z.record(z.string(), z.string().min(1))]))
      .default({}),
    values: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    ignore: z.array(z.string()).default([]),
    constants: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
  })
  .strict();

export { NO_MAPPING, type DatasetMapping };

export async function loadDatasetMapping(path: string): Promise<DatasetMapping> {
  const m = await readYamlFile(path, mappingSchema, 'mapping file');
  return {
    dataset: m.dataset,
    sheet: m.sheet,
    headerRow: m.header_row,
    columns: m.columns,
    values: m.values,
    ignore: m.ignore,
    constants: Object.fromEntries(Object.entries(m.constants).map(([k, v]) => [k, String(v)])),
    source: path,
  };
}
