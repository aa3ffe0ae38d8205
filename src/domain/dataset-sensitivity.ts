/**
 * Every dataset access control knows, with its sensitivity: police.uk's three series (open data,
 * public) and the partner datasets of the registry (src/domain/datasets.ts).
 */
import { DATASETS } from './datasets.js';
import type { DatasetSensitivity } from './scope.js';

export const POLICE_DATASETS: readonly DatasetSensitivity[] = [
  { name: 'police-street', sensitivity: 'public' },
  { name: 'police-outcomes', sensitivity: 'public' },
  { name: 'police-stop-and-search', sensitivity: 'public' },
];

export const DATASET_SENSITIVITIES: readonly DatasetSensitivity[] = [
  ...POLICE_DATASETS,
  ...DATASETS.map((d) => ({ name: d.name, sensitivity: d.sensitivity })),
];
