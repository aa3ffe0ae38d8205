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
