/**
 * The incidents a place-based command works on (hotspots, repeat-locations, cameras): a police.uk
 * category, or a partner dataset with a place for each incident. Their options, and the refusal
 * when neither is given.
 */
import { InputError } from '../errors.js';
import { option } from './options.js';

export const incidentSourceOptions = {
  category: option.text(
    "a police.uk category: its code or its name as outputs print it (burglary, 'Anti-social behaviour'), all-crime; with ⟨dataset⟩, one of the dataset's categories",
    'CATEGORY',
  ),
  dataset: option.text(
    'a partner dataset with a place for each incident (asb-council, fly-tipping, hate-crime) instead of police.uk records',
    'DATASET',
  ),
};

/** Refuses a run given neither a category nor a dataset. */
export function requireIncidentSource(
  command: string,
  input: { category?: string | undefined; dataset?: string | undefined },
): void {
  if (!input.category && !input.dataset)
    throw new InputError(`${command}: give ⟨category⟩ C (police.uk) or ⟨dataset⟩ NAME`);
}
