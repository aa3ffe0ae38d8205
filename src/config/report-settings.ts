/**
 * `lantern report`'s settings (config/report.yaml by default): the "how to report" contacts of the
 * infographic and the report. Validated with a schema; errors name the file and the place. A
 * contact marked `example:` is the bundled placeholder: `examples` says where it is and what to
 * put there, so that a report refuses to publish it unless made as a draft.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import type { ExampleValue } from './example-values.js';
import { readYamlDocument } from './yaml-file.js';

export const DEFAULT_REPORT_SETTINGS_FILE = fileURLToPath(
  new URL('../../config/report.yaml', import.meta.url),
);

const fileSchema = z
  .object({
    contacts: z
      .array(
        z
          .object({
            label: z.string().trim().min(1),
            detail: z.coerce.string().trim().min(1),
            /** What to put in place of this bundled placeholder. */
            example: z.string().trim().min(1).optional(),
          })
          .strict(),
      )
      .min(1, 'give at least one way to report')
      .max(6, 'at most six contacts fit the infographic'),
  })
  .strict();

export interface ReportSettings {
  contacts: { label: string; detail: string; unconfirmed: boolean }[];
  path: string;
  /** Values still at their bundled example. */
  examples: ExampleValue[];
}

export async function loadReportSettings(
  path: string = DEFAULT_REPORT_SETTINGS_FILE,
): Promise<ReportSettings> {
  const { data, where } = await readYamlDocument(path, fileSchema);
  return {
    contacts: data.contacts.map((c) => ({
      label: c.label,
      detail: c.detail,
      unconfirmed: c.example !== undefined,
    })),
    path,
    examples: data.contacts.flatMap((c, i) =>
      c.example === undefined
        ? []
        : [
            {
              where: where(['contacts', i, 'detail']),
              what: `the "${c.label}" contact`,
              value: c.detail,
              put: `${c.example}, in a copy of this file without its example: line, given with --report-settings FILE`,
            },
          ],
    ),
  };
}
