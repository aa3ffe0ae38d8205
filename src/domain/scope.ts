/**
 * What a caller may see: which areas (by ONS code, with everything inside them) and which
 * datasets. Every store query takes one. Access control (capability 10) will build scopes from
 * users and grants; until then the CLI acts with the full scope of the store's owner.
 */

export interface Scope {
  /** 'all', or the codes of the areas the caller may see (each includes its sub-areas). */
  areas: 'all' | readonly string[];
  /** 'all', or the dataset names the caller may read ('police-street', 'police-outcomes', …). */
  datasets: 'all' | readonly string[];
}

export const FULL_SCOPE: Scope = { areas: 'all', datasets: 'all' };

export function mayReadDataset(scope: Scope, dataset: string): boolean {
  return scope.datasets === 'all' || scope.datasets.includes(dataset);
}
