/**
 * Disclosure control of police.uk counts for a caller who sees an area as totals only, across the
 * areas of its force: what `trends`, `summary` and `compare` show such a caller.
 *
 * Each month is protected on its own (domain/disclosure/by-month.ts), so that answers for
 * different periods cannot be subtracted. But a caller who sees a force as totals only sees its
 * districts too (a grant covers the areas inside it), some perhaps in detail, and a force's count
 * is the sum of its districts': the force less the other districts is the district left. So each
 * month's cells of every area of the force the caller sees (the force, its partnerships of more
 * than one district, its districts) are protected together, each force and partnership count tied
 * to its districts' (protectAreasInMonth, remembered by protection-memo.ts), those of areas seen in detail taken as known. A cell is
 * then held back alike in every answer to the caller, whichever area or period is asked. A
 * partnership of one district is that district, and is given the district's pattern.
 *
 * The pattern depends on which areas the caller sees in detail, so two callers with different
 * grants may see different cells held back; what one can work out with another's answers is not
 * covered (docs/data-handling.md).
 */
import { areaMonthCells } from '../analysis/trend-disclosure.js';
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import { ALL_CRIME, CURRENT_CATEGORIES, isCategory, policeMeasure } from '../domain/categories.js';
import {
  protectByMonth,
  type AreaMonth,
  type AreaSum,
  type ExactCheck,
} from '../domain/disclosure/by-month.js';
import { auditProtection } from '../domain/disclosure/audit.js';
import type { CellStatus, DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Month } from '../domain/month.js';
import { areaLevel, forTotals, type Scope } from '../domain/scope.js';
import type { GrantLevel } from '../domain/access.js';
import { forceFamilyOf } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { CommandReads } from './command-reads.js';
import { loadCoveringSolver } from './covering-solver.js';
import { protectAreasInMonthOnce } from './protection-memo.js';
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
  const scope = forTotals(given);
  const asked = new Set(months);
  const result = new Map<string, ReadonlyMap<string, CellStatus>>();
  const families = new Map<string, Map<string, Map<string, CellStatus>>>();
  for (const area of areas) {
    if (result.has(area.code)) continue;
    const family = await forceFamilyOf(db, area.code);
    if (!family) {
      // In no force: nothing adds up to it or from it; protected on its own.
      const [input] = await streetAreaCounts(db, scope, [area], reads);
      const cells = areaMonthCells(input!, measuresOf([input!]), ALL_CRIME);
      result.set(
        area.code,
        protectByMonth(
          cells.filter((c) => asked.has(c.month)),
          policy,
        ),
      );
      continue;
    }
    let statuses = families.get(family.force.code);
    if (!statuses) {
      statuses = await familyStatus(db, given, family, asked, policy, reads);
      families.set(family.force.code, statuses);
    }
    // A partnership of one district is that district.
    const alias = family.districts.filter((d) => d.parent === area.code);
    const own =
      statuses.get(area.code) ?? (alias.length === 1 ? statuses.get(alias[0]!.code) : undefined);
    if (!own) throw new Error(`disclosure: ${area.name} was not protected with its force`);
    result.set(area.code, own);
  }
  return result;
}

async function familyStatus(
  db: Db,
  given: Scope,
  family: NonNullable<Awaited<ReturnType<typeof forceFamilyOf>>>,
  months: ReadonlySet<Month>,
  policy: DisclosurePolicy,
  reads: CommandReads,
): Promise<Map<string, Map<string, CellStatus>>> {
  const { force, forceChain, csps, districts } = family;
  const chainOf = (code: string, parent: string | null): string[] =>
    code === force.code
      ? forceChain
      : parent === force.code || parent === null
        ? [code, ...forceChain]
        : [code, ...chainOf(parent, force.code)];
  const level = (code: string, parent: string | null): GrantLevel | null =>
    given.areas === 'all' ? 'detail' : areaLevel(given, chainOf(code, parent));
  const districtsOf = (code: string) => districts.filter((d) => d.parent === code);
  // The areas whose counts go in: the force, partnerships of more than one district (one of one
  // is its district) and districts, those the caller sees at all.
  const members = [force, ...csps.filter((c) => districtsOf(c.code).length > 1), ...districts]
    .map((a) => ({ area: a, level: level(a.code, a.parent) }))
    .filter((m) => m.level !== null);
  const seen = new Set(members.map((m) => m.area.code));
  const sums: AreaSum[] = [];
  const sumOf = (total: string, parts: readonly string[]) => {
    // A grant covers the areas inside it, so the caller who sees a total sees its parts.
    if (seen.has(total) && parts.length > 0 && parts.every((p) => seen.has(p)))
      sums.push({ total, parts });
  };
  sumOf(
    force.code,
    districts.map((d) => d.code),
  );
  for (const c of csps)
    sumOf(
      c.code,
      districtsOf(c.code).map((d) => d.code),
    );
  const inputs = await streetAreaCounts(
    db,
    forTotals(given),
    members.map((m) => ({ code: m.area.code, name: m.area.name, type: m.area.type })),
    reads,
  );
  const measures = measuresOf(inputs);
  const cells = inputs.map((input, i) => ({
    area: input.area.code,
    known: members[i]!.level === 'detail',
    months: new Map(
      areaMonthCells(input, measures, ALL_CRIME)
        .filter((c) => months.has(c.month))
        .map((c) => [c.month, c]),
    ),
  }));
  const statuses = new Map<string, Map<string, CellStatus>>(cells.map((c) => [c.area, new Map()]));
  // The exact check of each month's pattern (linear programming), only when areas are tied, and
  // loaded only when a month was not protected before (protection-memo.ts).
  let check: Promise<ExactCheck | undefined> | undefined;
  const exact = () =>
    (check ??=
      sums.length === 0
        ? Promise.resolve(undefined)
        : loadCoveringSolver().then(
            (highs): ExactCheck =>
              (table, protection) =>
                auditProtection(highs, table, protection).map((f) => f.cell),
          ));
  for (const month of months) {
    const areas: AreaMonth[] = cells.flatMap((c) => {
      const m = c.months.get(month);
      return m ? [{ area: c.area, cells: m, known: c.known }] : [];
    });
    for (const [area, status] of await protectAreasInMonthOnce(areas, sums, policy, exact))
      for (const [id, s] of status) statuses.get(area)!.set(id, s);
  }
  return statuses;
}
