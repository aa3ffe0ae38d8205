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

/**
 * benjaminiHochberg of many p-values (a grid's cells), the same values to the bit, without an
 * object per value: the p-values sorted as numbers, walked from the largest, and each given the
 * adjusted value of its own (tied values all take the first one's, as they do there).
 */
export function benjaminiHochbergOf(pValues: Float64Array): Float64Array {
  const m = pValues.length;
  const sorted = Float64Array.from(pValues).sort();
  // NaN sorts last here but anywhere there: left to the general method.
  if (m > 0 && Number.isNaN(sorted[m - 1]!))
    return Float64Array.from(benjaminiHochberg([...pValues]));
  const adjusted = new Float64Array(m);
  let running = 1;
  for (let k = 0; k < m; k++) {
    const at = m - 1 - k;
    running = Math.min(running, Math.min(1, (sorted[at]! * m) / (m - k)));
    adjusted[at] = running;
  }
  const out = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // Any position of the value will do: tied values share their adjusted value.
    const p = pValues[i]!;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    out[i] = adjusted[lo]!;
  }
  return out;
}
