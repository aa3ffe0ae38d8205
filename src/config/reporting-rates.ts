/**
 * Reporting rates (config/reporting-rates.yaml by default): for each police.uk category or
 * partner dataset category, the share of incidents that reach the police, with a range, the
 * survey it comes from, the table it is read from, its source, whether it is verified, and whether
 * it is current (false: no newer figure was found, and outputs say so). Validated with a schema; a rate
 * outside its own range, or a range outside (0, 1], is an error naming the entry.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { readYamlFile } from './yaml-file.js';

export const DEFAULT_REPORTING_RATES_FILE = fileURLToPath(
  new URL('../../config/reporting-rates.yaml', import.meta.url),
);

const share = z.number().gt(0).max(1);

const entrySchema = z
  .object({
    key: z
      .string()
      .regex(
        /^(police:[a-z-]+|dataset:[a-z-]+:[a-z-]+)$/u,
        'police:<category> or dataset:<name>:<category>',
      ),
    label: z.string().min(1),
    rate: z.object({ estimate: share, low: share, high: share }).strict().nullable(),
    measure: z.string(),
    survey: z.string(),
    /** The table or section of the publication the figure is read from. */
    table: z.string().default(''),
    source: z.string(),
    verified: z.boolean(),
    /** False: no figure more recent than this one was found (outputs say so). */
    current: z.boolean().default(true),
    note: z.string().default(''),
  })
  .strict();

const fileSchema = z.object({ rates: z.array(entrySchema) }).strict();

export type ReportingRate = z.infer<typeof entrySchema> & { configFile: string };

export async function loadReportingRates(
  path: string = DEFAULT_REPORTING_RATES_FILE,
): Promise<ReportingRate[]> {
  const data = await readYamlFile(path, fileSchema, undefined, (d, refuse) => {
    const keys = new Set<string>();
    d.rates.forEach((entry, i) => {
      if (keys.has(entry.key)) refuse(['rates', i, 'key'], `the key ${entry.key} is used twice`);
      keys.add(entry.key);
      const r = entry.rate;
      if (r && !(r.low <= r.estimate && r.estimate <= r.high))
        refuse(
          ['rates', i, 'rate'],
          `the estimate ${r.estimate} for ${entry.key} is not within its range ${r.low}..${r.high}`,
        );
    });
  });
  return data.rates.map((entry) => ({ ...entry, configFile: path }));
}
