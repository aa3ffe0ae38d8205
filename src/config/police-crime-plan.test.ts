import { readFileSync, writeFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { tempDir } from '../../test/helpers/temp.js';
import { DEFAULT_POLICE_CRIME_PLAN_FILE, loadPoliceCrimePlan } from './police-crime-plan.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('Police and Crime Plan objectives', () => {
  it('loads the default, labelled an illustrative placeholder', async () => {
    const plan = await loadPoliceCrimePlan();
    expect(plan.illustrative).toBe(true);
    expect(plan.plan).toMatch(/illustrative placeholder/u);
    expect(plan.objectives.length).toBeGreaterThan(3);
    expect(plan.objectives.flatMap((o) => o.issues)).toContain('burglary');
  });

  it('refuses an objective given twice and an issue key that is not a key, naming the place', async () => {
    const text = readFileSync(DEFAULT_POLICE_CRIME_PLAN_FILE, 'utf8');
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    const twice = `${dir.path}/twice.yaml`;
    writeFileSync(twice, text.replace('id: violence-vawg', 'id: neighbourhood-crime'));
    await expect(loadPoliceCrimePlan(twice)).rejects.toThrow(
      `twice.yaml:${lineOf('id: violence-vawg')}: objectives.1.id: "neighbourhood-crime" is given twice`,
    );
    const badKey = `${dir.path}/bad-key.yaml`;
    writeFileSync(badKey, text.replace('[drugs, county-lines]', '[drugs, County Lines]'));
    await expect(loadPoliceCrimePlan(badKey)).rejects.toThrow(
      `bad-key.yaml:${lineOf('[drugs, county-lines]')}: objectives.3.issues.1: a key of lower-case words`,
    );
  });
});
