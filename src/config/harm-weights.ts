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

/**
 * The range a weight may take. Weights are relative (ONS CSS from about 1 to 8,000, the Cambridge
 * index in days up to some thousands), and sums of weight × count must stay exact: 1e308 made
 * every sum Infinity (cameras then covered "0 of 44 incidents", and the highest harm-weighted
 * volume was chosen by order), and 5e-324 made every gain nil.
 */
export const HARM_WEIGHT_RANGE = { min: 0.001, max: 1_000_000 } as const;

const entrySchema = z
  .object({
    category: z.string(),
    weight: z
      .number()
      .min(
        HARM_WEIGHT_RANGE.min,
        `a weight is from ${HARM_WEIGHT_RANGE.min} to ${HARM_WEIGHT_RANGE.max.toLocaleString('en-GB')} (null where none is known)`,
      )
      .max(
        HARM_WEIGHT_RANGE.max,
        `a weight is from ${HARM_WEIGHT_RANGE.min} to ${HARM_WEIGHT_RANGE.max.toLocaleString('en-GB')} (null where none is known)`,
      )
      .nullable(),
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
