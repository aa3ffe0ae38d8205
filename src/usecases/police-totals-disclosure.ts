/**
 * Disclosure control of police.uk counts for a caller who sees an area as totals only, across the
 * areas of its force: what `trends`, `summary` and `compare` show such a caller
 * (force-family-disclosure.ts). A caller who sees a force as totals only sees its districts too (a
 * grant covers the areas inside it), some perhaps in detail: those are known to the caller, and
 * the others are protected against them.
 */
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { ALL_CRIME, CURRENT_CATEGORIES, isCategory, policeMeasure } from '../domain/categories.js';
import type { CellStatus, DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Month } from '../domain/month.js';
import { areaLevel, forTotals, type Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { familyStatuses, type FamilyCounts } from './force-family-disclosure.js';
import { streetAreaCounts } from './street-area-counts.js';

/** Every police.uk category held for the areas (the current ones, and any older one), then all crime. */
function measuresOf(inputs: readonly AreaCounts[]): Measure[] {
  const older = new Set<string>();
  for (const i of inputs)
    for (const c of i.counts.keys())
      if (isCategory(c) && !CURRENT_CATEGORIES.includes(c)) older.add(c);
  return [...CURRENT_CATEGORIES, ...[...older].sort(), ALL_CRIME].map((c) =>
    policeMeasure(c as Parameters<typeof policeMeasure>[0]),
  );
}

/**
 * The status of each area's cells (`category:month`, all crime as `all-crime:month`) for the
 * months asked, as a caller (`given`, their own scope) who sees the areas as totals only gets
 * them: protected together with the other areas of their force the caller sees.
 */
export async function policeTotalsStatus(
  db: Db,
  given: Scope,
  areas: readonly AreaSummary[],
  months: readonly Month[],
  policy: DisclosurePolicy,
  reads: CommandReads = new CommandReads(),
): Promise<Map<string, ReadonlyMap<string, CellStatus>>> {
  const counts: FamilyCounts = {
    access: (chain) => {
      const level = given.areas === 'all' ? 'detail' : areaLevel(given, chain);
      return level === null ? null : { known: level === 'detail' };
    },
    read: (members) => streetAreaCounts(db, forTotals(given), members, reads),
    measures: (inputs) => ({ measures: measuresOf(inputs), sumKey: ALL_CRIME }),
  };
  return familyStatuses(db, areas, months, policy, counts, reads);
}
