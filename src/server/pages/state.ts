/**
 * What a dashboard view shows, read from its address (so a copied address shows a colleague the
 * same view): the area, the period and the category. Absent ones take defaults; the commands
 * check the values, as on the terminal.
 */
export interface ViewState {
  area: string;
  /** As typed (2025, 2025-01..2025-06, last-12-months); undefined: the latest 12 months held. */
  period: string | undefined;
  category: string;
}

export const DEFAULT_CATEGORY = 'all-crime';

/**
 * A partner dataset chosen in the category list: `dataset:fly-tipping`, or one of its counts or
 * categories, `dataset:domestic-abuse:crimes` (chosen on its Trends page); without one, the
 * dataset's own default, as `lantern trends --dataset` takes it.
 */
export const DATASET_PREFIX = 'dataset:';

/** The police.uk category, or the partner dataset (with its category, when one is chosen). */
export function sourceOf(
  state: ViewState,
): { category: string[] } | { dataset: string[]; category?: string[] } {
  if (!state.category.startsWith(DATASET_PREFIX)) return { category: [state.category] };
  const [dataset = '', ...rest] = state.category.slice(DATASET_PREFIX.length).split(':');
  const category = rest.join(':');
  return category === '' ? { dataset: [dataset] } : { dataset: [dataset], category: [category] };
}

/** The state's category for one category of a partner dataset: `dataset:domestic-abuse:crimes`. */
export function datasetCategory(dataset: string, category: string): string {
  return `${DATASET_PREFIX}${dataset}:${category}`;
}

export function readState(
  query: Record<string, string | undefined>,
  defaultArea: string,
): ViewState {
  const clean = (v: string | undefined) =>
    v === undefined || v.trim() === '' ? undefined : v.trim();
  return {
    area: clean(query.area) ?? defaultArea,
    period: clean(query.period),
    category: clean(query.category) ?? DEFAULT_CATEGORY,
  };
}

/** The address of a view with this state (and extra parameters of its own). */
export function viewHref(
  path: string,
  state: ViewState,
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  params.set('area', state.area);
  if (state.period) params.set('period', state.period);
  params.set('category', state.category);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `${path}?${params.toString()}`;
}

/** The state as a command's query parameters. */
export function periodParam(state: ViewState): Record<string, string[]> {
  return state.period ? { period: [state.period] } : {};
}
