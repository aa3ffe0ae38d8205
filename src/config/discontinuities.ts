/**
 * Known discontinuities in recorded crime (config/discontinuities.yaml by default): COVID-19
 * restriction periods for England and for Wales, and changes of recording practice, each with its
 * months, the nations and categories it affects, and its source. Validated with a schema; a
 * period that ends before it starts, a change given an end, or an id used twice is refused with
 * the file and line.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { isCategory } from '../domain/categories.js';
import type { Discontinuity } from '../domain/discontinuities.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_DISCONTINUITIES_FILE = fileURLToPath(
  new URL('../../config/discontinuities.yaml', import.meta.url),
);

// YAML reads 2020-03 as text, but a quoted or unquoted month both arrive here as strings.
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/u, 'a month YYYY-MM');

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/u, 'lower-case letters, digits and hyphens'),
    title: z.string().min(1),
    nations: z.array(z.enum(['England', 'Wales'])).min(1),
    kind: z.enum(['period', 'change']),
    from: month,
    to: month.optional(),
    categories: z.array(z.string()).min(1).optional(),
    source: z.string().min(1),
    verified: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

const fileSchema = z.object({ discontinuities: z.array(entrySchema) }).strict();

export async function loadDiscontinuities(
  path: string = DEFAULT_DISCONTINUITIES_FILE,
): Promise<Discontinuity[]> {
  const data = await readYamlFile(path, fileSchema, 'discontinuities file', (d, refuse) => {
    const ids = new Set<string>();
    d.discontinuities.forEach((e, i) => {
      if (ids.has(e.id)) refuse(['discontinuities', i, 'id'], `the id ${e.id} is used twice`);
      ids.add(e.id);
      if (e.kind === 'period' && !e.to)
        refuse(['discontinuities', i], 'a period needs its last month (to)');
      if (e.kind === 'change' && e.to)
        refuse(['discontinuities', i, 'to'], 'a change has a first month (from) only');
      if (e.to && e.to < e.from)
        refuse(['discontinuities', i, 'to'], `${e.to} is before ${e.from}`);
      e.categories?.forEach((c, j) => {
        if (!isCategory(c))
          refuse(['discontinuities', i, 'categories', j], `"${c}" is not a police.uk category`);
      });
    });
  });
  return data.discontinuities;
}
