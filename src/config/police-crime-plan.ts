/**
 * The Police and Crime Plan's objectives (config/police-crime-plan.yaml by default, an
 * illustrative placeholder, `illustrative: true`): each objective with the assessment issues it
 * covers. Validated: ids unique, issue keys in Lantern's key form. An illustrative plan is an
 * example value (config/example-values.ts): a report publishes it only as a draft.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import type { ExampleValue } from './example-values.js';
import { readYamlDocument } from './yaml-file.js';

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

export type PoliceCrimePlan = z.infer<typeof fileSchema> & {
  path: string;
  /** The plan itself when it is the illustrative example (`illustrative: true`). */
  examples: ExampleValue[];
};

export async function loadPoliceCrimePlan(
  path: string = DEFAULT_POLICE_CRIME_PLAN_FILE,
): Promise<PoliceCrimePlan> {
  const { data: plan, where } = await readYamlDocument(
    path,
    fileSchema,
    undefined,
    (data, refuse) => {
      const seen = new Set<string>();
      data.objectives.forEach((o, i) => {
        if (seen.has(o.id)) refuse(['objectives', i, 'id'], `"${o.id}" is given twice`);
        seen.add(o.id);
      });
    },
  );
  const examples: ExampleValue[] = plan.illustrative
    ? [
        {
          where: where(['illustrative']),
          what: 'the Police and Crime Plan objectives',
          value: plan.plan,
          put: "your Police and Crime Commissioner's published plan in a copy of this file (its title under plan:, each objective's title and the issues it covers), delete illustrative: true, and give the copy with --police-crime-plan FILE",
        },
      ]
    : [];
  return { ...plan, path, examples };
}
