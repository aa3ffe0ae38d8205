/**
 * A force whose districts the store holds no LSOA boundaries for, and how to say so: the command
 * that fetches them, and the sentence `import` prints.
 */
export interface BoundaryGap {
  force: { code: string; name: string };
  /** The force's districts with no LSOA boundary held. */
  districts: { code: string; name: string }[];
  /** How many districts the force has. */
  of: number;
  /** The command that fetches the force's boundaries. */
  command: string;
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
    `No LSOA boundaries are held for ${which}: hotspot grids and report maps there follow the ` +
    `ward boundaries where those are held, and are otherwise not clipped to the area and have no ` +
    `outline. Fetch them from the ONS Open Geography Portal with: ${gap.command} (without the ` +
    `internet: download them elsewhere and load them with lantern areas import-boundaries)`
  );
}
