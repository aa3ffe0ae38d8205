/**
 * `lantern datasets`: the partner dataset registry (schema, sensitivity, level of detail) and
 * what the store holds of each, synthetic data marked.
 */
import { DATASETS, type DatasetDefinition } from '../domain/datasets.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { partnerDatasetsHeld, type PartnerDatasetHeld } from '../store/partner-data.js';

export interface DatasetListing extends DatasetDefinition {
  held: PartnerDatasetHeld | null;
}

export async function listDatasets(db: Db, scope: Scope): Promise<DatasetListing[]> {
  const held = new Map((await partnerDatasetsHeld(db, scope)).map((h) => [h.dataset, h]));
  return DATASETS.map((d) => ({ ...d, held: held.get(d.name) ?? null }));
}
