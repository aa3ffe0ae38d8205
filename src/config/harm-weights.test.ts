import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp.js';
import { DEFAULT_HARM_WEIGHTS_FILE, loadHarmWeights } from './harm-weights.js';

const dir = tempDir();
afterAll(() => dir.remove());

const shipped = readFileSync(DEFAULT_HARM_WEIGHTS_FILE, 'utf8');

describe('harm weights', () => {
  it('reads the shipped weights', async () => {
    const weights = await loadHarmWeights();
    expect(weights.get('robbery')?.weight).toBe(993.55);
    expect(weights.get('burglary')?.weight).toBeNull();
  });

  it('refuses a weight outside 0.001 to 1,000,000, naming the file, line and entry', async () => {
    // 1e308 made every harm-weighted sum Infinity; 5e-324 made every gain nil.
    for (const bad of ['1e308', '5e-324', '0', '-1', '.inf', '.nan', '1000001']) {
      const file = join(dir.path, `weights-${bad}.yaml`);
      writeFileSync(file, shipped.replace('weight: 993.55', `weight: ${bad}`));
      const line = shipped.split('\n').findIndex((l) => l.includes('weight: 993.55')) + 1;
      const error = await loadHarmWeights(file).catch((e: unknown) => e);
      expect(error, bad).toBeInstanceOf(InputError);
      expect((error as Error).message, bad).toContain(`${file}:${line}: weights.0.weight`);
    }
    const high = join(dir.path, 'weights-high.yaml');
    writeFileSync(high, shipped.replace('weight: 993.55', 'weight: 5475'));
    expect((await loadHarmWeights(high)).get('robbery')?.weight).toBe(5475);
  });
});
