/**
 * Disclosure control of counts across the areas of a force, month by month, for a reader who can
 * ask for any area and period they see: what a totals-only caller gets of police.uk counts
 * (police-totals-disclosure.ts) and what every caller gets of a restricted dataset, or a
 * totals-only caller of a partner dataset (partner-totals-disclosure.ts).
 *
 * Each month is protected on its own (domain/disclosure/by-month.ts), so that answers for
 * different periods cannot be subtracted. But a force's count is the sum of its districts' (and a
 * partnership's of its own): the force less the other districts is the district left. So each
 * month's cells of every area of the force the reader sees (the force, its partnerships of more
 * than one district, its districts) are protected together, each force and partnership count
 * tied to its districts' where it is exactly their sum (protectAreasInMonth, remembered by
 * protection-memo.ts), the cells the reader knows exactly (areas they see in detail) taken as
 * known. A cell is then held back alike in every answer to the reader, whichever area or period
 * is asked. A partnership of one district is that district, and is given the district's pattern.
 *
 * The pattern depends on which areas the reader sees and knows, so two callers with different
 * grants may see different cells held back; what one can work out with another's answers is not
 * covered (docs/data-handling.md).
 */
import { areaMonthCells } from '../analysis/trend-disclosure.js';
import type { AreaCounts, AreaSummary, Measure } from '../domain/area-counts.js';
import {
  protectByMonth,
  type AreaMonth,
  type AreaSum,
  type ExactCheck,
} from '../domain/disclosure/by-month.js';
import { auditProtection } from '../domain/disclosure/audit.js';
import type { CellStatus, DisclosurePolicy } from '../domain/disclosure/table.js';
import type { Month } from '../domain/month.js';
import type { Area } from '../domain/area.js';
import { forceFamilyOf } from '../store/areas.js';
import type { Db } from '../store/db.js';
import type { CommandReads } from './command-reads.js';
import { loadCoveringSolver } from './covering-solver.js';
import { ancestorsOnce } from './place-reads.js';
import { protectAreasInMonthOnce } from './protection-memo.js';

/** What is protected, and how the reader sees each area of a force. */
export interface FamilyCounts {
  /**
   * How the reader sees an area, given its code and the codes above it (nearest first): null
   * when they cannot read these counts there at all; `known` when they see them exactly (in
   * detail, with no control).
   */
  access(chain: readonly string[]): { known: boolean } | null;
  /** The areas' counts (every month held), in the order given. */
  read(areas: readonly AreaSummary[]): Promise<AreaCounts[]>;
  /** The measures of the counts read (each month's cells), and the key of the one that is their sum. */
  measures(inputs: readonly AreaCounts[]): { measures: Measure[]; sumKey: string };
}

export type Family = NonNullable<Awaited<ReturnType<typeof forceFamilyOf>>>;

/**
 * The status of each area's cells (`measure:month`, the sum as `sumKey:month`) for the months
 * asked, protected together with the other areas of its force the reader sees.
 */
export async function familyStatuses(
  db: Db,
  areas: readonly AreaSummary[],
  months: readonly Month[],
  policy: DisclosurePolicy,
  counts: FamilyCounts,
  reads: CommandReads,
): Promise<Map<string, ReadonlyMap<string, CellStatus>>> {
  const asked = new Set(months);
  const result = new Map<string, ReadonlyMap<string, CellStatus>>();
  const families = new Map<string, Map<string, Map<string, CellStatus>>>();
  for (const area of areas) {
    if (result.has(area.code)) continue;
    const family = await familyOf(db, area.code, reads);
    if (!family) {
      // In no force: nothing adds up to it or from it; protected on its own.
      const [input] = await counts.read([area]);
      const { measures, sumKey } = counts.measures([input!]);
      const cells = areaMonthCells(input!, measures, sumKey);
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
      statuses = await familyStatus(family, asked, policy, counts);
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

/**
 * The force an area lies in, with its partnerships and districts, looked up once per command: an
 * area of a force already looked up (a district, then its force) is found in it.
 */
export async function familyOf(db: Db, code: string, reads: CommandReads): Promise<Family | null> {
  const known = await reads.once('force-families', () => Promise.resolve([] as Family[]));
  const found = known.find((f) =>
    [f.force, ...f.csps, ...f.districts].some((a) => a.code === code),
  );
  if (found) return found;
  return reads.once(`force-family:${code}`, async () => {
    const family = await forceFamilyOf(db, code, await ancestorsOnce(db, code, reads));
    if (family) known.push(family);
    return family;
  });
}

/**
 * The areas of a force whose counts are protected together, as the reader sees them: the force,
 * its partnerships of more than one district (one of one is its district) and its districts,
 * those the reader sees at all.
 */
export function familyMembers(
  family: Family,
  access: FamilyCounts['access'],
): { area: Area; access: { known: boolean } }[] {
  const { force, forceChain, csps, districts } = family;
  const chainOf = (code: string, parent: string | null): string[] =>
    code === force.code
      ? forceChain
      : parent === force.code || parent === null
        ? [code, ...forceChain]
        : [code, ...chainOf(parent, force.code)];
  const districtsOf = (code: string) => districts.filter((d) => d.parent === code);
  return [force, ...csps.filter((c) => districtsOf(c.code).length > 1), ...districts].flatMap(
    (area) => {
      const seen = access(chainOf(area.code, area.parent));
      return seen ? [{ area, access: seen }] : [];
    },
  );
}

async function familyStatus(
  family: Family,
  months: ReadonlySet<Month>,
  policy: DisclosurePolicy,
  counts: FamilyCounts,
): Promise<Map<string, Map<string, CellStatus>>> {
  const { force, csps, districts } = family;
  const districtsOf = (code: string) => districts.filter((d) => d.parent === code);
  const members = familyMembers(family, counts.access);
  const seen = new Set(members.map((m) => m.area.code));
  const sums: AreaSum[] = [];
  const sumOf = (total: string, parts: readonly string[]) => {
    // A grant covers the areas inside it, so the reader who sees a total sees its parts.
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
  const inputs = await counts.read(
    members.map((m) => ({ code: m.area.code, name: m.area.name, type: m.area.type })),
  );
  const { measures, sumKey } = counts.measures(inputs);
  const cells = inputs.map((input, i) => ({
    area: input.area.code,
    known: members[i]!.access!.known,
    months: new Map(
      areaMonthCells(input, measures, sumKey)
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
