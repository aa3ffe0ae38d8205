/**
 * Primary and secondary suppression of one published output.
 *
 * Primary: every count from 1 to threshold − 1 is suppressed. Secondary: a relation (a total is
 * the sum of its parts) with one suppressed cell gives it back (the total less the parts shown),
 * and one with several can still narrow them (two suppressed months of a period total of 3 are
 * each 1 or 2). So, as the "at least two suppressed per relation" heuristic of the hypercube
 * method for nested tables does, cells are held back until no suppressed count can be narrowed
 * below "fewer than threshold" from the relations: while one can (bounds.ts), a cell of one of its
 * relations that is shown and at least the threshold is held back too ("not shown": a reader
 * knows only that it is at least the threshold), parts before totals, the smallest that is enough
 * on its own, else the smallest and then more; a relation whose total is
 * given as a range needs none; a relation with no such cell left has its parts withheld (any
 * value from 0): those shown, then the small ones, then those held back. audit.ts proves the result by linear programming.
 */
import { deducedBounds, exposedCells } from './bounds.js';
import {
  isSmallCount,
  type CellStatus,
  type DisclosureCell,
  type DisclosurePolicy,
  type DisclosureTable,
  type Protection,
} from './table.js';

export function protectTable(table: DisclosureTable, policy: DisclosurePolicy): Protection {
  const T = policy.threshold;
  if (!Number.isInteger(T) || T < 2)
    throw new Error(`disclosure: threshold ${T} must be a whole number of 2 or more`);
  const cells = new Map(table.cells.map((c) => [c.id, c]));
  const status = new Map<string, CellStatus>(
    table.cells.map((c) => [
      c.id,
      isSmallCount(c.value, policy) && c.known !== true ? 'primary' : 'shown',
    ]),
  );
  const ranges = new Map<string, [number, number]>();
  const protection: Protection = { threshold: T, status, ranges };
  const ranged = table.relations.filter((r) => r.totalAs === 'range');

  const setRanges = () => {
    for (const r of ranged) {
      if (r.parts.every((id) => status.get(id) === 'shown')) continue;
      if (status.get(r.total) === 'primary') continue;
      let lo = 0;
      let hi = 0;
      for (const id of r.parts) {
        const s = status.get(id)!;
        const v = cells.get(id)!.value;
        if (s === 'shown') {
          lo += v;
          hi += v;
        } else if (s === 'primary') {
          lo += 1;
          hi += T - 1;
        } else if (s === 'secondary') {
          lo += T;
          hi = Infinity;
        } else hi = Infinity;
      }
      status.set(r.total, 'range');
      ranges.set(r.total, [lo, hi]);
    }
  };

  const candidates = (ids: readonly string[]) =>
    ids
      .map((id) => cells.get(id)!)
      .filter(
        (c) =>
          status.get(c.id) === 'shown' &&
          c.value >= T &&
          c.suppressible !== false &&
          c.known !== true,
      )
      .sort((a, b) => a.value - b.value || a.id.localeCompare(b.id));

  // Relations whose parts are all withheld when one is small (a part that is the whole total is
  // the total, and suppressed alike).
  for (const r of table.relations)
    if (
      r.partsAs === 'withheld' &&
      r.parts.length > 1 &&
      r.parts.some((id) => isSmallCount(cells.get(id)!.value, policy))
    )
      for (const id of r.parts)
        if (cells.get(id)!.suppressible !== false && cells.get(id)!.known !== true)
          status.set(id, 'withheld');

  for (let step = 0; step <= table.cells.length + table.relations.length; step++) {
    setRanges();
    const exposed = exposedCells(table, protection);
    if (exposed.length === 0) return protection;
    // The relations each is in whose totals are not given as ranges, those with fewest cells held
    // back first.
    const held = (ids: readonly string[]) => ids.filter((id) => status.get(id) !== 'shown').length;
    const relationsOf = (id: string) =>
      table.relations
        .filter((r) => status.get(r.total) !== 'range' && (r.total === id || r.parts.includes(id)))
        .sort((a, b) => held([a.total, ...a.parts]) - held([b.total, ...b.parts]));
    // From the exposed cell outwards: its relations, then those of the cells held back in them
    // (a total held back that another relation gives exactly protects nothing).
    // Of the cells that could go, the smallest that protects the exposed cell alone, else the
    // smallest (and more after it).
    const best = (from: string, found: readonly DisclosureCell[]) =>
      found.find((c) => {
        status.set(c.id, 'secondary');
        const enough = !exposedCells(table, protection).includes(from);
        status.set(c.id, 'shown');
        return enough;
      }) ?? found[0];
    const nearest = (from: string): DisclosureCell | undefined => {
      const seen = new Set([from]);
      let frontier = [from];
      while (frontier.length > 0) {
        const relations = [...new Set(frontier.flatMap(relationsOf))];
        const parts = relations.map((r) => candidates(r.parts)).find((c) => c.length > 0);
        const totals = relations.map((r) => candidates([r.total])).find((c) => c.length > 0);
        const found = parts ?? totals;
        if (found) return best(from, found);
        frontier = relations
          .flatMap((r) => [r.total, ...r.parts])
          .filter((id) => status.get(id) !== 'shown' && !seen.has(id));
        frontier = [...new Set(frontier)];
        for (const id of frontier) seen.add(id);
      }
      return undefined;
    };
    let pick: DisclosureCell | undefined;
    for (const id of exposed) {
      pick = nearest(id);
      if (pick) break;
    }
    if (pick) {
      status.set(pick.id, 'secondary');
      continue;
    }
    // No cell left to hold back: the parts shown of their relations are withheld (zeros among
    // them); failing that, the parts "fewer than" too (a total of 2 with two parts "fewer than 5"
    // would say each is 1); failing that, those held back as at least the threshold (a total of
    // 12 with two parts of at least 5 would put the third at 2 or less).
    const withhold = (from: CellStatus) => {
      let changed = false;
      for (const r of exposed.flatMap(relationsOf))
        for (const id of r.parts)
          if (
            status.get(id) === from &&
            cells.get(id)!.suppressible !== false &&
            cells.get(id)!.known !== true
          ) {
            status.set(id, 'withheld');
            changed = true;
          }
      return changed;
    };
    if (!withhold('shown') && !withhold('primary') && !withhold('secondary')) break;
  }
  setRanges();
  const left = exposedCells(table, protection);
  if (left.length > 0 || !deducedBounds(table, protection))
    throw new Error(`disclosure: could not protect ${left.join(', ')}`);
  return protection;
}
