/**
 * The exact attacker: every number one or more public reports publish, put into one linear
 * programme (HiGHS, through domain/disclosure/audit.ts) and each suppressed count minimised and
 * maximised against it. The cells: each category's count for each period a report covers (and for
 * its earlier period), each month of every trend table, each district of every funnel plot; the
 * relations a reader can solve: all crime is the sum of its categories (given exactly or as a
 * range), a period's count is the sum of its months (in the report's own period and its earlier
 * one, and across reports, since a month is the same month in each), a district's count is the
 * same wherever it is given, the force's count is the sum of its districts (its rate × the
 * populations listed, to the rate's rounding) and the funnel's overall line × the populations is
 * the sum of the districts it is drawn from. A cell "not shown" is taken to be anything from 0,
 * and again to be at least the threshold (what secondary suppression holds back), where what
 * that leads to holds for the true counts. A finding is a count from 1 to 4 that the programme confines to fewer
 * values than "fewer than 5" allows; the true values come from the partner versions.
 */
import type { Highs } from 'highs';

import { auditProtection } from '../../src/domain/disclosure/audit.js';
import type {
  CellStatus,
  DisclosureCell,
  LinearRelation,
} from '../../src/domain/disclosure/table.js';
import { overallRate, SUPPRESSED, type Published } from './disclosure-attack.js';

const WITHHELD = 'not shown';

export interface LpFinding {
  cell: string;
  /** The values the published numbers leave it (null: the numbers were inconsistent). */
  interval: readonly [number, number] | null;
  truth: number;
}

export interface Attacked {
  /** Report folder, its true (partner) version and its period. */
  pub: Published;
  truth: Published;
  period: { from: string; to: string };
}

interface Known {
  status: CellStatus | 'not shown';
  range?: [number, number];
  value: number;
}

const num = (s: string | undefined) => Number((s ?? '').replace(/,/gu, ''));
const rank: Record<Known['status'], number> = {
  shown: 5,
  primary: 4,
  range: 3,
  'not shown': 2,
  secondary: 1,
  withheld: 0,
};

export function lpAttack(
  highs: Pick<Highs, 'solve'>,
  reports: readonly Attacked[],
  threshold = 5,
): { findings: LpFinding[]; cells: number; relations: number } {
  const cells = new Map<string, Known>();
  const relations: LinearRelation[] = [];
  /** A cell as published: the most a reader knows of it across every report. */
  const put = (id: string, published: string | undefined, truth: number | null) => {
    if (published === undefined || truth === null) return false;
    const p = published.trim();
    const range = /^([\d,]+)\s*(?:to|–)\s*([\d,]+)$/u.exec(p);
    const k: Known | null =
      p === SUPPRESSED
        ? { status: 'primary', value: truth }
        : p === WITHHELD
          ? { status: 'not shown', value: truth }
          : range
            ? { status: 'range', range: [num(range[1]), num(range[2])], value: truth }
            : /^[\d,]+$/u.test(p)
              ? { status: 'shown', value: num(p) }
              : null;
    if (!k) return false;
    const had = cells.get(id);
    if (!had || rank[k.status] > rank[had.status]) cells.set(id, k);
    return true;
  };
  /**
   * A total known to lie in a range (a rate × population, to the rate's rounding). Where the true
   * total is outside it (the rate's population is not the sum of those listed), the relation does
   * not hold and a reader learns nothing from it: left out.
   */
  const rangeCell = (id: string, lo: number, hi: number, truth: number) => {
    if (truth < Math.ceil(lo) || truth > Math.floor(hi)) return;
    if (!cells.has(id))
      cells.set(id, { status: 'range', range: [Math.ceil(lo), Math.floor(hi)], value: truth });
  };
  const relate = (total: string, parts: string[]) => {
    const ps = parts.filter((p) => cells.has(p));
    if (cells.has(total) && ps.length === parts.length && ps.length > 0)
      relations.push({ id: `${total} = ${ps.join(' + ')}`, total, parts: ps });
  };

  const latentLater: (() => void)[] = [];
  reports.forEach(({ pub, truth, period }, n) => {
    const span = `${period.from}..${period.to}`;
    const truthTable = (id: string) => truth.tables.find((t) => t.id === id);
    const trueCell = (id: string, key: string, keyColumn: string, column: string) => {
      const v = truthTable(id)?.rows.find((r) => r[keyColumn] === key)?.[column];
      return v === undefined || v === '' ? null : num(v);
    };
    const categories = pub.tables.find((t) => t.id === 'tab-categories');
    const earlierSpan = `earlier of report ${n}`;
    // All crime and its categories, for the period and the earlier one.
    const totals =
      /recorded (.+?) crimes and (.+?) incidents of anti-social behaviour from .+?(?:, against (.+?) crimes and (.+?) ASB incidents in|\.)/u.exec(
        pub.text,
      );
    const trueTotals =
      /recorded (.+?) crimes and (.+?) incidents of anti-social behaviour from .+?(?:, against (.+?) crimes and (.+?) ASB incidents in|\.)/u.exec(
        truth.text,
      );
    // Each category's count for the period is the sum of its months, published or not: so two
    // reports of overlapping periods relate (a month not published is any count from 0).
    const monthsOf = (p: { from: string; to: string }) => {
      const out: string[] = [];
      for (let m = p.from; m <= p.to;) {
        out.push(m);
        const [y, mo] = m.split('-').map(Number) as [number, number];
        m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
      }
      return out;
    };
    const latent = (label: string, p: { from: string; to: string }) =>
      monthsOf(p).map((m) => {
        const id = `${label} ${m}`;
        if (!cells.has(id)) cells.set(id, { status: 'withheld', value: 0 });
        return id;
      });
    if (categories)
      latentLater.push(() => {
        for (const r of categories.rows) {
          const id = `${r.category} ${span}`;
          const months = latent(r.category!, period);
          if (months.length > 1) relate(id, months);
          else if (cells.has(id)) relate(id, months);
        }
      });
    if (categories && totals && trueTotals) {
      for (const [column, which, total, trueTotal] of [
        ['recorded', span, totals[1], trueTotals[1]],
        ['earlier period', earlierSpan, totals[3], trueTotals[3]],
      ] as const) {
        const parts: string[] = [];
        for (const r of categories.rows.filter((x) => x.category !== 'Anti-social behaviour')) {
          const id = `${r.category} ${which}`;
          if (put(id, r[column], trueCell('tab-categories', r.category!, 'category', column)))
            parts.push(id);
        }
        if (put(`all crime ${which}`, total, trueTotal === undefined ? null : num(trueTotal)))
          relate(`all crime ${which}`, parts);
      }
    }
    // A priority's months: its count for the period and the earlier one are their sums.
    for (const t of pub.tables.filter((x) => x.id.endsWith('-trend'))) {
      const label = t.caption.replace(/ by month$/u, '');
      const tt = truthTable(t.id);
      const months: { month: string; id: string }[] = [];
      for (const r of t.rows) {
        const id = `${label} ${r.month}`;
        const v = tt?.rows.find((x) => x.month === r.month)?.recorded;
        if (r.recorded !== '' && put(id, r.recorded, v === undefined || v === '' ? null : num(v)))
          months.push({ month: r.month!, id });
      }
      const compared = /(\d{4}-\d{2})\.\.(\d{4}-\d{2})/u.exec(pub.rationale.get(label) ?? '');
      for (const [p, which] of [
        [period, span],
        [compared ? { from: compared[1]!, to: compared[2]! } : null, earlierSpan],
      ] as const) {
        if (!p) continue;
        const total = `${label} ${which}`;
        const within = months.filter((m) => m.month >= p.from && m.month <= p.to).map((m) => m.id);
        relate(total, within);
      }
    }
    // The funnel: each district, its own row the category's count; the force's count from its
    // rate, and the overall line when it is drawn from every district.
    for (const t of pub.tables.filter((x) => x.id.endsWith('-funnel'))) {
      const label = t.caption.replace(/: [^:]*compared$/u, '');
      const ids: string[] = [];
      let pops = 0;
      let truthSum = 0;
      for (const r of t.rows) {
        const id = r.area === pub.area ? `${label} ${span}` : `${label} ${r.area} ${span}`;
        const v = trueCell(t.id, r.area!, 'area', 'recorded');
        if (put(id, r.recorded, v)) ids.push(id);
        pops += num(r.population);
        truthSum += v ?? 0;
      }
      const forceRate = categories?.rows.find((r) => r.category === label)?.[
        'force rate per 1,000'
      ];
      if (forceRate) {
        const half = 0.5 * 10 ** -(forceRate.split('.')[1]?.length ?? 0);
        const id = `${label} force ${span}`;
        rangeCell(
          id,
          ((Number(forceRate) - half) * pops) / 1000,
          ((Number(forceRate) + half) * pops) / 1000,
          truthSum,
        );
        relate(id, ids);
      }
      const caption = /<figure id="[^"]+">[\s\S]*?<figcaption>([\s\S]*?)<\/figcaption>/u.exec(
        pub.html.slice(pub.html.indexOf(`<figure id="${t.id}">`)),
      )?.[1];
      const svg = /<figure id="[^"]+">([\s\S]*?)<\/figure>/u.exec(
        pub.html.slice(pub.html.indexOf(`<figure id="${t.id}">`)),
      )?.[1];
      const line = svg ? overallRate(svg) : null;
      if (line && !/rate of the \d+ districts shown/u.test(caption ?? '')) {
        const id = `${label} funnel line ${span}`;
        rangeCell(id, (line[0] * pops) / 1000, (line[1] * pops) / 1000, truthSum);
        relate(id, ids);
      }
    }
  });

  // After every report's published months are in: the months no report gives are unknowns.
  for (const f of latentLater) f();
  const table = {
    cells: [...cells].map(([id, k]): DisclosureCell => ({ id, value: k.value })),
    relations,
  };
  const protection = (notShown: CellStatus) => ({
    threshold,
    status: new Map(
      [...cells].map(([id, k]) => [id, k.status === 'not shown' ? notShown : k.status]),
    ),
    ranges: new Map(
      [...cells].filter(([, k]) => k.range).map(([id, k]) => [id, k.range!] as const),
    ),
  });
  // Held back as at least the threshold, as secondary suppression does; where that contradicts
  // the numbers, or leads a reader to values the count does not have (what was withheld as any
  // value), only the deductions that hold count; then held back as anything from 0.
  const strong = auditProtection(highs, table, protection('secondary')).filter(
    (f) =>
      f.interval !== null &&
      cells.get(f.cell)!.value >= f.interval[0] &&
      cells.get(f.cell)!.value <= f.interval[1],
  );
  const weak = auditProtection(highs, table, protection('withheld'));
  const found = [...weak, ...strong.filter((f) => !weak.some((w) => w.cell === f.cell))];
  return {
    findings: found.map((f) => ({ ...f, truth: cells.get(f.cell)!.value })),
    cells: cells.size,
    relations: relations.length,
  };
}
