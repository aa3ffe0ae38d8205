/**
 * A partner dataset with a real file beside the demo's synthetic rows is not called SYNTHETIC
 * whole (QA: a real Liverpool domestic-abuse file, imported into the demo store, made the Data
 * page say "Domestic abuse (SYNTHETIC)"): it says in how many districts the data is synthetic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { run } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  const file = dir.writeLines('da-liverpool.csv', [
    'month,area,incidents,crimes',
    '2019-01,Liverpool,1200,500',
  ]);
  const r = await run(['import', file, '--dataset', 'domestic-abuse', '--db', db]);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => dir.remove());

describe('a dataset partly synthetic', () => {
  it('says in how many of its districts, and a wholly synthetic one stays SYNTHETIC', async () => {
    const r = await run(['datasets', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    const line = (name: string) => r.stdout.split('\n').find((l) => l.startsWith(`${name} `)) ?? '';
    expect(line('domestic-abuse')).toMatch(/SYNTHETIC in 1 of 2 districts$/u);
    expect(line('prevent')).toMatch(/ SYNTHETIC$/u);
  });
});
