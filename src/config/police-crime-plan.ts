/**
 * The Police and Crime Plan's objectives (config/police-crime-plan.yaml by default, an
 * illustrative placeholder): each objective with the assessment issues it covers. Validated: ids
 * unique, issue keys in Lantern's key form.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { readYamlFile } from './yaml-file.js';

export const DEFAULT_POLICE_CRIME_PLAN_FILE = fileURLToPath(
  new URL('../../config/police-crime-plan.yaml', import.meta.url),
);

const key = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/u, 'a key of lower-case words joined by hyphens');

const fileSchema = z
  .object({
    plan: z.string().min(1),
    illustrative: z.boolean().default(false),
    objectives: z
      .array(z.object({ id: key, title: z.string().min(1), issues: z.array(key).min(1) }).strict())
      .min(1),
  })
  .strict();

export type PoliceCrimePlan = z.infer<typeof fileSchema> & { path: string };

export async function loadPoliceCrimePlan(
  path: string = DEFAULT_POLICE_CRIME_PLAN_FILE,
): Promise<PoliceCrimePlan> {
  const plan = await readYamlFile(path, fileSchema, undefined, (data, refuse) => {
    const seen = new Set<string>();
    data.objectives.forEach((o, i) => {
      if (seen.has(o.id)) refuse(['objectives', i, 'id'], `"${o.id}" is given twice`);
      seen.add(o.id);
    });
  });
  return { ...plan, path };
}
