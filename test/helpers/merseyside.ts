/** Merseyside's January 2019: the bundled real police.uk file of a force other than Hertfordshire. */
import { expect } from 'vitest';

import { run } from './cli.js';
import { FIXTURES } from './temp.js';

export const MERSEYSIDE_JANUARY_2019 = `${FIXTURES}merseyside/2019-01-merseyside-street.csv.gz`;

/** Imports Merseyside's January 2019 into the store `db` (new, or a copy), failing if refused. */
export async function importMerseyside(db: string): Promise<void> {
  const imported = await run(['import', MERSEYSIDE_JANUARY_2019, '--db', db]);
  expect(imported.code, imported.stderr).toBe(0);
}
