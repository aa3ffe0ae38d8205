/**
 * `lantern demo`: the demo store from the sample bundled in data/ (real police.uk data for
 * Hertfordshire: 30 months of street records and 13 of outcomes). Importing is idempotent,
 * so running it again on a built store adds nothing.
 */
import { fileURLToPath } from 'node:url';

import type { Db } from '../store/db.js';
import { importPoliceData, type ImportOptions, type ImportReport } from './import-police-data.js';

export const DEMO_SAMPLE = fileURLToPath(
  new URL('../../data/police/hertfordshire-sample.zip', import.meta.url),
);

export const DEMO_AREA = 'Three Rivers';

export function buildDemo(db: Db, options: ImportOptions = {}): Promise<ImportReport> {
  return importPoliceData(db, [DEMO_SAMPLE], options);
}
