/**
 * The tactical options library (config/tactical-options.yaml by default): options per issue, with
 * their 4P group, the side of the problem analysis triangle they work on, what is known of their
 * effect, and the Lantern analysis that shows where they would apply. Validated with a schema.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import type { TacticalOption } from '../domain/priority.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_TACTICAL_OPTIONS_FILE = fileURLToPath(
  new URL('../../config/tactical-options.yaml', import.meta.url),
);

const optionSchema = z
  .object({
    issue: z.string().min(1),
    four_p: z.enum(['pursue', 'prevent', 'protect', 'prepare']),
    triangle: z.enum(['offender', 'victim', 'place']),
    option: z.string().min(1),
    evidence: z.string().min(1),
    analysis: z.enum(['hotspots', 'repeat-locations', 'near-repeat', 'cameras']).nullable(),
  })
  .strict();

const fileSchema = z.object({ options: z.array(optionSchema) }).strict();

export type { TacticalOption };

// The schema reads exactly the domain's TacticalOption.
const _matches: z.ZodType<TacticalOption> = optionSchema;
void _matches;

export async function loadTacticalOptions(
  path: string = DEFAULT_TACTICAL_OPTIONS_FILE,
): Promise<TacticalOption[]> {
  return (await readYamlFile(path, fileSchema)).options;
}
