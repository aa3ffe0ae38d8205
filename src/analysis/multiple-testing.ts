/**
 * p-values adjusted for testing many categories at once. Holm's step-down method controls the
 * family-wise error rate (the chance of any false "significant"); Benjamini–Hochberg controls the
 * false discovery rate (the expected share of false ones among those called significant). Both
 * as R's `p.adjust`. Input order is kept.
 */

/** Holm (1979): sorted ascending, p(i) × (m − i + 1), made non-decreasing, capped at 1. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, p * (m - rank)));
    out[i] = running;
  });
  return out;
}

/** Benjamini–Hochberg (1995): sorted descending, p(i) × m / i, made non-increasing, capped at 1. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => b[0] - a[0]);
  const out = new Array<number>(m);
  let running = 1;
  order.forEach(([p, i], k) => {
    const rank = m - k;
    running = Math.min(running, Math.min(1, (p * m) / rank));
    out[i] = running;
  });
  return out;
}
