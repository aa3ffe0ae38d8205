/**
 * The exact check of a protected table, by linear programming (HiGHS): for every suppressed count,
 * minimise and maximise it subject to everything published (the cells shown, the labels of those
 * held back, every relation, the totals given as ranges), with whole-number counts. A small count
 * (1 to threshold − 1, "fewer than 5" or withheld) whose possible values do not reach from 1 to
 * threshold − 1 can be narrowed by a reader: a finding. Pure: the solver is handed in (usecases/covering-solver.ts loads it).
 */
import type { Highs } from 'highs';

import { labelBounds } from './bounds.js';
import type { DisclosureTable, Protection } from './table.js';

const CAP = 1e7;

export interface AuditFinding {
  cell: string;
  /** The values a reader can confine it to (null for a table whose numbers are inconsistent). */
  interval: readonly [number, number] | null;
}

export function auditProtection(
  highs: Pick<Highs, 'solve'>,
  table: DisclosureTable,
  protection: Protection,
): AuditFinding[] {
  const T = protection.threshold;
  const value = new Map(table.cells.map((c) => [c.id, c.value]));
  const hidden = table.cells.filter((c) => (protection.status.get(c.id) ?? 'shown') !== 'shown');
  const name = new Map(hidden.map((c, i) => [c.id, `x${i}`]));
  const rows: string[] = [];
  table.relations.forEach((r, i) => {
    let rhs = 0;
    const terms: string[] = [];
    for (const [id, sign] of [[r.total, 1] as const, ...r.parts.map((p) => [p, -1] as const)]) {
      const x = name.get(id);
      if (x) terms.push(`${sign > 0 ? '+' : '-'} ${x}`);
      else rhs -= sign * value.get(id)!;
    }
    if (terms.length > 0) rows.push(` r${i}: ${terms.join(' ')} = ${rhs}`);
  });
  const bounds = hidden.map((c) => {
    const [lo, hi] = labelBounds(
      protection.status.get(c.id)!,
      c.value,
      T,
      protection.ranges.get(c.id),
    );
    // No count is unbounded: a cap far above any count keeps the programme bounded (reaching it
    // means "no upper bound").
    return ` ${lo} <= ${name.get(c.id)} <= ${Math.min(hi, CAP)}`;
  });
  const solve = (sense: 'Minimize' | 'Maximize', x: string): number | null => {
    const model = [
      sense,
      ` obj: ${x}`,
      'Subject To',
      ...(rows.length > 0 ? rows : [` r: ${x} >= 0`]),
      'Bounds',
      ...bounds,
      'General',
      ` ${[...name.values()].join(' ')}`,
      'End',
    ].join('\n');
    const s = highs.solve(model, { output_flag: false });
    if (s.Status !== 'Optimal') return null;
    return s.ObjectiveValue >= CAP ? Infinity : s.ObjectiveValue;
  };
  const findings: AuditFinding[] = [];
  for (const c of hidden.filter((h) => h.value > 0 && h.value < T)) {
    const x = name.get(c.id)!;
    const lo = solve('Minimize', x);
    const hi = solve('Maximize', x);
    if (lo === null || hi === null) findings.push({ cell: c.id, interval: null });
    else {
      const interval = [Math.round(lo), hi === Infinity ? hi : Math.round(hi)] as const;
      if (interval[0] > 1 || interval[1] < T - 1) findings.push({ cell: c.id, interval });
    }
  }
  return findings;
}
