/**
 * Whether the store holds LSOA boundaries for the forces whose police.uk data it holds: without
 * them a hotspot grid is not clipped to its area and the report's maps have no outline. Only
 * `lantern demo` loads boundaries by itself (Hertfordshire's are bundled); `import` and
 * `fetch --archive` say, after importing, which forces lack them and the command that fetches them.
 */
import { districtBoundaryCover } from '../store/boundaries.js';
import type { Db } from '../store/db.js';

export interface BoundaryGap {
  force: { code: string; name: string };
  /** The force's districts with no LSOA boundary held. */
  districts: { code: string; name: string }[];
  /** How many districts the force has. */
  of: number;
  /** The command that fetches the force's boundaries. */
  command: string;
}

export async function boundaryGaps(db: Db): Promise<BoundaryGap[]> {
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
  return [...byForce.values()].filter((g) => g.districts.length > 0);
}

/** `lantern fetch boundaries --area A`, the name quoted when a shell would split it. */
export function fetchBoundariesCommand(areaName: string): string {
  const arg = /^[A-Za-z0-9._-]+$/u.test(areaName)
    ? areaName
    : `"${areaName.replaceAll('"', '\\"')}"`;
  return `lantern fetch boundaries --area ${arg}`;
}

/** The gap in a sentence, for the analyst reading the import's report. */
export function boundaryGapText(gap: BoundaryGap): string {
  const which =
    gap.districts.length === gap.of
      ? `any of ${gap.force.name}'s ${gap.of === 1 ? 'district' : `${gap.of} districts`}`
      : `${gap.districts.length} of ${gap.force.name}'s ${gap.of} districts (${gap.districts
          .map((d) => d.name)
          .join(', ')})`;
  return (
    `No LSOA boundaries are held for ${which}: hotspot grids there are not clipped to the area ` +
    `and report maps have no outline. Fetch them from the ONS Open Geography Portal with: ${gap.command}`
  );
}
