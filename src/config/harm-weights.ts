/**
 * Harm weights by police.uk category (config/harm-weights.yaml by default), each with its offence,
 * source and whether it is verified; `weight: null` where none is known. Validated with a schema.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { isCategory } from '../domain/categories.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_HARM_WEIGHTS_FILE = fileURLToPath(
  new URL('../../config/harm-weights.yaml', import.meta.url),
);

const entrySchema = z
  .object({
    category: z.string(),
    weight: z.number().positive().nullable(),
    offence: z.string(),
    source: z.string(),
    verified: z.boolean(),
    note: z.string().optional(),
  })
  .strict();

const fileSchema = z.object({ weights: z.array(entrySchema) }).strict();

export type HarmWeight = z.infer<typeof entrySchema>;

export async function loadHarmWeights(
  path: string = DEFAULT_HARM_WEIGHTS_FILE,
): Promise<Map<string, HarmWeight>> {
  const weights = new Map<string, HarmWeight>();
  await readYamlFile(path, fileSchema, undefined, (data, refuse) => {
    data.weights.forEach((w, i) => {
      if (!isCategory(w.category))
        refuse(['weights', i, 'category'], `"${w.category}" is not a police.uk category`);
      if (weights.has(w.category)) refuse(['weights', i], `${w.category} is listed twice`);
      weights.set(w.category, w);
    });
  });
  return weights;
}
