/**
 * `lantern demo`: the demo store from the sample bundled in data/ (real police.uk data for
 * Hertfordshire: 30 months of street records and 13 of outcomes), the bundled district
 * boundaries, and SYNTHETIC partner datasets for Three Rivers (src/demo/synthetic-partner-data.ts),
 * written as partner files and imported through the ordinary path, marked synthetic. Importing is
 * idempotent, so running it again on a built store adds nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { syntheticPartnerFiles } from '../demo/synthetic-partner-data.js';
import { measureSeries } from '../domain/area-counts.js';
import { ASB, policeMeasure } from '../domain/categories.js';
import { FULL_SCOPE } from '../domain/scope.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { districtMapPoints } from '../store/map-points.js';
import { nationalPopulations, populationFor } from '../store/populations.js';
import { BUNDLED_DISTRICT_BOUNDARIES, importBoundaries } from './import-boundaries.js';
import { importPartnerData, type PartnerImportReport } from './import-partner-data.js';
import { importPoliceData, type ImportOptions, type ImportReport } from './import-police-data.js';
import { streetAreaCounts } from './street-area-counts.js';

export const DEMO_SAMPLE = fileURLToPath(
  new URL('../../data/police/hertfordshire-sample.zip', import.meta.url),
);

export const DEMO_AREA = 'Three Rivers';

/** The seed of the synthetic partner data: the same seed, the same files. */
export const DEMO_SEED = 20_251_231;
export const DEMO_SYNTHETIC_PERIOD = { from: '2024-01', to: '2025-12' } as const;

export interface DemoReport extends ImportReport {
  /** The synthetic partner files imported (or already held). */
  synthetic: PartnerImportReport[];
}

export async function buildDemo(
  db: Db,
  options: ImportOptions & { hashKeyFile: string },
): Promise<DemoReport> {
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
  return { ...report, synthetic: await importSyntheticPartnerData(db, options.hashKeyFile) };
}

async function importSyntheticPartnerData(
  db: Db,
  hashKeyFile: string,
): Promise<PartnerImportReport[]> {
  const district = await findArea(db, DEMO_AREA, 'district');
  const population = await populationFor(db, district.code, 2011);
  const national = await nationalPopulations(db, 2011);
  if (!population || national.england === 0) return [];
  const points = await districtMapPoints(db, district.code);
  const [street] = await streetAreaCounts(db, FULL_SCOPE, [district]);
  const files = syntheticPartnerFiles({
    district: { code: district.code, name: district.name, population: population.count },
    englandPopulation: national.england,
    englandAndWalesPopulation: national.englandAndWales,
    points,
    policeAsb: street ? measureSeries(street, policeMeasure(ASB)) : new Map(),
    ...DEMO_SYNTHETIC_PERIOD,
    seed: DEMO_SEED,
  });
  const dir = await mkdtemp(join(tmpdir(), 'lantern-demo-'));
  try {
    const reports: PartnerImportReport[] = [];
    for (const file of files) {
      const path = join(dir, file.fileName);
      await writeFile(path, file.csv);
      const r = await importPartnerData(db, {
        dataset: file.dataset,
        path,
        synthetic: true,
        period: file.period,
        hashKeyFile,
        // The demo is the store's owner's.
        scope: FULL_SCOPE,
      });
      reports.push({ ...r, path: file.fileName });
    }
    return reports;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
