/**
 * An attacker on the public page's headline table, as a reader holding the page (and Lantern's
 * code) could: every count the table publishes, as printed ("1,234", "fewer than 5", "not
 * shown", "1,230 to 1,242"), with the relations a reader knows (all crime is the sum of the
 * categories but ASB, in each period), given to the exact check of domain/disclosure/audit.ts
 * (HiGHS: each suppressed count minimised and maximised against everything published) and to
 * the enumerating solver of disclosure-attack.ts; and the change beside each row, which with the
 * other count shown would give a suppressed one back. The true counts come from `trends --all`.
 */
import type { Highs } from 'highs';

import { auditProtection, type AuditFinding } from '../../src/domain/disclosure/audit.js';
import type {
  CellStatus,
  DisclosureCell,
  LinearRelation,
} from '../../src/domain/disclosure/table.js';
import { solve } from './disclosure-attack.js';

export interface PublishedRow {
  label: string;
  current: string;
  previous: string;
  change: string;
}

export interface TrueRow {
  label: string;
  category: string;
  current: number;
  previous: number | null;
}

/** The rows of the page's headline table, as printed, from its HTML. */
export function headlineRows(html: string): PublishedRow[] {
  const table = /<table>[\s\S]*?<\/table>/u.exec(html)?.[0] ?? '';
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/gu, '')
      .replace(/&amp;/gu, '&')
      .replace(/&quot;/gu, '"')
      .trim();
  return [...table.matchAll(/<tr[^>]*><th scope="row">(.*?)<\/th>(.*?)<\/tr>/gu)].map((m) => {
    const cells = [...m[2]!.matchAll(/<td[^>]*>(.*?)<\/td>/gu)].map((c) => text(c[1]!));
    return {
      label: text(m[1]!),
      current: cells[0]!,
      previous: cells[1]!,
      change: cells[2]!,
    };
  });
}

const num = (s: string) => Number(s.replace(/,/gu, ''));

/** How a reader takes a printed count: its status (and range) for the exact check. */
function readCell(printed: string, truth: number, threshold: number) {
  const range = /^([\d,]+) to ([\d,]+)$/u.exec(printed);
  if (/^[\d,]+$/u.test(printed)) return { status: 'shown' as CellStatus, value: num(printed) };
  if (printed === `fewer than ${threshold}`) return { status: 'primary' as CellStatus };
  if (range)
    return { status: 'range' as CellStatus, range: [num(range[1]!), num(range[2]!)] as const };
  if (printed === 'not shown')
    // Held back to protect another: at least the threshold when it is (what secondary
    // suppression says), else anything from 0.
    return { status: (truth >= threshold ? 'secondary' : 'withheld') as CellStatus };
  throw new Error(`a count printed as "${printed}"`);
}

export interface PageAttack {
  /** Suppressed counts the exact check confines to fewer values than "fewer than 5" allows. */
  exact: AuditFinding[];
  /** Suppressed counts the enumerating solver pins to one value (sum of all crime). */
  pinned: string[];
  /** Rules broken: a shown count that is not the truth, a change beside a count not shown. */
  broken: string[];
  suppressed: number;
}

export function attackHeadline(
  highs: Pick<Highs, 'solve'>,
  published: readonly PublishedRow[],
  truth: readonly TrueRow[],
  threshold = 5,
): PageAttack {
  const cells: DisclosureCell[] = [];
  const status = new Map<string, CellStatus>();
  const ranges = new Map<string, readonly [number, number]>();
  const broken: string[] = [];
  let suppressed = 0;
  const byLabel = new Map(published.map((p) => [p.label, p]));
  for (const t of truth) {
    const p = byLabel.get(t.category === 'all-crime' ? 'All crime' : t.label);
    if (!p) {
      broken.push(`${t.label}: not in the table`);
      continue;
    }
    for (const [when, value, printed] of [
      ['now', t.current, p.current],
      ['before', t.previous, p.previous],
    ] as const) {
      if (value === null) continue;
      const id = `${t.category} ${when}`;
      const read = readCell(printed, value, threshold);
      cells.push({ id, value });
      status.set(id, read.status);
      if (read.status === 'primary') suppressed++;
      if ('range' in read && read.range) ranges.set(id, read.range);
      if (read.status === 'shown' && read.value !== value)
        broken.push(`${id}: printed ${printed}, true ${value}`);
      if (value > 0 && value < threshold && read.status === 'shown')
        broken.push(`${id}: ${value} shown`);
    }
    if (p.change !== 'not given' && (!/^[\d,]+$/u.test(p.current) || !/^[\d,]+$/u.test(p.previous)))
      broken.push(`${t.label}: a change (${p.change}) beside a count not shown`);
  }
  const crime = truth.filter((t) => !['all-crime', 'anti-social-behaviour'].includes(t.category));
  const relations: LinearRelation[] = (['now', 'before'] as const)
    .filter((w) => status.has(`all-crime ${w}`))
    .map((w) => ({
      id: `all crime ${w}`,
      total: `all-crime ${w}`,
      parts: crime.map((t) => `${t.category} ${w}`).filter((id) => status.has(id)),
    }));
  const exact = auditProtection(highs, { cells, relations }, { threshold, status, ranges });
  // The enumerating attacker: the total (or its range) less the parts shown.
  const pinned: string[] = [];
  const value = new Map(cells.map((c) => [c.id, c.value]));
  for (const r of relations) {
    const hidden = r.parts.filter((id) => status.get(id) !== 'shown');
    if (hidden.length === 0) continue;
    const shownSum = r.parts
      .filter((id) => status.get(id) === 'shown')
      .reduce((s, id) => s + value.get(id)!, 0);
    const total: [number, number] =
      status.get(r.total) === 'shown'
        ? [value.get(r.total)!, value.get(r.total)!]
        : ([...(ranges.get(r.total) ?? [0, Infinity])] as [number, number]);
    const unknowns = hidden.map((id) => ({
      label: id,
      lo: status.get(id) === 'primary' ? 1 : 0,
      hi: status.get(id) === 'primary' ? threshold - 1 : Infinity,
      truth: value.get(id)!,
    }));
    const sets = solve(unknowns, [total[0] - shownSum, total[1] - shownSum]);
    unknowns.forEach((u, i) => {
      if (status.get(u.label) === 'primary' && sets[i]!.size === 1) pinned.push(u.label);
    });
  }
  return { exact, pinned, broken, suppressed };
}
