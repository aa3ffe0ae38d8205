/**
 * `lantern demo`: the demo store from the sample bundled in data/ (real police.uk data for
 * Hertfordshire: 30 months of street records and 13 of outcomes), and the bundled district
 * boundaries. Importing is idempotent, so running it again on a built store adds nothing.
 */
import { fileURLToPath } from 'node:url';

import type { Db } from '../store/db.js';
import { BUNDLED_DISTRICT_BOUNDARIES, importBoundaries } from './import-boundaries.js';
import { importPoliceData, type ImportOptions, type ImportReport } from './import-police-data.js';

export const DEMO_SAMPLE = fileURLToPath(
  new URL('../../data/police/hertfordshire-sample.zip', import.meta.url),
);

export const DEMO_AREA = 'Three Rivers';

export async function buildDemo(db: Db, options: ImportOptions = {}): Promise<ImportReport> {
  const report = await importPoliceData(db, [DEMO_SAMPLE], options);
  if (report.files.some((f) => f.status === 'imported')) {
    await importBoundaries(db, {
      path: BUNDLED_DISTRICT_BOUNDARIES,
      type: 'district',
      vintage: '2013',
      source:
        'ONS generalised clipped district boundaries (2013) via martinjc/UK-GeoJSON; © Crown copyright 2016, OGL',
    });
  }
  return report;
}
