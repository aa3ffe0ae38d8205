import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';

import { monthsIn } from '../month.js';
import { auditProtection } from './audit.js';
import { protectAreasInMonth, protectByMonth, totalStatus, type MonthCells } from './by-month.js';
import type { DisclosureCell, LinearRelation } from './table.js';

let highs: Highs;
beforeAll(async () => {
  const loader = (await import('highs')) as unknown as { default: () => Promise<Highs> };
  highs = await loader.default();
});

const YEAR = monthsIn({ from: '2025-01', to: '2025-12' });
const POLICY = { threshold: 5 };
const steady = (n: number) => YEAR.map(() => n);

/** Months of counts by category: all crime is their sum, published. */
function months(counts: Record<string, readonly number[]>, held = YEAR): MonthCells[] {
  return held.map((month) => {
    const i = YEAR.indexOf(month);
    const parts = Object.entries(counts).map(([key, n]) => ({
      id: `${key}:${month}`,
      value: n[i]!,
      inSum: true,
    }));
    return {
      month,
      parts,
      sum: { id: `all:${month}`, value: parts.reduce((s, p) => s + p.value, 0) },
    };
  });
}

const counts = {
  burglary: [4, ...steady(20).slice(1)],
  robbery: [10, 2, ...steady(12).slice(2)],
  theft: steady(30),
};

describe('disclosure month by month', () => {
  it('protects each month on its own: the same pattern however many months are asked', () => {
    const year = protectByMonth(months(counts), POLICY);
    const two = protectByMonth(months(counts, YEAR.slice(0, 2)), POLICY);
    expect(year.get('burglary:2025-01')).toBe('primary');
    expect(year.get('robbery:2025-02')).toBe('primary');
    // All crime is published each month: a second count of January and of February is held back.
    expect(['robbery:2025-01', 'theft:2025-01'].map((id) => year.get(id))).toContain('secondary');
    for (const [id, s] of two) expect(year.get(id), id).toBe(s);
  });

  it('leaves a reader of every month and every sum nothing to narrow, by linear programming', () => {
    const cells = months(counts);
    const all: DisclosureCell[] = [];
    const relations: LinearRelation[] = [];
    for (const m of cells) {
      all.push(...m.parts.map((p) => ({ id: p.id, value: p.value })), { ...m.sum! });
      relations.push({ id: m.sum!.id, total: m.sum!.id, parts: m.parts.map((p) => p.id) });
    }
    const status = protectByMonth(cells, POLICY);
    const findings = auditProtection(
      highs,
      { cells: all, relations },
      { threshold: 5, status, ranges: new Map() },
    );
    expect(findings).toEqual([]);
  });

  it('gives a total only where every month of it is shown, or "fewer than" when it is small', () => {
    const status = protectByMonth(months(counts), POLICY);
    const ids = (key: string) => YEAR.map((m) => `${key}:${m}`);
    expect(totalStatus(360, ids('theft'), status, POLICY)).toBe(
      ids('theft').every((id) => status.get(id) === 'shown') ? 'shown' : 'withheld',
    );
    expect(totalStatus(224, ids('burglary'), status, POLICY)).toBe('withheld');
    expect(totalStatus(3, ids('burglary').slice(0, 1), status, POLICY)).toBe('primary');
  });
});

describe('a month of a force and its districts, protected together', () => {
  // The tester's Gwent, December 2018: theft from the person and possession of weapons by district
  // (Torfaen seen in detail), with the rest of each district's crime as one count.
  const districts: Record<string, [number, number, number]> = {
    newport: [18, 3, 1290],
    torfaen: [10, 4, 500],
    caerphilly: [7, 6, 700],
    blaenau: [6, 2, 400],
    monmouth: [0, 2, 300],
  };
  const cells = (tftp: number, weap: number, rest: number): MonthCells => ({
    month: '2018-12',
    parts: [
      { id: 'tftp:2018-12', value: tftp, inSum: true },
      { id: 'weap:2018-12', value: weap, inSum: true },
      { id: 'rest:2018-12', value: rest, inSum: true },
    ],
    sum: { id: 'crime:2018-12', value: tftp + weap + rest },
  });
  const total = (i: 0 | 1 | 2) => Object.values(districts).reduce((n, d) => n + d[i], 0);
  const areas = [
    { area: 'gwent', cells: cells(total(0), total(1), total(2)), known: false },
    ...Object.entries(districts).map(([area, d]) => ({
      area,
      cells: cells(...d),
      known: area === 'torfaen',
    })),
  ];
  const sums = [{ total: 'gwent', parts: Object.keys(districts) }];

  it('leaves no small count of a district that the force less the others, or a month less its parts, narrows', () => {
    // As the use case runs it: completed until linear programming narrows nothing.
    const status = protectAreasInMonth(areas, sums, POLICY, (table, p) =>
      auditProtection(highs, table, p).map((f) => f.cell),
    );
    // Torfaen's, seen in detail, are shown as they are, small or not.
    expect(status.get('torfaen')!.get('weap:2018-12')).toBe('shown');
    expect(status.get('newport')!.get('weap:2018-12')).toBe('primary');
    const id = (a: string, c: string) => `${a}|${c}`;
    const table = {
      cells: areas.flatMap((a) =>
        [...a.cells.parts, a.cells.sum!].map((p): DisclosureCell => ({
          id: id(a.area, p.id),
          value: p.value,
          known: a.known,
        })),
      ),
      relations: [
        ...areas.map((a): LinearRelation => ({
          id: a.area,
          total: id(a.area, 'crime:2018-12'),
          parts: a.cells.parts.map((p) => id(a.area, p.id)),
        })),
        ...['tftp', 'weap', 'rest', 'crime'].map((c): LinearRelation => ({
          id: c,
          total: id('gwent', `${c}:2018-12`),
          parts: Object.keys(districts).map((d) => id(d, `${c}:2018-12`)),
        })),
      ],
    };
    const flat = new Map(
      [...status].flatMap(([a, s]) => [...s].map(([c, v]) => [id(a, c), v] as const)),
    );
    expect(
      auditProtection(highs, table, { threshold: 5, status: flat, ranges: new Map() }),
    ).toEqual([]);
    // Each area on its own, as before: the force less the others gives Newport's weapons back.
    const alone = new Map(
      areas.flatMap((a) =>
        [...protectByMonth([a.cells], POLICY)].map(([c, v]) => [id(a.area, c), v] as const),
      ),
    );
    for (const c of table.cells) if (c.known) alone.set(c.id, 'shown');
    expect(
      auditProtection(highs, table, { threshold: 5, status: alone, ranges: new Map() }).map(
        (f) => f.cell,
      ),
    ).toContain('newport|weap:2018-12');
  });
});
