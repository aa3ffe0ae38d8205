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
    // The newest all-crime figure found: "four in ten" reported, CSEW 2016/17 (a press report of
    // the ONS figures, so unverified), replacing BCS 2009/10's 43%.
    expect(byKey.get('police:all-crime')?.rate?.estimate).toBe(0.4);
    expect(byKey.get('police:all-crime')?.survey).toBe('CSEW year ending March 2017');
    expect(byKey.get('police:all-crime')?.verified).toBe(false);
    // No current CSEW figure by offence was found: the BCS 2009/10 figures stay, marked so.
    expect(byKey.get('police:burglary')?.rate?.estimate).toBe(0.78);
    expect(byKey.get('police:burglary')?.current).toBe(false);
    expect(byKey.get('police:robbery')?.rate).toBeNull();
    expect(byKey.get('police:criminal-damage-arson')?.rate?.estimate).toBe(0.35);
    expect(byKey.get('dataset:domestic-abuse:incidents')?.rate?.estimate).toBe(0.189);
    expect(byKey.get('dataset:domestic-abuse:incidents')?.survey).toContain('2023');
    // No ASB reporting rate is published: spelled out, not estimated.
    expect(byKey.get('police:anti-social-behaviour')?.rate).toBeNull();
    expect(byKey.get('police:sexual-offences')?.rate?.estimate).toBe(0.17);
    expect(byKey.get('dataset:hate-crime:total')?.measure).toMatch(/ILLUSTRATIVE/u);
    for (const r of rates) {
      expect(r.survey, r.key).not.toBe('');
      expect(r.source, r.key).not.toBe('');
      // Every rate names the table (or section) it is read from, and its survey year.
      expect(r.table, r.key).not.toBe('');
      if (r.rate) expect(r.survey, r.key).toMatch(/(19|20)\d\d/u);
      if (r.rate) expect(r.source, r.key).toMatch(/https?:\/\//u);
      if (r.rate && r.survey.includes('2009/10')) {
        expect(r.verified, r.key).toBe(false);
        // Old figures say plainly that no current one exists.
        expect(r.current, r.key).toBe(false);
        expect(r.note, r.key).toMatch(
          /No (current CSEW figure|share of hate crime reported to the police) was found/u,
        );
      }
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
