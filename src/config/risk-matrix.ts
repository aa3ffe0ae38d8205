/**
 * The risk matrix configuration (config/risk-matrix.yaml by default), validated: thresholds must
 * increase and number scale − 1, bands must lie in 1..scale², weights must be sensible.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import type { RiskConfig } from '../domain/risk.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_RISK_MATRIX_FILE = fileURLToPath(
  new URL('../../config/risk-matrix.yaml', import.meta.url),
);

const thresholds = z.array(z.number()).min(1);

const fileSchema = z
  .object({
    scale: z.number().int().min(3).max(10),
    bands: z.object({ high: z.number().positive(), medium: z.number().positive() }).strict(),
    harm: z.object({ weightThresholds: thresholds, unknown: z.number().int().min(1) }).strict(),
    likelihood: z
      .object({
        rateRatioThresholds: thresholds,
        volumeShareThresholds: thresholds,
        unknown: z.number().int().min(1),
      })
      .strict(),
    adjustments: z
      .object({
        significantRise: z.number().int(),
        significantFall: z.number().int(),
        lowReportingRate: z.number().gt(0).max(1),
        hiddenFigureHarm: z.number().int(),
        highConcernShare: z.number().gt(0).max(1),
        concernHarm: z.number().int(),
        vulnerableFrom: z.number().int().min(1),
        vulnerabilityHarm: z.number().int(),
        highImpactFrom: z.number().int().min(1),
        impactHarm: z.number().int(),
      })
      .strict(),
    priority: z
      .object({
        positionWeight: z.number().min(0).max(1),
        confidence: z
          .object({
            high: z.number().positive(),
            medium: z.number().positive(),
            low: z.number().positive(),
          })
          .strict(),
      })
      .strict(),
    confidence: z
      .object({
        smallNumbers: z.number().int().min(0),
        // Levels (high → medium → low) a trend across a known discontinuity loses.
        discontinuityLowers: z.number().int().min(0).max(2).default(1),
      })
      .strict(),
  })
  .strict();

export type RiskMatrixFile = z.infer<typeof fileSchema> & { path: string; config: RiskConfig };

export async function loadRiskMatrix(
  path: string = DEFAULT_RISK_MATRIX_FILE,
): Promise<RiskMatrixFile> {
  const data = await readYamlFile(path, fileSchema, undefined, (d, refuse) => {
    const check = (at: string[], list: readonly number[]) => {
      if (list.length !== d.scale - 1)
        refuse(
          at,
          `${d.scale - 1} thresholds are needed for a 1..${d.scale} scale, not ${list.length}`,
        );
      list.forEach((v, i) => {
        if (i > 0 && !(v > (list[i - 1] as number)))
          refuse([...at, i], `thresholds must increase (${list[i - 1]} then ${v})`);
      });
    };
    check(['harm', 'weightThresholds'], d.harm.weightThresholds);
    check(['likelihood', 'rateRatioThresholds'], d.likelihood.rateRatioThresholds);
    check(['likelihood', 'volumeShareThresholds'], d.likelihood.volumeShareThresholds);
    const top = d.scale * d.scale;
    if (!(d.bands.medium < d.bands.high && d.bands.high <= top))
      refuse(['bands'], `need medium < high ≤ ${top}`);
    for (const [at, v] of [
      [['harm', 'unknown'], d.harm.unknown],
      [['likelihood', 'unknown'], d.likelihood.unknown],
    ] as const)
      if (v > d.scale) refuse(at, `${v} is above the scale (${d.scale})`);
    // An adjustment moves a score along the scale, in its own direction: a rise up, a fall down,
    // each harm factor up; more than the scale's length, or the wrong way, is a slip (QA: a
    // significantRise of 100, or -1, was taken).
    const most = d.scale - 1;
    const a = d.adjustments;
    for (const [key, v] of [
      ['significantRise', a.significantRise],
      ['hiddenFigureHarm', a.hiddenFigureHarm],
      ['concernHarm', a.concernHarm],
      ['vulnerabilityHarm', a.vulnerabilityHarm],
      ['impactHarm', a.impactHarm],
    ] as const)
      if (v < 0 || v > most) refuse(['adjustments', key], `${v} is not from 0 to ${most}`);
    if (a.significantFall > 0 || a.significantFall < -most)
      refuse(['adjustments', 'significantFall'], `${a.significantFall} is not from -${most} to 0`);
    // Confidence scales priority down, never up, and less for surer evidence: 0 < low ≤ medium ≤
    // high ≤ 1 (QA: low 5 above high 1, or 1e308, was taken).
    const c = d.priority.confidence;
    for (const key of ['high', 'medium', 'low'] as const)
      if (c[key] > 1) refuse(['priority', 'confidence', key], `${c[key]} is above 1`);
    if (!(c.low <= c.medium && c.medium <= c.high))
      refuse(
        ['priority', 'confidence'],
        `need low ≤ medium ≤ high (${c.low}, ${c.medium}, ${c.high})`,
      );
  });
  return {
    ...data,
    path,
    config: {
      scale: data.scale,
      bands: data.bands,
      adjustments: data.adjustments,
      priority: data.priority,
    },
  };
}
