/**
 * An attacker on a public report: reads everything the folder publishes (every CSV, the HTML with
 * its inline SVG) and, for each count shown as "fewer than 5", tries to work out its value from the
 * rest, as someone holding the report and Lantern's code could:
 *
 * - a rate beside it (CSV or rationale) times the population;
 * - a total it is part of (all crime = the categories; a period's total = its months) less the
 *   parts shown;
 * - the funnel plot's overall-rate line, read off the SVG, times the populations listed, less the
 *   districts shown;
 * - the order of the rows, when it follows counts or rates, and the shown rows around it;
 *
 * solving every relation it finds together (enumerating the values 1 to 4 against the sums and
 * the orders). A finding is a suppressed count left with a single possible value. It also reports
 * what gives a count away only in part or breaks the public version's rules: a change,
 * significance, force rate or expected range beside a suppressed count, ranks with gaps, and
 * anything from a dataset shared only between partners. The true values come from the partner
 * version of the same report.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Papa from 'papaparse';

import { REPRODUCE_FILE } from '../../src/usecases/report-folder.js';

import { DATASETS } from '../../src/domain/datasets.js';

export const SUPPRESSED = 'fewer than 5';
const WITHHELD = 'not shown';

export interface Finding {
  /** Which relation or rule. */
  how: string;
  /** Where: the table or text, and the cell. */
  where: string;
  /** The values the suppressed count can still take (one: recovered; none for a rule broken). */
  values: number[];
  /** Its true value, from the partner version (null when not found there). */
  truth: number | null;
}

export interface Attack {
  findings: Finding[];
  /** How many suppressed counts each kind of attack was tried on. */
  tried: Record<string, number>;
}

interface Table {
  id: string;
  caption: string;
  columns: string[];
  rows: Record<string, string>[];
}

export interface Published {
  dir: string;
  html: string;
  /** The HTML as text, tags removed. */
  text: string;
  area: string;
  tables: Table[];
  /** The rationale of each issue, by its label (the appendix). */
  rationale: Map<string, string>;
  svgs: string[];
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&');
const textOf = (html: string) => unescape(html.replace(/<[^>]+>/gu, ' ')).replace(/\s+/gu, ' ');

export function readReport(dir: string): Published {
  const html = readFileSync(join(dir, 'assessment.html'), 'utf8');
  // A rate column says the months it is over where they are not a year ("rate per 1,000 over 1
  // month"): read under one name, so that every rate is attacked whatever the period.
  const column = (name: string) => name.replace(/^((force )?rate per 1,000) over .*$/u, '$1');
  const parse = (file: string) =>
    Papa.parse<Record<string, string>>(readFileSync(join(dir, 'data', file), 'utf8'), {
      header: true,
      skipEmptyLines: true,
      transformHeader: column,
    });
  const index = parse('index.csv').data;
  const tables = index.map((r) => {
    const t = parse(r.file as string);
    return {
      id: r.id as string,
      caption: r.caption as string,
      columns: t.meta.fields ?? [],
      rows: t.data,
    };
  });
  const listed = new Set(index.map((r) => r.file));
  // Every table published is read: each CSV is in the index (how-to-reproduce.txt holds commands,
  // no figures: it is checked to hold no number beside them, the dates and the version).
  for (const f of readdirSync(join(dir, 'data'))) {
    if (`data/${f}` === REPRODUCE_FILE) {
      const text = readFileSync(join(dir, 'data', f), 'utf8')
        .replace(/lantern [a-z-]+ .*$/gmu, '') // the commands, with their options' values
        .replace(/\d{4}-\d{2}(-\d{2})?/gu, '')
        .replace(/Lantern \d+\.\d+\.\d+/gu, '')
        .replace(/(Figure|Table|Priority) \d+/gu, '');
      if (/\d/u.test(text)) throw new Error(`${dir}: data/${f} holds a number`);
    } else if (f !== 'index.csv' && !listed.has(f))
      throw new Error(`${dir}: data/${f} is not indexed`);
  }
  const appendix = /<ol class="rationale">(.*?)<\/ol>/su.exec(html)?.[1] ?? '';
  const rationale = new Map(
    [...appendix.matchAll(/<li>(.*?)<\/li>/gsu)].map((m) => {
      const t = unescape(m[1] as string);
      return [t.slice(0, t.indexOf(': ')), t] as const;
    }),
  );
  const svgs = [
    html,
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => readFileSync(join(dir, f), 'utf8')),
  ].flatMap((s) => [...s.matchAll(/<svg[\s\S]*?<\/svg>/gu)].map((m) => m[0]));
  return {
    dir,
    html,
    text: textOf(html),
    area: unescape(/<h1>[^<]*: ([^<]+)<\/h1>/u.exec(html)?.[1] ?? ''),
    tables,
    rationale,
    svgs,
  };
}

/** A published count as the interval it allows: exact, a range "a to b", or 1 to 4. */
function interval(cell: string | undefined): [number, number] | null {
  if (cell === undefined) return null;
  const c = cell.trim();
  if (c === SUPPRESSED) return [1, 4];
  const range = /^([\d,]+)\s*(?:to|–)\s*([\d,]+)$/u.exec(c);
  if (range) return [num(range[1]), num(range[2])];
  if (/^[\d,]+$/u.test(c)) return [num(c), num(c)];
  return null;
}
const num = (s: string | undefined) => Number((s ?? '').replace(/,/gu, ''));

interface Unknown {
  label: string;
  lo: number;
  hi: number;
  truth: number | null;
}

/**
 * Every value each unknown can take, given integer bounds, an interval for their sum (after the
 * known parts are taken off) and pairwise orders (`order[i]` holds between unknown i and i + 1),
 * by enumeration with pruning.
 */
export function solve(
  unknowns: readonly Unknown[],
  sum: [number, number] | null,
  order: ((a: number, b: number) => boolean)[] | null = null,
): Set<number>[] {
  const found = unknowns.map(() => new Set<number>());
  const cap = (u: Unknown) => (Number.isFinite(u.hi) ? u.hi : Math.max(u.lo, sum ? sum[1] : 4));
  const lo = sum ? Math.ceil(sum[0] - 1e-9) : -Infinity;
  const hi = sum ? Math.floor(sum[1] + 1e-9) : Infinity;
  if (!order) {
    // Sum only: each unknown's range is exact in closed form.
    const minAll = unknowns.reduce((s, u) => s + u.lo, 0);
    const maxAll = unknowns.reduce((s, u) => s + cap(u), 0);
    if (lo > maxAll || hi < minAll) return found; // inconsistent: nothing recovered
    unknowns.forEach((u, i) => {
      const a = Math.max(u.lo, lo - (maxAll - cap(u)));
      const b = Math.min(cap(u), hi - (minAll - u.lo));
      for (let v = a; v <= b && v - a < 50; v++) found[i]!.add(v);
    });
    return found;
  }
  const values: number[] = [];
  const restMin = unknowns.map((_, i) => unknowns.slice(i).reduce((s, u) => s + u.lo, 0));
  const restMax = unknowns.map((_, i) => unknowns.slice(i).reduce((s, u) => s + cap(u), 0));
  const walk = (i: number, total: number) => {
    if (i === unknowns.length) {
      if (total >= lo && total <= hi) values.forEach((v, k) => found[k]!.add(v));
      return;
    }
    if (total + restMin[i]! > hi || total + restMax[i]! < lo) return;
    const u = unknowns[i]!;
    for (let v = u.lo; v <= cap(u); v++) {
      if (i > 0 && !order[i - 1]!(values[i - 1]!, v)) continue;
      values[i] = v;
      walk(i + 1, total + v);
    }
  };
  walk(0, 0);
  return found;
}

function record(attack: Attack, how: string, where: string, us: Unknown[], sets: Set<number>[]) {
  attack.tried[how] = (attack.tried[how] ?? 0) + us.length;
  us.forEach((u, i) => {
    const values = [...(sets[i] ?? [])].sort((a, b) => a - b);
    if (values.length === 1)
      attack.findings.push({ how, where: `${where}: ${u.label}`, values, truth: u.truth });
  });
}

function rule(attack: Attack, how: string, where: string) {
  attack.findings.push({ how, where, values: [], truth: null });
}

/** The suppressed rows of a table come after the rows shown, in alphabetical order. */
function inFixedOrder(rows: Record<string, string>[], count: string, name: string): boolean {
  const first = rows.findIndex((r) => r[count] === SUPPRESSED);
  if (first < 0) return true;
  const tail = rows.slice(first);
  const names = tail.map((r) => r[name] as string);
  return (
    tail.every((r) => r[count] === SUPPRESSED) &&
    names.every((n, i) => i === 0 || names[i - 1]!.localeCompare(n, 'en-GB') <= 0)
  );
}

export function attackReport(
  pub: Published,
  truth: Published,
  period: { from: string; to: string },
): Attack {
  const attack: Attack = { findings: [], tried: {} };
  const truthTable = (caption: string) => truth.tables.find((t) => t.caption === caption);
  const trueCount = (caption: string, key: string, keyColumn: string, column: string) => {
    const row = truthTable(caption)?.rows.find((r) => r[keyColumn] === key);
    const v = row?.[column];
    return v === undefined || v === '' ? null : num(v);
  };
  const categories = pub.tables.find((t) => t.id === 'tab-categories');
  const partner = pub.tables.find((t) => t.id === 'tab-partner');

  // The area's population: from a funnel's row for it, else from the categories' counts and rates.
  let population: [number, number] | null = null;
  for (const t of pub.tables.filter((x) => x.columns.includes('population'))) {
    const row = t.rows.find((r) => r.area === pub.area);
    if (row) population = [num(row.population), num(row.population)];
  }
  if (!population && categories) {
    const best = [...categories.rows]
      .filter((r) => interval(r.recorded)?.[0] === interval(r.recorded)?.[1] && r['rate per 1,000'])
      .sort((a, b) => num(b.recorded) - num(a.recorded))[0];
    if (best) {
      const [n, rate] = [num(best.recorded), Number(best['rate per 1,000'])];
      population = [(n / (rate + 0.005)) * 1000, (n / Math.max(rate - 0.005, 1e-9)) * 1000];
    }
  }

  // 1. A rate beside a suppressed count, in a CSV or a rationale, times the population.
  const fromRate = (rate: string, pop: [number, number]) => {
    const d = rate.split('.')[1]?.length ?? 0;
    const half = 0.5 * 10 ** -d + 1e-9;
    const r = Number(rate);
    return new Set(
      [1, 2, 3, 4].filter(
        (v) => v >= ((r - half) * pop[0]) / 1000 && v <= ((r + half) * pop[1]) / 1000,
      ),
    );
  };
  for (const t of pub.tables) {
    if (!t.columns.includes('recorded') || !t.columns.includes('rate per 1,000')) continue;
    const key = t.columns[0] as string;
    for (const row of t.rows.filter((r) => r.recorded === SUPPRESSED)) {
      const rate = row['rate per 1,000'];
      if (rate) rule(attack, 'a rate beside a suppressed count', `${t.id}: ${row[key]}`);
      const pop: [number, number] | null = row.population
        ? [num(row.population), num(row.population)]
        : population;
      if (!rate || !pop) continue;
      const u = {
        label: row[key] as string,
        lo: 1,
        hi: 4,
        truth: trueCount(t.caption, row[key] as string, key, 'recorded'),
      };
      record(attack, 'rate × population', t.id, [u], [fromRate(rate, pop)]);
    }
  }
  for (const [label, words] of pub.rationale) {
    if (!words.startsWith(`${label}: ${SUPPRESSED} recorded`)) continue;
    const u = {
      label,
      lo: 1,
      hi: 4,
      truth: trueCount(categories?.caption ?? '', label, 'category', 'recorded'),
    };
    const rate = /; ([\d.]+) per 1,000/u.exec(words)?.[1];
    if (rate && population)
      record(attack, 'rate × population', 'rationale', [u], [fromRate(rate, population)]);
    else attack.tried['rate × population'] = (attack.tried['rate × population'] ?? 0) + 1;
    for (const [words2, what] of [
      [/per 1,000/u, 'a rate'],
      [/harm-weighted/u, 'a harm-weighted rank'],
      [/significant|could be chance|% on /u, 'a change or its significance'],
      [/may stand for/u, 'a hidden figure'],
    ] as const)
      if (words2.test(words))
        rule(attack, `${what} beside a suppressed count`, `rationale: ${label}`);
  }

  // 2. All crime is the sum of its categories (ASB apart): the total less the categories shown,
  //    with their order if it follows the counts.
  const totals =
    /recorded (.+?) crimes and (.+?) incidents of anti-social behaviour from .+?(?:, against (.+?) crimes and (.+?) ASB incidents in|\.)/u.exec(
      pub.text,
    );
  if (categories && totals) {
    const crimeRows = categories.rows.filter((r) => r.category !== 'Anti-social behaviour');
    for (const [column, total] of [
      ['recorded', totals[1]],
      ['earlier period', totals[3]],
    ] as const) {
      const t = interval(total);
      if (!t) continue;
      const us: Unknown[] = [];
      let known = 0;
      for (const r of crimeRows) {
        const v = interval(r[column]);
        if (v && v[0] === v[1]) known += v[0];
        else if (r[column] === SUPPRESSED)
          us.push({
            label: r.category as string,
            lo: 1,
            hi: 4,
            truth: trueCount(categories.caption, r.category as string, 'category', column),
          });
      }
      if (us.length === 0) continue;
      // Rows sorted by count: unless the suppressed ones follow in a fixed order, theirs is too.
      const ordered =
        column === 'recorded' && !inFixedOrder(categories.rows, 'recorded', 'category');
      const order = ordered ? us.slice(1).map(() => (a: number, b: number) => a >= b) : null;
      record(
        attack,
        'total less the parts shown',
        `${categories.id} ${column}`,
        us,
        solve(us, [t[0] - known, t[1] - known], order),
      );
    }
  }

  // 3. A priority's months add up to its count for the period and its count for the period it
  //    is compared with.
  for (const t of pub.tables.filter((x) => x.id.endsWith('-trend'))) {
    const label = t.caption.replace(/ by month$/u, '');
    const row =
      categories?.rows.find((r) => r.category === label) ??
      partner?.rows.find((r) => r.dataset === label);
    const words = pub.rationale.get(label) ?? '';
    const compared = /(\d{4}-\d{2})\.\.(\d{4}-\d{2})/u.exec(words);
    const periods: [string, { from: string; to: string } | null, string | undefined][] = [
      ['recorded', period, row?.recorded],
      [
        'earlier period',
        compared ? { from: compared[1]!, to: compared[2]! } : null,
        row?.['earlier period'],
      ],
    ];
    for (const [what, p, totalCell] of periods) {
      const total = interval(totalCell);
      if (!p || !total) continue;
      const months = t.rows.filter(
        (m) => (m.month as string) >= p.from && (m.month as string) <= p.to,
      );
      const us: Unknown[] = [];
      let known = 0;
      for (const m of months) {
        const cell = m.recorded as string;
        if (cell === '') continue; // not held: not in the total
        if (cell === SUPPRESSED || cell === WITHHELD)
          us.push({
            label: m.month as string,
            lo: cell === SUPPRESSED ? 1 : 0,
            hi: cell === SUPPRESSED ? 4 : Infinity,
            truth: trueCount(t.caption, m.month as string, 'month', 'recorded'),
          });
        else known += num(cell);
      }
      // Months "not shown" hide the small ones among them: each is tried as well.
      if (us.length === 0) continue;
      const sets = solve(us, [total[0] - known, total[1] - known]);
      record(attack, 'period total less the months shown', `${t.id} (${what})`, us, sets);
    }
    // An expected range fitted from a suppressed month.
    if (
      t.rows.some((m) => m.recorded === SUPPRESSED) &&
      t.rows.some((m) => m['expected low (99.8%)'])
    )
      rule(attack, 'an expected range fitted from suppressed months', t.id);
  }

  // 4. The funnel plot: its overall-rate line (read off the SVG) times the populations listed, less
  //    the districts shown; and the rows' order, when it follows the rates.
  for (const t of pub.tables.filter((x) => x.id.endsWith('-funnel'))) {
    const suppressedRows = t.rows.filter((r) => r.recorded === SUPPRESSED);
    if (suppressedRows.length === 0) continue;
    const caption = unescape(
      new RegExp(`<figure id="${t.id}">[\\s\\S]*?<figcaption>([\\s\\S]*?)</figcaption>`, 'u').exec(
        pub.html,
      )?.[1] ?? '',
    );
    const svg =
      new RegExp(`<figure id="${t.id}">([\\s\\S]*?)</figure>`, 'u').exec(pub.html)?.[1] ?? '';
    const line = overallRate(svg);
    // The method the report states: a rate of the districts shown says nothing of the others.
    const ofShown = /rate of the \d+ districts shown/u.test(caption);
    let sum: [number, number] | null = null;
    const pops = t.rows.reduce((s, r) => s + num(r.population), 0);
    const shown = t.rows
      .filter((r) => r.recorded !== SUPPRESSED)
      .reduce((s, r) => s + num(r.recorded), 0);
    if (line && !ofShown) sum = [(line[0] * pops) / 1000 - shown, (line[1] * pops) / 1000 - shown];
    const us: Unknown[] = suppressedRows.map((r) => ({
      label: r.area as string,
      lo: 1,
      hi: 4,
      truth: trueCount(t.caption, r.area as string, 'area', 'recorded'),
    }));
    const ordered = !inFixedOrder(t.rows, 'recorded', 'area');
    if (ordered) {
      // Each suppressed row sits between the shown rates around it.
      const rateOf = (r: Record<string, string>) => Number(r['rate per 1,000']);
      suppressedRows.forEach((r, i) => {
        const at = t.rows.indexOf(r);
        const above = t.rows
          .slice(0, at)
          .reverse()
          .find((x) => x.recorded !== SUPPRESSED);
        const below = t.rows.slice(at + 1).find((x) => x.recorded !== SUPPRESSED);
        const p = num(r.population);
        const u = us[i]!;
        while (above && u.hi >= u.lo && (u.hi / p) * 1000 > rateOf(above) + 0.005) u.hi -= 1;
        while (below && u.lo <= u.hi && (u.lo / p) * 1000 < rateOf(below) - 0.005) u.lo += 1;
      });
    }
    const order = ordered
      ? suppressedRows.slice(1).map((r, i) => {
          const pa = num(suppressedRows[i]!.population);
          const pb = num(r.population);
          return (a: number, b: number) => a / pa >= b / pb;
        })
      : null;
    if (!sum && !order) {
      attack.tried['funnel: reference line and order'] =
        (attack.tried['funnel: reference line and order'] ?? 0) + us.length;
      continue;
    }
    record(attack, 'funnel: reference line and order', t.id, us, solve(us, sum, order));
    // Where the highlighted area is suppressed, its place against the limits bounds it.
    if (suppressedRows.some((r) => r.area === pub.area)) {
      const flagged = new RegExp(`Against the [^.]*?, ${pub.area} is (within|above|below)`, 'u');
      const section = pub.html.slice(pub.html.indexOf(`<figure id="${t.id}">`));
      if (flagged.test(textOf(section.slice(0, section.indexOf('</section>')))))
        rule(attack, 'a funnel flag for a suppressed area', t.id);
    }
  }

  // 5. Changes and significance beside a suppressed count; a force rate with suppressed districts.
  for (const t of [categories, partner]) {
    if (!t) continue;
    for (const r of t.rows) {
      const small = r.recorded === SUPPRESSED || r['earlier period'] === SUPPRESSED;
      const sig = r['significant (Holm)'] ?? r.significant ?? '';
      if (small && !['', 'not shown'].includes(r['change %'] ?? ''))
        rule(attack, 'a change beside a suppressed count', `${t.id}: ${r[t.columns[0] as string]}`);
      if (small && sig !== '')
        rule(
          attack,
          'significance beside a suppressed count',
          `${t.id}: ${r[t.columns[0] as string]}`,
        );
      if (r.recorded === SUPPRESSED && r['force rate per 1,000'])
        rule(attack, 'a force rate beside a suppressed count', `${t.id}: ${r.category}`);
    }
  }
  // The charged counts by category sum to the crimes charged: the share charged of all crimes
  // (the groups' table) times the crimes (the categories of Table 1: those shown, and 1 to 4 for
  // each "fewer than 5"), less the charged counts shown, bounds the suppressed ones.
  const byCategory = pub.tables.find((t) => t.id === 'outcomes-categories');
  const groups = pub.tables.find((t) => t.id === 'outcomes-groups');
  const chargedShare = groups?.rows.find((r) => /^Charged or summonsed/u.test(r.outcome ?? ''))?.[
    'share %'
  ];
  if (byCategory && categories && chargedShare && /^\d+(\.\d+)?$/u.test(chargedShare)) {
    const crimes = categories.rows.filter((r) => !/Anti-social|All crime/u.test(r.category ?? ''));
    const [tLo, tHi] = crimes.reduce(
      ([lo, hi], r) => {
        const i = interval(r.recorded) ?? [0, Infinity];
        return [lo + i[0], hi + i[1]];
      },
      [0, 0],
    );
    const share = Number(chargedShare);
    const half = /\./u.test(chargedShare) ? 0.05 : 0.5;
    let shown = 0;
    const us: Unknown[] = [];
    const held: Unknown[] = [];
    for (const r of byCategory.rows) {
      const c = r['charged or summonsed'] ?? '';
      if (c === SUPPRESSED)
        us.push({
          label: r.category ?? '',
          lo: 1,
          hi: 4,
          truth: trueCount(
            byCategory.caption,
            r.category ?? '',
            'category',
            'charged or summonsed',
          ),
        });
      else if (/^[\d,]+$/u.test(c)) shown += num(c);
      // Held back ("not shown"): at least the threshold.
      else held.push({ label: r.category ?? '', lo: 5, hi: Infinity, truth: null });
    }
    // Categories left out (fewer than 5 crimes) may hold 0 to 4 charged each.
    const leftOut = crimes.filter((r) => r.recorded === SUPPRESSED).length;
    if (us.length > 0) {
      const lo = (tLo * (share - half)) / 100 - shown - 4 * leftOut;
      const hi = Number.isFinite(tHi) ? (tHi * (share + half)) / 100 - shown : Infinity;
      const sets = solve([...us, ...held], [lo, hi]);
      attack.tried['charged share × crimes less the charged shown'] =
        (attack.tried['charged share × crimes less the charged shown'] ?? 0) + us.length;
      us.forEach((u, i) => {
        const values = [...(sets[i] ?? [])];
        if (values.length < 4)
          attack.findings.push({
            how: 'charged share × crimes less the charged shown',
            where: `outcomes-categories: ${u.label}`,
            values: values.sort((a, b) => a - b),
            truth: u.truth,
          });
      });
    }
  }

  // The groups' shares are of every crime: each share, as rounded, holds only for some totals, so
  // together (with the share charged and its interval in the text) they can pin the crimes that
  // Table 1 gives as a range, and so the sum of its "fewer than 5" categories.
  if (groups && categories) {
    const crimes = categories.rows.filter((r) => !/Anti-social|All crime/u.test(r.category ?? ''));
    const us: Unknown[] = [];
    let shown = 0;
    for (const r of crimes) {
      if (r.recorded === SUPPRESSED)
        us.push({
          label: r.category ?? '',
          lo: 1,
          hi: 4,
          truth: trueCount(categories.caption, r.category ?? '', 'category', 'recorded'),
        });
      else if (/^[\d,]+$/u.test(r.recorded ?? '')) shown += num(r.recorded);
    }
    const shares = groups.rows
      .map((r) => r['share %'] ?? '')
      .filter((v) => /^\d+(\.\d+)?$/u.test(v));
    const text =
      /(\d+(?:\.\d+)?)% \(95% interval (\d+(?:\.\d+)?)% to (\d+(?:\.\d+)?)%\) have so far ended in a charge/u.exec(
        pub.text,
      );
    if (us.length > 0 && (shares.length > 0 || text)) {
      attack.tried['group shares pinning the crimes'] =
        (attack.tried['group shares pinning the crimes'] ?? 0) + us.length;
      const holds = (share: string, total: number) => {
        const digits = share.split('.')[1]?.length ?? 0;
        const target = Number(share);
        const mid = Math.round((target / 100) * total);
        for (let c = Math.max(0, mid - 2); c <= Math.min(total, mid + 2); c++)
          if (Number(((100 * c) / total).toFixed(digits)) === target) return true;
        return false;
      };
      const values = us.map(() => new Set<number>());
      for (let t = shown + us.length; t <= shown + 4 * us.length; t++) {
        if (!shares.every((v) => holds(v, t))) continue;
        // The interval is the charged count's against the total: its share must hold too.
        if (text && !holds(text[1] as string, t)) continue;
        solve(us, [t - shown, t - shown]).forEach((set, i) =>
          set.forEach((v) => values[i]?.add(v)),
        );
      }
      us.forEach((u, i) => {
        const found = [...(values[i] ?? [])].sort((a, b) => a - b);
        if (found.length < 4)
          attack.findings.push({
            how: 'group shares pinning the crimes, less the categories shown',
            where: `tab-categories: ${u.label}`,
            values: found,
            truth: u.truth,
          });
      });
    }
  }

  // A change is of the months compared: with the earlier count shown it gives those months'
  // count, and (the period's count less that) the months left out. Rounded to the percentage
  // shown, the counts it allows must not all be from 1 to 4.
  for (const t of [categories, partner]) {
    if (!t) continue;
    attack.tried['change × earlier count'] = (attack.tried['change × earlier count'] ?? 0) + 1;
    for (const r of t.rows) {
      const pct = r['change %'] ?? '';
      const before = num(r['earlier period']);
      const now = num(r.recorded);
      if (!/^[-+]?\d+(\.\d+)?$/u.test(pct) || !(before > 0) || !Number.isFinite(now)) continue;
      const half = /\./u.test(pct) ? 0.05 : 0.5;
      const lo = Math.ceil(before * (1 + (Number(pct) - half) / 100) - 1e-9);
      const hi = Math.floor(before * (1 + (Number(pct) + half) / 100) + 1e-9);
      const small = (a: number, b: number) => a >= 1 && b <= 4 && a <= b;
      if (small(lo, hi) || small(now - hi, now - lo))
        rule(
          attack,
          'a change giving back the count of the months compared or left out',
          `${t.id}: ${r[t.columns[0] as string]} (${pct}% on ${before}: ${lo} to ${hi} of ${now})`,
        );
    }
  }
  for (const t of pub.tables.filter((x) => x.id.endsWith('-funnel'))) {
    const label = t.caption.replace(/: [^:]*compared$/u, '');
    const row = categories?.rows.find((r) => r.category === label);
    if (t.rows.some((r) => r.recorded === SUPPRESSED) && row?.['force rate per 1,000'])
      rule(attack, 'a force rate (the sum of the districts) with suppressed districts', `${t.id}`);
  }
  const significant = /Significant changes against [^:]*: ([^.]*)\./u.exec(pub.text)?.[1] ?? '';
  for (const r of categories?.rows ?? [])
    if (
      (r.recorded === SUPPRESSED || r['earlier period'] === SUPPRESSED) &&
      significant.includes(`${r.category} `)
    )
      rule(attack, 'significance of a suppressed count in the summary', `summary: ${r.category}`);

  // 6. Ranks with gaps say where a withheld issue ranked.
  const matrix = pub.tables.find((t) => t.id === 'fig-risk-matrix');
  const ranks = (matrix?.rows ?? []).map((r) => Number(r.rank));
  if (ranks.some((r, i) => r !== i + 1))
    rule(attack, 'ranks with gaps', `fig-risk-matrix: ${ranks.join(',')}`);

  // 7. Nothing from a dataset shared only between partners, but the note that it is left out.
  const note = /<p class="note">Left out of this public version[^<]*<\/p>/gu;
  const everything = [
    pub.html.replace(note, ''),
    ...pub.tables.map((t) => `${t.caption}\n${JSON.stringify(t.rows)}`),
    ...readdirSync(pub.dir)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => readFileSync(join(pub.dir, f), 'utf8')),
  ].join('\n');
  for (const d of DATASETS.filter((x) => x.sensitivity !== 'public'))
    if (everything.includes(d.label))
      rule(attack, 'a dataset shared only between partners', d.name);
  if (/residents concerned|concern from a SYNTHETIC survey/u.test(everything))
    rule(attack, 'a concern share from a survey shared only between partners', 'rationale');
  return attack;
}

/**
 * The funnel plot's overall rate, from the y of its line against the axis ticks (an interval: the
 * SVG's coordinates are rounded to 0.1 px).
 */
export function overallRate(svg: string): [number, number] | null {
  const grid = /<g data-layer="grid">([\s\S]*?)<\/g>/u.exec(svg)?.[1] ?? '';
  const ticks = [
    ...grid.matchAll(/<line x1="[^"]+" y1="([^"]+)"[^>]*\/>\s*<text[^>]*>([^<]+)<\/text>/gu),
  ].map((m) => [Number(m[1]), num(m[2])] as const);
  const limits = /<g data-layer="limits"[^>]*>([\s\S]*?)<\/g>/u.exec(svg)?.[1] ?? '';
  const y = /<line [^>]*y1="([^"]+)"[^>]*stroke-width="1.5"/u.exec(limits)?.[1];
  if (ticks.length < 2 || y === undefined) return null;
  const [a, b] = [ticks[0]!, ticks[ticks.length - 1]!];
  const perPx = (b[1] - a[1]) / (b[0] - a[0]);
  const rate = a[1] + (Number(y) - a[0]) * perPx;
  const err = Math.abs(perPx) * 0.15; // the line's and the ticks' rounding
  return [rate - err, rate + err];
}
