/**
 * The attacker of the differencing tests: every count a reader can work out by subtraction from
 * the sums they were given (test/disclosure-differencing.test.ts, test/assess-differencing.test.ts).
 */
/** A sum a reader knows: the months (or cells) it covers and its value. */
export interface Equation {
  cells: readonly string[];
  value: number;
}

/**
 * Every count a reader can work out by subtraction: each cell known puts its value into every sum
 * it is in, a sum left with one cell unknown gives that cell, and a sum whose unknown cells cover
 * another's gives the difference; again and again, until nothing more is found.
 */
export function bySubtraction(known: readonly Equation[]): Map<string, number> {
  const solved = new Map<string, number>();
  let eqs: Equation[] = [...known];
  for (let changed = true; changed;) {
    changed = false;
    // Put the cells known in, keeping each sum of unknown cells once.
    const reduced = new Map<string, Equation>();
    for (const e of eqs) {
      const cells = [...new Set(e.cells.filter((c) => !solved.has(c)))].sort();
      const value =
        e.value - e.cells.filter((c) => solved.has(c)).reduce((n, c) => n + solved.get(c)!, 0);
      if (cells.length === 1) {
        solved.set(cells[0]!, value);
        changed = true;
      } else if (cells.length > 1) reduced.set(cells.join(','), { cells, value });
    }
    eqs = [...reduced.values()];
    if (changed) continue;
    for (const a of eqs)
      for (const b of eqs) {
        if (b.cells.length >= a.cells.length || !b.cells.every((c) => a.cells.includes(c)))
          continue;
        const rest = a.cells.filter((c) => !b.cells.includes(c));
        if (reduced.has(rest.join(','))) continue;
        reduced.set(rest.join(','), { cells: rest, value: a.value - b.value });
        changed = true;
      }
    eqs = [...reduced.values()];
  }
  return solved;
}
