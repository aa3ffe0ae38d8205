/**
 * "The last N months" of an area end with the latest month held of its own force. In a store of
 * Hertfordshire (to December 2025) and Merseyside (January 2019), `--period last-12-months` for
 * Wirral asked for 2025-01..2025-12, Hertfordshire's, and was refused as holding no month of it,
 * while the same command with no period gave Merseyside's latest months (QA, on Merseyside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runJson } from './helpers/cli.js';
import { demoStoreCopy } from './helpers/demo-store.js';
import { importMerseyside } from './helpers/merseyside.js';
import { tempDir } from './helpers/temp.js';

const dir = tempDir();
let db: string;
beforeAll(async () => {
  db = demoStoreCopy(dir.path);
  await importMerseyside(db);
});
afterAll(() => dir.remove());

const periodOf = async (command: string, ...args: string[]) =>
  (await runJson<{ period: { from: string; to: string } }>([command, ...args, '--db', db])).json
    .period;

describe('"the last N months" of an area', () => {
  it("end with its force's latest month, not the store's", async () => {
    expect(await periodOf('summary', '--area', 'Wirral', '--period', 'last 3 months')).toEqual({
      from: '2018-11',
      to: '2019-01',
    });
    expect(
      await periodOf(
        'trends',
        '--area',
        'Liverpool',
        '--category',
        'burglary',
        '--period',
        'last-1-months',
      ),
    ).toEqual({ from: '2019-01', to: '2019-01' });
    // The force itself, and a district of the other force, each their own.
    expect(await periodOf('summary', '--area', 'Merseyside', '--period', 'last-1-months')).toEqual({
      from: '2019-01',
      to: '2019-01',
    });
    expect(
      await periodOf('summary', '--area', 'Three Rivers', '--period', 'last-2-months'),
    ).toEqual({ from: '2025-11', to: '2025-12' });
  });

  it('of a force compared, end with that force’s latest month', async () => {
    const r = await runJson<{ period: { from: string; to: string } }>([
      'compare',
      '--within',
      'Merseyside',
      '--category',
      'burglary',
      '--period',
      'last-1-months',
      '--db',
      db,
    ]);
    expect(r.json.period).toEqual({ from: '2019-01', to: '2019-01' });
  });
});
