import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { tempDir } from '../../test/helpers/temp.js';
import { loadDisclosurePolicy } from './disclosure.js';

const dir = tempDir();
afterAll(() => dir.remove());

describe('disclosure configuration', () => {
  it('ships a threshold of 5: counts from 1 to 4 are suppressed', async () => {
    const file = fileURLToPath(new URL('../../config/disclosure.yaml', import.meta.url));
    expect(await loadDisclosurePolicy(file)).toMatchObject({
      threshold: 5,
      publicPeriod: 'calendar-year',
    });
  });

  it('refuses a threshold that is not a whole number from 2 to 100, naming the file', async () => {
    for (const bad of ['1', '2.5', 'five', '101']) {
      const file = join(dir.path, `bad-${bad}.yaml`);
      writeFileSync(file, `threshold: ${bad}\n`);
      const error = await loadDisclosurePolicy(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toContain(file);
    }
    const ten = join(dir.path, 'ten.yaml');
    writeFileSync(ten, 'threshold: 10\n');
    expect(await loadDisclosurePolicy(ten)).toEqual({
      threshold: 10,
      publicPeriod: 'calendar-year',
      path: ten,
      thresholdAt: 'ten.yaml:1: threshold',
    });
  });

  it('reads the periods public outputs may cover, and refuses an unknown rule', async () => {
    const fy = join(dir.path, 'fy.yaml');
    writeFileSync(fy, 'threshold: 5\npublicPeriod: financial-year\n');
    expect((await loadDisclosurePolicy(fy)).publicPeriod).toBe('financial-year');
    const bad = join(dir.path, 'quarter.yaml');
    writeFileSync(bad, 'threshold: 5\npublicPeriod: quarter\n');
    const error = await loadDisclosurePolicy(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/publicPeriod/u);
  });
});
