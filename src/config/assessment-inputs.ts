/**
 * The assessment inputs file (`lantern assess --inputs FILE`, YAML): the scores no data can give —
 * organisational position (capacity, capability, current activity), victim vulnerability,
 * community and environmental impact, public concern where no survey is held — each with who scored it, when and why, and issues the data do
 * not hold at all. Every manual score needs a reason. Errors name the file, the field and its line.
 *
 *     scored_by: Three Rivers CSP analyst
 *     date: 2026-01-15
 *     issues:
 *       burglary:
 *         position: { score: 4, reason: Neighbourhood team and Neighbourhood Watch already active }
 *         vulnerability: { score: 3, reason: Older residents targeted in two wards }
 *         impact: { score: 4, reason: Fear of burglary raised at every ward panel }
 *       anti-social-behaviour:
 *         concern: { share: 0.42, reason: Residents' survey 2025, 612 responses }
 *     extra:
 *       county-lines:
 *         label: County lines drug supply
 *         harm: { score: 5, reason: Exploitation of children (police intelligence) }
 *         likelihood: { score: 3, reason: Two lines identified in 2025 }
 */

import { z } from 'zod';

import type { ExampleValue } from './example-values.js';
import { readYamlDocument } from './yaml-file.js';

const reason = z.string().trim().min(1, 'every manual score needs a reason');
const score = z
  .object({
    score: z.number().int().min(1),
    reason,
    by: z.string().optional(),
    date: z.string().optional(),
  })
  .strict();
const share = z.object({ share: z.number().min(0).max(1), reason }).strict();

const fileSchema = z
  .object({
    /** The file is an illustration (config/examples/): what to put in its place. */
    example: z.string().trim().min(1).optional(),
    scored_by: z.string().min(1),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date, YYYY-MM-DD'),
    issues: z
      .record(
        z.string(),
        z
          .object({
            position: score.optional(),
            vulnerability: score.optional(),
            impact: score.optional(),
            concern: share.optional(),
          })
          .strict(),
      )
      .default({}),
    extra: z
      .record(
        z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/u, 'a key of lower-case words joined by hyphens'),
        z
          .object({
            label: z.string().min(1),
            harm: score,
            likelihood: score,
            position: score.optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();

export type ManualScore = z.infer<typeof score> & { scoredBy: string; on: string };

export interface AssessmentInputs {
  path: string;
  /** A place in the file as "file:line: a.b.c", for errors found against the assessment. */
  where: (at: readonly (string | number)[]) => string;
  scoredBy: string;
  date: string;
  /** The file itself when it is an illustration (`example:`): a report publishes it only as a draft. */
  examples: ExampleValue[];
  issues: Map<
    string,
    {
      position?: ManualScore;
      vulnerability?: ManualScore;
      impact?: ManualScore;
      concern?: { share: number; reason: string };
    }
  >;
  extra: Map<
    string,
    { label: string; harm: ManualScore; likelihood: ManualScore; position?: ManualScore }
  >;
}

export async function loadAssessmentInputs(path: string, scale: number): Promise<AssessmentInputs> {
  const { data, where } = await readYamlDocument(path, fileSchema, 'inputs file', (d, refuse) => {
    const check = (s: z.infer<typeof score> | undefined, at: (string | number)[]) => {
      if (s && s.score > scale)
        refuse([...at, 'score'], `${s.score} is above the scale (1..${scale})`);
    };
    for (const [key, v] of Object.entries(d.issues))
      for (const name of ['position', 'vulnerability', 'impact'] as const)
        check(v[name], ['issues', key, name]);
    for (const [key, v] of Object.entries(d.extra))
      for (const name of ['harm', 'likelihood', 'position'] as const)
        check(v[name], ['extra', key, name]);
  });
  const manual = (s: z.infer<typeof score>): ManualScore => ({
    ...s,
    scoredBy: s.by ?? data.scored_by,
    on: s.date ?? data.date,
  });
  const issues: AssessmentInputs['issues'] = new Map();
  for (const [key, v] of Object.entries(data.issues))
    issues.set(key, {
      ...(v.position ? { position: manual(v.position) } : {}),
      ...(v.vulnerability ? { vulnerability: manual(v.vulnerability) } : {}),
      ...(v.impact ? { impact: manual(v.impact) } : {}),
      ...(v.concern ? { concern: v.concern } : {}),
    });
  const extra: AssessmentInputs['extra'] = new Map();
  for (const [key, v] of Object.entries(data.extra))
    extra.set(key, {
      label: v.label,
      harm: manual(v.harm),
      likelihood: manual(v.likelihood),
      ...(v.position ? { position: manual(v.position) } : {}),
    });
  const examples: ExampleValue[] =
    data.example === undefined
      ? []
      : [
          {
            where: where(['example']),
            what: 'the manual scores',
            value: `scores by ${data.scored_by}`,
            put: `${data.example}, in an inputs file of your own without the example: line`,
          },
        ];
  return { path, scoredBy: data.scored_by, date: data.date, examples, issues, extra, where };
}
