import { writeFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../test/helpers/temp.js';
import { loadReportingRates } from './reporting-rates.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('reporting rates configuration', () => {
  it('ships a default for every figure the domain notes give, each with its survey and source', async () => {
    const rates = await loadReportingRates();
    const byKey = new Map(rates.map((r) => [r.key, r]));
    // domain-notes §4: burglary with entry 78%, vandalism 35%, partner abuse told police 18.9% …
    expect(byKey.get('police:burglary')?.rate?.estimate).toBe(0.78);
    expect(byKey.get('police:criminal-damage-arson')?.rate?.estimate).toBe(0.35);
    expect(byKey.get('dataset:domestic-abuse:incidents')?.rate?.estimate).toBe(0.189);
    expect(byKey.get('dataset:domestic-abuse:incidents')?.survey).toContain('2023');
    // No ASB reporting rate is published: spelled out, not estimated.
    expect(byKey.get('police:anti-social-behaviour')?.rate).toBeNull();
    expect(byKey.get('police:sexual-offences')?.rate?.estimate).toBe(0.17);
    expect(byKey.get('dataset:hate-crime:total')?.measure).toMatch(/ILLUSTRATIVE/u);
    for (const r of rates) {
      expect(r.survey).not.toBe('');
      expect(r.source).not.toBe('');
      if (r.rate && r.survey.includes('2009/10')) expect(r.verified).toBe(false);
    }
  });

  it('refuses an estimate outside its own range, naming the entry', async () => {
    const path = `${dir.path}/bad.yaml`;
    writeFileSync(
      path,
      `rates:\n  - key: police:burglary\n    label: B\n    rate: { estimate: 0.9, low: 0.5, high: 0.8 }\n    measure: m\n    survey: s\n    source: x\n    verified: true\n`,
    );
    await expect(loadReportingRates(path)).rejects.toThrow(
      /bad\.yaml:4: rates\.0\.rate: the estimate 0\.9 for police:burglary is not within its range 0\.5\.\.0\.8/u,
    );
  });

  it('refuses a share above 1 or a malformed key, naming the place', async () => {
    const path = `${dir.path}/bad2.yaml`;
    writeFileSync(
      path,
      `rates:\n  - key: police:burglary\n    label: B\n    rate: { estimate: 78, low: 0.5, high: 0.8 }\n    measure: m\n    survey: s\n    source: x\n    verified: true\n`,
    );
    await expect(loadReportingRates(path)).rejects.toThrow(
      /bad2\.yaml:4: rates\.0\.rate\.estimate/u,
    );
    writeFileSync(path, `rates:\n  - key: burglary\n`);
    await expect(loadReportingRates(path)).rejects.toThrow(/rates\.0\.key/u);
  });
});
