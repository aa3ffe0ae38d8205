import { readFileSync, writeFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../test/helpers/temp.js';
import { DEFAULT_RISK_MATRIX_FILE, loadRiskMatrix } from './risk-matrix.js';

const dir = tempDir();
afterAll(() => dir.remove());

/** The line of the default file on which `needle` starts. */
const lineOf = (needle: string) => {
  const text = readFileSync(DEFAULT_RISK_MATRIX_FILE, 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
};

const variant = (name: string, from: string, to: string) => {
  const path = `${dir.path}/${name}.yaml`;
  writeFileSync(path, readFileSync(DEFAULT_RISK_MATRIX_FILE, 'utf8').replace(from, to));
  return path;
};

describe('risk matrix configuration', () => {
  it('loads the default: a 5-point scale, bands 15 and 8, four increasing thresholds each', async () => {
    const m = await loadRiskMatrix();
    expect(m.config.scale).toBe(5);
    expect(m.config.bands).toEqual({ high: 15, medium: 8 });
    expect(m.harm.weightThresholds).toEqual([5, 10, 50, 200]);
    expect(m.likelihood.rateRatioThresholds).toEqual([0.5, 0.8, 1.25, 2]);
    expect(m.likelihood.volumeShareThresholds).toEqual([0.01, 0.03, 0.08, 0.15]);
    expect(m.config.adjustments).toMatchObject({ highImpactFrom: 4, impactHarm: 1 });
  });

  it('refuses thresholds that do not fit the scale or do not increase, naming the place', async () => {
    await expect(
      loadRiskMatrix(
        variant('three', 'weightThresholds: [5, 10, 50, 200]', 'weightThresholds: [5, 10, 50]'),
      ),
    ).rejects.toThrow(/harm\.weightThresholds: 4 thresholds are needed for a 1\.\.5 scale, not 3/u);
    await expect(
      loadRiskMatrix(
        variant(
          'order',
          'rateRatioThresholds: [0.5, 0.8, 1.25, 2]',
          'rateRatioThresholds: [0.5, 0.8, 0.7, 2]',
        ),
      ),
    ).rejects.toThrow(
      `order.yaml:${lineOf('rateRatioThresholds: [0.5, 0.8, 1.25, 2]')}: likelihood.rateRatioThresholds.2: thresholds must increase (0.8 then 0.7)`,
    );
    await expect(
      loadRiskMatrix(
        variant(
          'volume',
          'volumeShareThresholds: [0.01, 0.03, 0.08, 0.15]',
          'volumeShareThresholds: [0.01, 0.03, 0.08]',
        ),
      ),
    ).rejects.toThrow(/likelihood\.volumeShareThresholds: 4 thresholds are needed/u);
    await expect(
      loadRiskMatrix(
        variant('bands', 'bands: { high: 15, medium: 8 }', 'bands: { high: 8, medium: 15 }'),
      ),
    ).rejects.toThrow(/bands: need medium < high ≤ 25/u);
    await expect(
      loadRiskMatrix(variant('extra', 'scale: 5', 'scale: 5\nmorile: true')),
    ).rejects.toThrow(/morile/u);
  });

  it('refuses adjustments beyond the scale or the wrong way, and confidence that raises or is out of order', async () => {
    // QA: a significantRise of 100, and a low-confidence multiplier of 5 above high's 1, were taken.
    await expect(
      loadRiskMatrix(variant('rise', 'significantRise: 1 #', 'significantRise: 100 #')),
    ).rejects.toThrow(
      `rise.yaml:${lineOf('significantRise: 1')}: adjustments.significantRise: 100 is not from 0 to 4`,
    );
    await expect(
      loadRiskMatrix(variant('fall', 'significantFall: -1', 'significantFall: 1')),
    ).rejects.toThrow(/adjustments\.significantFall: 1 is not from -4 to 0/u);
    await expect(
      loadRiskMatrix(variant('hidden', 'hiddenFigureHarm: 1', 'hiddenFigureHarm: -2')),
    ).rejects.toThrow(/adjustments\.hiddenFigureHarm: -2 is not from 0 to 4/u);
    await expect(
      loadRiskMatrix(
        variant(
          'low',
          'confidence: { high: 1, medium: 0.9, low: 0.75 }',
          'confidence: { high: 1, medium: 0.9, low: 5 }',
        ),
      ),
    ).rejects.toThrow(/priority\.confidence\.low: 5 is above 1/u);
    await expect(
      loadRiskMatrix(
        variant(
          'order-c',
          'confidence: { high: 1, medium: 0.9, low: 0.75 }',
          'confidence: { high: 0.8, medium: 0.9, low: 0.75 }',
        ),
      ),
    ).rejects.toThrow(/priority\.confidence: need low ≤ medium ≤ high \(0\.75, 0\.9, 0\.8\)/u);
    // A partnership's own settings within the bounds still load.
    const own = await loadRiskMatrix(
      variant(
        'own',
        'confidence: { high: 1, medium: 0.9, low: 0.75 }',
        'confidence: { high: 1, medium: 1, low: 0.5 }',
      ),
    );
    expect(own.config.priority.confidence).toEqual({ high: 1, medium: 1, low: 0.5 });
  });
});
