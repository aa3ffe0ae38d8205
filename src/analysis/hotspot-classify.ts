/**
 * Hotspot classification over time, after sfhotspot's `hotspot_classify` (domain-notes §7.1):
 * Gi* of each cell in each period held; each cell's p-values across the periods adjusted by
 * Holm's method (sfhotspot's default); a period counts as a hot (cold) one for a cell when its
 * Gi* is positive (negative) and its adjusted p is below `criticalP`. Then, in this order:
 *
 * - persistent: significant in at least `persistentProp` of the periods;
 * - emerging: significant in less than `hotspotProp` of the older periods and in at least
 *   `hotspotProp` of the recent ones (the last `recentProp` of the periods, at least one);
 * - former: significant in at least `hotspotProp` of the older periods and less than
 *   `hotspotProp` of the recent ones;
 * - intermittent: significant in at least `hotspotProp` of all periods;
 * - otherwise no pattern.
 *
 * Where sfhotspot's code and documentation disagree (its code compares the recent share with
 * `recent_prop` for "emerging", its documentation with `hotspot_prop`), we follow the
 * documentation: a cell emerges when it becomes a hotspot as often as a cell must to count as a
 * hotspot at all, which is the stated meaning. Periods without data held are left out before any
 * of this, never counted as periods without incidents.
 */
import { holm } from './multiple-testing.js';

export type HotspotClass =
  | 'persistent hotspot'
  | 'emerging hotspot'
  | 'former hotspot'
  | 'intermittent hotspot'
  | 'persistent coldspot'
  | 'emerging coldspot'
  | 'former coldspot'
  | 'intermittent coldspot'
  | 'no pattern';

export interface ClassifyParams {
  hotspotProp: number;
  persistentProp: number;
  recentProp: number;
  criticalP: number;
}

/** sfhotspot's `hotspot_classify_params()` defaults. */
export const DEFAULT_CLASSIFY: ClassifyParams = {
  hotspotProp: 0.1,
  persistentProp: 0.8,
  recentProp: 0.2,
  criticalP: 0.05,
};

export interface CellSeries {
  /** Gi* z-score per period, oldest first. */
  z: readonly number[];
  /** Unadjusted two-sided p-value per period. */
  p: readonly number[];
}

export function classifyCell(series: CellSeries, params = DEFAULT_CLASSIFY): HotspotClass {
  const periods = series.z.length;
  if (periods === 0) return 'no pattern';
  const adjusted = holm(series.p);
  const recent = Math.max(1, Math.floor(params.recentProp * periods));
  const older = periods - recent;
  const kind = (sign: 1 | -1): HotspotClass | null => {
    const sig = series.z.map((z, i) => z * sign > 0 && (adjusted[i] as number) < params.criticalP);
    const share = (from: number, to: number) =>
      to > from ? sig.slice(from, to).filter(Boolean).length / (to - from) : 0;
    const all = share(0, periods);
    const before = share(0, older);
    const after = share(older, periods);
    const name = sign > 0 ? 'hotspot' : 'coldspot';
    if (all >= params.persistentProp) return `persistent ${name}` as HotspotClass;
    if (older > 0 && before < params.hotspotProp && after >= params.hotspotProp)
      return `emerging ${name}` as HotspotClass;
    if (older > 0 && before >= params.hotspotProp && after < params.hotspotProp)
      return `former ${name}` as HotspotClass;
    if (all >= params.hotspotProp) return `intermittent ${name}` as HotspotClass;
    return null;
  };
  return kind(1) ?? kind(-1) ?? 'no pattern';
}
