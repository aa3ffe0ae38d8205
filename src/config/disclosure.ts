/**
 * Disclosure control's settings (config/disclosure.yaml by default): the threshold below which a
 * count is suppressed, and the periods public outputs may cover. Validated with a schema; loaded at the edge and handed to the pure
 * disclosure module (domain/disclosure/).
 */
import { z } from 'zod';

import { PUBLIC_PERIOD_RULES, type PublicPeriodRule } from '../domain/disclosure/public-period.js';
import type { DisclosurePolicy } from '../domain/disclosure/table.js';
import { settingFileName } from './setting-file-name.js';
import { readYamlDocument } from './yaml-file.js';

const fileSchema = z
  .object({
    threshold: z.number().int().min(2).max(100),
    publicPeriod: z
      .enum(PUBLIC_PERIOD_RULES as [PublicPeriodRule, ...PublicPeriodRule[]])
      .optional(),
  })
  .strict();

export async function loadDisclosurePolicy(
  path: string,
): Promise<DisclosurePolicy & { path: string; publicPeriod: PublicPeriodRule }> {
  const { data, where } = await readYamlDocument(path, fileSchema);
  return {
    threshold: data.threshold,
    publicPeriod: data.publicPeriod ?? 'calendar-year',
    path,
    // Named as outputs name settings files (never the server's absolute path): the public page
    // served refuses with it.
    thresholdAt: where(['threshold']).replace(path, settingFileName(path)),
  };
}
