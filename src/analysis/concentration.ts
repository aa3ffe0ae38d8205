/**
 * How concentrated crime is at a few places (repeat locations): each place's count, the share of
 * all incidents at the top 1%, 5% and 10% of places, the concentration (Lorenz) curve and its Gini
 * coefficient.
 *
 * Places are every location in the universe given — for police.uk data, every map point with any
 * record in the area, so places with none in the period count as zeros, as they should; a curve
 * over places with incidents only would hide how few of all places carry most of the crime.
 * The top p% is ⌈p% × places⌉ places (at least one), ties broken by the order given.
 * Gini: 1 − 2 × area under the Lorenz curve of places ranked from fewest to most incidents,
 * by the trapezium rule (0: every place alike; near 1: all at one place).
 *
 * With fewer incidents than places the Gini cannot be low: N incidents at N different places of
 * n, as even as they can be, give 1 − N/n (3 incidents at 3 of 1,342 places: 0.998). So the
 * generalised Gini (Bernasco & Steenbeek 2017, "More places than crimes", J Quant Criminol 33)
 * is given beside it: the Gini measured against the most even spread the incidents allow,
 * 1 − (n/N)·(1 − G) when N < n, the Gini itself otherwise; 0 when no two incidents share a
 * place, 1 − 1/N when one place has them all.
 */
export interface PlaceCount {
  key: string;
  label: string | null;
  count: number;
}

export interface Concentration {
  places: number;
  placesWithIncidents: number;
  incidents: number;
  top: { percent: number; places: number; incidents: number; share: number }[];
  /** Points of the curve: cumulative share of places (most first) against share of incidents. */
  curve: { places: number; incidents: number }[];
  gini: number;
  /**
   * The lowest Gini the incidents could give among these places: 1 − N/n with fewer incidents (N)
   * than places (n), else that of the most even spread of whole incidents (near 0).
   */
  giniFloor: number;
  /** The Gini against the most even spread the incidents allow (equal to `gini` when N ≥ n). */
  generalisedGini: number;
}

export function concentration(
  places: readonly PlaceCount[],
  percents: readonly number[] = [1, 5, 10],
  curvePoints = 20,
): Concentration {
  const sorted = [...places].sort((a, b) => b.count - a.count);
  const total = sorted.reduce((n, p) => n + p.count, 0);
  const n = sorted.length;
  const cumulative = new Float64Array(n + 1);
  sorted.forEach((p, i) => (cumulative[i + 1] = (cumulative[i] as number) + p.count));
  const share = (k: number) => (total > 0 ? (cumulative[k] as number) / total : 0);
  const top = percents.map((percent) => {
    const k = n === 0 ? 0 : Math.max(1, Math.ceil((percent / 100) * n));
    return { percent, places: k, incidents: cumulative[k] as number, share: share(k) };
  });
  const curve = Array.from({ length: curvePoints + 1 }, (_, i) => {
    const k = Math.round((i / curvePoints) * n);
    return { places: n > 0 ? k / n : 0, incidents: share(k) };
  });
  const gini = giniOf(sorted.map((p) => p.count));
  const giniFloor =
    n === 0 || total === 0
      ? 0
      : total < n
        ? 1 - total / n
        : giniOf(
            Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0)),
          );
  return {
    places: n,
    placesWithIncidents: sorted.filter((p) => p.count > 0).length,
    incidents: total,
    top,
    curve,
    gini,
    giniFloor,
    // Clamped: rounding leaves −1e−16 where no two incidents share a place.
    generalisedGini:
      total > 0 && total < n ? Math.min(1, Math.max(0, 1 - (n / total) * (1 - gini))) : gini,
  };
}

/** The Gini of counts sorted from most to fewest (trapezium rule, see the header). */
function giniOf(sorted: readonly number[]): number {
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  // Lorenz curve from fewest to most: area = Σ (L(i−1) + L(i)) / 2n over places ranked ascending.
  let area = 0;
  let before = 0;
  for (let i = n - 1; i >= 0; i--) {
    const after = before + (sorted[i] as number) / total;
    area += (before + after) / (2 * n);
    before = after;
  }
  return 1 - 2 * area;
}
