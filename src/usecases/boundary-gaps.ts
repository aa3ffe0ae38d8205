/**
 * Whether the store holds LSOA boundaries for the forces whose police.uk data it holds: without
 * them a hotspot grid is not clipped to its area and the report's maps have no outline. Only
 * `lantern demo` loads boundaries by itself (Hertfordshire's are bundled); `import` and
 * `fetch archive` say, after importing, which forces lack them and the command that fetches them.
 */
import {
  boundaryGapText,
  fetchBoundariesCommand,
  type BoundaryGap,
} from '../domain/boundary-gap.js';
import { districtBoundaryCover } from '../store/boundaries.js';
import type { Db } from '../store/db.js';

/** A force's gap, with the sentence that says it (the command's, and the dashboard's upload report). */
export type BoundaryGapWithText = BoundaryGap & { text: string };

export async function boundaryGaps(db: Db): Promise<BoundaryGapWithText[]> {
  const byForce = new Map<string, BoundaryGap>();
  for (const row of await districtBoundaryCover(db)) {
    let gap = byForce.get(row.force.code);
    if (!gap) {
      gap = {
        force: row.force,
        districts: [],
        of: 0,
        command: fetchBoundariesCommand(row.force.name),
      };
      byForce.set(row.force.code, gap);
    }
    gap.of++;
    if (!row.lsoaBoundaries) gap.districts.push(row.district);
  }
  return [...byForce.values()]
    .filter((g) => g.districts.length > 0)
    .map((g) => ({ ...g, text: boundaryGapText(g) }));
}

export { boundaryGapText, fetchBoundariesCommand, type BoundaryGap };
