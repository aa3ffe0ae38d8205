/**
 * `lantern report`'s settings (config/report.yaml by default): the "how to report" contacts of the
 * infographic and the report. Validated with a schema; errors name the file and the place.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { readYamlFile } from './yaml-file.js';

export const DEFAULT_REPORT_SETTINGS_FILE = fileURLToPath(
  new URL('../../config/report.yaml', import.meta.url),
);

const fileSchema = z
  .object({
    contacts: z
      .array(
        z
          .object({ label: z.string().trim().min(1), detail: z.coerce.string().trim().min(1) })
          .strict(),
      )
      .min(1, 'give at least one way to report')
      .max(6, 'at most six contacts fit the infographic'),
  })
  .strict();

export type ReportSettings = z.infer<typeof fileSchema> & { path: string };

export async function loadReportSettings(
  path: string = DEFAULT_REPORT_SETTINGS_FILE,
): Promise<ReportSettings> {
  return { ...(await readYamlFile(path, fileSchema)), path };
}
