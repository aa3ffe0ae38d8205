/**
 * When a newer file may replace what the store holds for a month without being told to.
 *
 * Months are republished (a newer police.uk file for the same force, kind and month replaces the
 * older; a partner's newer file replaces the same dataset, district and month), and a
 * republished month normally holds about as many rows as before: police.uk revisions move a few
 * rows either way. A newer file holding far fewer rows is more likely cut short, or exported with
 * a filter by mistake, than right. So a file that would leave a month with less than
 * REPLACE_MIN_SHARE of the rows held now, and so lose at least REPLACE_MIN_ROWS_LOST rows, is
 * refused, with both counts, unless the import is run with `--replace`.
 *
 * An aggregate partner dataset gives a district's month as one row (or a few, by breakdown),
 * whatever its counts: fewer rows can hardly show a file gone wrong there, a count falling from
 * 294 to 50 can. So the same rule applies to each count of such a month (each count column, or
 * the total over its breakdown) given by the newer file, against the same count held now.
 */

import { CATEGORY_NAMES, isCategory } from './categories.js';

/** The least share of a month's rows held now that a newer file may hold without `--replace`. */
export const REPLACE_MIN_SHARE = 0.8;

export interface MonthShrink {
  /** What the month is, for the message: "2025-12", or "Three Rivers 2025-12". */
  label: string;
  held: number;
  incoming: number;
  /** The count compared, for an aggregate dataset's ("incidents", "total"); else rows are. */
  count?: string;
}

/**
 * The fewest rows a month must lose to need `--replace`: a partner's small monthly counts move by
 * one or two between versions of a file (2 → 1 is half, and no sign of a file cut short).
 */
export const REPLACE_MIN_ROWS_LOST = 3;

/** Whether replacing `held` rows by `incoming` needs `--replace`. */
export function shrinksTooMuch(held: number, incoming: number): boolean {
  return incoming < held * REPLACE_MIN_SHARE && held - incoming >= REPLACE_MIN_ROWS_LOST;
}

/**
 * The message of a file refused because it would shrink months too much. With `counts: false`
 * (a restricted dataset, whose small counts are shown to no one, not even its importer) the
 * months are named without the rows held or given.
 */
export function shrinkRefusal(
  path: string,
  shrinks: readonly MonthShrink[],
  { counts = true }: { counts?: boolean } = {},
): string {
  const shown = shrinks
    .slice(0, 3)
    .map((s) => {
      const label = s.count === undefined ? s.label : `${s.label}, ${s.count}`;
      if (!counts) return label;
      const incoming = s.incoming.toLocaleString('en-GB');
      const held = s.held.toLocaleString('en-GB');
      return s.count === undefined
        ? `${label}: ${incoming} rows, where the store holds ${held}`
        : `${label}: ${incoming}, where the store holds ${held}`;
    })
    .join('; ');
  const ofCounts = shrinks.filter((s) => s.count !== undefined).length;
  const more =
    shrinks.length > 3 ? ` (and ${shrinks.length - 3} more${ofCounts > 0 ? '' : ' months'})` : '';
  const what =
    ofCounts === 0
      ? 'a month with far fewer rows'
      : ofCounts === shrinks.length
        ? "a month's count with a far smaller one"
        : "a month with far fewer rows, or a month's count with a far smaller one,";
  return (
    `${path}: would replace ${what} (${shown}${more}; less than ` +
    `${Math.round(REPLACE_MIN_SHARE * 100)}% of what is held), so it may be cut short; nothing ` +
    'imported from it. If the smaller file is right, run the import again with ⟨replace⟩.'
  );
}

/**
 * Said of a file whose content was imported before and replaced since by a later file: the store
 * no longer holds it, so it is imported again like any newer file (and may bring back an older
 * version of a month, which the analyst should know).
 */
export const REIMPORTED_WARNING =
  'this content was imported before and replaced since by a later file; it replaces what the store held again';

/** What a republished street file changed in one month, by category (its count before and after). */
export interface MonthRevision {
  month: string;
  /** The categories whose count moved, in the order of the largest move first. */
  changes: { category: string; before: number; after: number }[];
}

/**
 * What a file that replaced street months changed in each of them, against the counts it
 * replaced (police.uk revises months: a category changed, rows withdrawn or added). A month whose
 * counts are all as before has no changes (the same records republished, in another order, with
 * other line endings or Crime IDs). Months of `after` the store did not hold are left out: they
 * were added, not revised. Pure.
 */
export function monthRevisions(
  before: readonly { month: string; category: string; records: number }[],
  after: readonly { month: string; category: string; records: number }[],
): MonthRevision[] {
  const sum = (rows: typeof before) => {
    const out = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const month = out.get(r.month) ?? new Map<string, number>();
      month.set(r.category, (month.get(r.category) ?? 0) + r.records);
      out.set(r.month, month);
    }
    return out;
  };
  const was = sum(before);
  const is = sum(after);
  return [...was.keys()]
    .filter((m) => is.has(m))
    .sort()
    .map((month) => {
      const a = was.get(month)!;
      const b = is.get(month)!;
      const changes = [...new Set([...a.keys(), ...b.keys()])]
        .map((category) => ({
          category,
          before: a.get(category) ?? 0,
          after: b.get(category) ?? 0,
        }))
        .filter((c) => c.before !== c.after)
        .sort(
          (x, y) =>
            Math.abs(y.after - y.before) - Math.abs(x.after - x.before) ||
            x.category.localeCompare(y.category),
        );
      return { month, changes };
    });
}

/** How many changed categories a month's line names before "and N more". */
const REVISION_SHOWN = 6;

/** One month's revision in words, for the import's report. */
export function revisionText(r: MonthRevision): string {
  if (r.changes.length === 0)
    return `${r.month}: every category's count as in the file it replaced: no figure moved`;
  const n = (x: number) => x.toLocaleString('en-GB');
  const name = (c: string) => (isCategory(c) ? CATEGORY_NAMES[c] : c);
  const shown = r.changes
    .slice(0, REVISION_SHOWN)
    .map((c) => `${name(c.category)} ${n(c.before)} → ${n(c.after)}`);
  const more = r.changes.length - shown.length;
  return (
    `${r.month} revised: ${shown.join(', ')}` +
    (more > 0 ? ` and ${more} more categor${more === 1 ? 'y' : 'ies'}` : '') +
    '; the other categories as before'
  );
}
