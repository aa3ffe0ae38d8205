/**
 * Disclosure control's settings (config/disclosure.yaml by default): the threshold below which a
 * count is suppressed. Validated with a schema; loaded at the edge and handed to the pure
 * disclosure module (domain/disclosure/).
 */
import { z } from 'zod';

import type { DisclosurePolicy } from '../domain/disclosure/table.js';
import { readYamlFile } from './yaml-file.js';

const fileSchema = z.object({ threshold: z.number().int().min(2).max(100) }).strict();

export async function loadDisclosurePolicy(
  path: string,
): Promise<DisclosurePolicy & { path: string }> {
  const data = await readYamlFile(path, fileSchema);
  return { threshold: data.threshold, path };
}
