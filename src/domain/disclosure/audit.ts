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

export interface AuditOptions {
  /**
   * True by default: the same findings with far less solving. A count's minimum or maximum is
   * not solved when a whole-number solution already reaches 1 or threshold − 1 (the published
   * values themselves, or any solution found on the way), and each programme is solved first
   * without whole numbers, which in these tables (sums of sums) gives whole numbers anyway. A
   * solution is used only once checked against every relation and label exactly. False: every
   * count's minimum and maximum solved as whole numbers (the reference the tests compare with).
   */
  shortcuts?: boolean;
}

export function auditProtection(
  highs: Pick<Highs, 'solve'>,
  table: DisclosureTable,
  protection: Protection,
  options: AuditOptions = {},
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
  const range = new Map(
    hidden.map((c) => {
      const [lo, hi] = labelBounds(
        protection.status.get(c.id)!,
        c.value,
        T,
        protection.ranges.get(c.id),
      );
      // No count is unbounded: a cap far above any count keeps the programme bounded (reaching it
      // means "no upper bound").
      return [c.id, [lo, Math.min(hi, CAP)] as const];
    }),
  );
  const bounds = hidden.map(
    (c) => ` ${range.get(c.id)![0]} <= ${name.get(c.id)} <= ${range.get(c.id)![1]}`,
  );
  const small = hidden.filter((h) => h.value > 0 && h.value < T);

  const shortcuts = options.shortcuts !== false;
  // Counts shown to reach 1 (low) and threshold − 1 (high) by a solution checked exactly.
  const low = new Set<string>();
  const high = new Set<string>();
  const reach = (solution: ReadonlyMap<string, number>) => {
    for (const c of small) {
      const x = solution.get(c.id)!;
      if (x <= 1) low.add(c.id);
      if (x >= T - 1) high.add(c.id);
    }
  };
  const rounded = (s: { Columns: Record<string, { Primal?: number }> }) =>
    new Map(
      hidden.map((c) => [c.id, Math.round(s.Columns[name.get(c.id)!]?.Primal ?? Number.NaN)]),
    );
  const solve = (sense: 'Minimize' | 'Maximize', objective: readonly string[]): number | null => {
    const programme = [
      sense,
      ` obj: ${objective.map((id) => name.get(id)!).join(' + ')}`,
      'Subject To',
      ...(rows.length > 0 ? rows : [` r: ${name.get(objective[0]!)!} >= 0`]),
      'Bounds',
      ...bounds,
    ];
    if (shortcuts) {
      // The programme without whole numbers first (far cheaper to solve): its optimum is at
      // least as good as the whole-number one, so a solution of it in whole numbers, checked
      // exactly, that reaches it is the whole-number optimum. Else the whole-number programme.
      const s = highs.solve([...programme, 'End'].join('\n'), { output_flag: false });
      if (s.Status === 'Optimal') {
        const solution = rounded(s);
        const reached = objective.reduce((n, id) => n + solution.get(id)!, 0);
        if (Math.abs(reached - s.ObjectiveValue) < 1e-6 && solves(table, value, range, solution)) {
          reach(solution);
          return reached >= CAP ? Infinity : reached;
        }
      }
    }
    const model = [...programme, 'General', ` ${[...name.values()].join(' ')}`, 'End'].join('\n');
    const s = highs.solve(model, { output_flag: false });
    if (s.Status !== 'Optimal') return null;
    const solution = rounded(s);
    if (shortcuts && solves(table, value, range, solution)) reach(solution);
    return s.ObjectiveValue >= CAP ? Infinity : s.ObjectiveValue;
  };
  // The published values are a solution; then one programme for all the counts not yet reaching
  // 1, and one for those not yet reaching threshold − 1, whose solutions often reach most.
  if (shortcuts) {
    const published = new Map(hidden.map((c) => [c.id, c.value]));
    if (solves(table, value, range, published)) reach(published);
    const notLow = small.filter((c) => !low.has(c.id)).map((c) => c.id);
    if (notLow.length > 1) solve('Minimize', notLow);
    const notHigh = small.filter((c) => !high.has(c.id)).map((c) => c.id);
    if (notHigh.length > 1) solve('Maximize', notHigh);
  }
  const findings: AuditFinding[] = [];
  for (const c of small) {
    if (low.has(c.id) && high.has(c.id)) continue;
    // A side already reached is not solved, unless the other shows the count narrowed (the
    // finding gives the whole interval).
    let lo = low.has(c.id) ? undefined : solve('Minimize', [c.id]);
    if (lo === null) {
      findings.push({ cell: c.id, interval: null });
      continue;
    }
    if (lo !== undefined && Math.round(lo) <= 1 && high.has(c.id)) continue;
    const hi = solve('Maximize', [c.id]);
    if (hi === null) {
      findings.push({ cell: c.id, interval: null });
      continue;
    }
    const hiRounded = hi === Infinity ? hi : Math.round(hi);
    if (lo === undefined) {
      if (hiRounded >= T - 1) continue;
      lo = solve('Minimize', [c.id]);
      if (lo === null) {
        findings.push({ cell: c.id, interval: null });
        continue;
      }
    }
    const interval = [Math.round(lo), hiRounded] as const;
    if (interval[0] > 1 || interval[1] < T - 1) findings.push({ cell: c.id, interval });
  }
  return findings;
}

/**
 * Whether whole numbers for the cells held back (with the others' published values) satisfy every
 * relation and every label exactly.
 */
function solves(
  table: DisclosureTable,
  value: ReadonlyMap<string, number>,
  range: ReadonlyMap<string, readonly [number, number]>,
  solution: ReadonlyMap<string, number>,
): boolean {
  for (const [id, [lo, hi]] of range) {
    const x = solution.get(id);
    if (x === undefined || !Number.isInteger(x) || x < lo || x > hi) return false;
  }
  const at = (id: string) => solution.get(id) ?? value.get(id)!;
  return table.relations.every((r) => r.parts.reduce((n, p) => n - at(p), at(r.total)) === 0);
}
