/**
 * The police.uk outcome categories and their groups (config/police-outcomes.yaml, with its
 * source): validated with a schema; a code or name listed twice, or a group not known, is refused
 * with the file and line. The list's order is the order of finality (most final first).
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import {
  OUTCOME_GROUPS,
  outcomeCategories,
  type OutcomeCategories,
} from '../domain/outcome-groups.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_POLICE_OUTCOMES_FILE = fileURLToPath(
  new URL('../../config/police-outcomes.yaml', import.meta.url),
);

const entrySchema = z
  .object({
    code: z.string().regex(/^[a-z-]+$/u, 'the API code: lower-case letters and hyphens'),
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).optional(),
    group: z.enum(OUTCOME_GROUPS),
  })
  .strict();

const fileSchema = z.object({ categories: z.array(entrySchema).min(1) }).strict();

export async function loadPoliceOutcomes(
  path: string = DEFAULT_POLICE_OUTCOMES_FILE,
): Promise<OutcomeCategories> {
  const data = await readYamlFile(path, fileSchema, 'police outcomes file', (d, refuse) => {
    const codes = new Set<string>();
    const names = new Set<string>();
    d.categories.forEach((c, i) => {
      if (codes.has(c.code))
        refuse(['categories', i, 'code'], `the code ${c.code} is listed twice`);
      codes.add(c.code);
      for (const name of [c.name, ...(c.aliases ?? [])]) {
        if (names.has(name.toLowerCase()))
          refuse(['categories', i, 'name'], `"${name}" is listed twice`);
        names.add(name.toLowerCase());
      }
    });
  });
  return outcomeCategories(data.categories);
}
