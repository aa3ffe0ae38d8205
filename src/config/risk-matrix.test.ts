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
});
