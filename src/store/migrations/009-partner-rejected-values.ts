/**
 * Rejected partner rows without the rows' values. Lantern up to migration 008 kept each rejected
 * row's raw text and quoted the offending value in its reason ("\"5 Oak Road, Rickmansworth WD3
 * 1RL\" is not an area in the register"), so an address, a phone number or a name that a partner
 * file held in the wrong column was stored in clear, and stayed after the file was replaced.
 *
 * This migration:
 * - drops the raw text (the column goes: nothing can be written there again);
 * - rewrites each reason to the rule broken, as Lantern now writes it: the quoted value before
 *   the rule is cut off ("not an area in the register (give an ONS code or a name)"), as is the
 *   month before "outside the period"; a reason that is not then one of the forms Lantern writes
 *   is replaced whole by a note that it was removed, so that no older or unknown form can keep
 *   a value;
 * - deletes the rejected rows of files replaced whole, as imports now do;
 * - asks for the store's file to be rewritten (`store/rewrite-store-file.ts`) when there were
 *   rejected rows: DuckDB leaves deleted bytes in the file's free blocks;
 * - asks for the partner text kept by earlier versions to be checked again with today's
 *   detector (`store/partner-text-recheck.ts`), when the store holds partner data.
 *
 * The rows' line and field are kept: they name where the problem is in the partner's own file.
 */

/** The reasons Lantern writes for a rejected partner row (none holds a value from the row). */
const SAFE_REASONS = [
  String.raw`required, but empty`,
  String.raw`not a date \(YYYY-MM-DD or DD/MM/YYYY\)`,
  String.raw`not a month \(YYYY-MM\)`,
  String.raw`(value \d+ of \d+ is )?not one of [a-z0-9-]+(, [a-z0-9-]+)*`,
  String.raw`not a whole number ≥ 0`,
  String.raw`not a share \(0\.\.1 or a percentage\)`,
  String.raw`more than 100%`,
  String.raw`not a (longitude|latitude)`,
  String.raw`longitude and latitude come together`,
  String.raw`no location: give an area, longitude and latitude, or --area`,
  String.raw`not an area in the register \(give an ONS code or a name\)`,
  String.raw`the point lies in no LSOA whose boundary the store holds`,
  String.raw`[A-Z]\d{8} is a [a-z]+: [a-z-]+ needs a district or an area within one`,
  String.raw`outside the period \d{4}-\d{2}\.\.\d{4}-\d{2}`,
  String.raw`column "[^"\n]*" is neither yes \(Y\) nor no \(N\)`,
  String.raw`not a financial year \(e\.g\. 2024-25\)`,
  String.raw`not an ONS code( \(E or W and 8 digits\))?`,
  String.raw`[EW]\d{8} is a [a-z]+, not a district: its districts are counted on their own rows`,
  String.raw`[EW]\d{8} is not a district in the register \(a county, a national total, or newer than the 2019 lookups\)`,
];

const REMOVED =
  'rejected by an earlier version of Lantern (its reason quoted the row and was removed)';

/** A SQL string literal of a regular expression (no quote in any of them but the column's). */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Each reason with the value before its rule cut off (the forms Lantern wrote before this). */
const RULE_ONLY = `CASE
  -- "<value>" is <rule>: the rule after the last '" is ' (a value may hold quotes and newlines).
  WHEN regexp_matches(reason, ${literal(String.raw`^(?s)".*" is (.*)$`)})
    THEN regexp_replace(reason, ${literal(String.raw`^(?s)".*" is (.*)$`)}, '\\1')
  -- column "<header>": "<value>" is neither yes (Y) nor no (N)
  WHEN regexp_matches(reason, ${literal(String.raw`^(?s)(column "[^"\n]*"): ".*" is (neither yes \(Y\) nor no \(N\))$`)})
    THEN regexp_replace(reason, ${literal(String.raw`^(?s)(column "[^"\n]*"): ".*" is (neither yes \(Y\) nor no \(N\))$`)}, '\\1 is \\2')
  -- <month> is outside the period <from>..<to>
  WHEN regexp_matches(reason, ${literal(String.raw`^\d{4}-\d{2} is (outside the period .*)$`)})
    THEN regexp_replace(reason, ${literal(String.raw`^\d{4}-\d{2} is (outside the period .*)$`)}, '\\1')
  ELSE reason
END`;

/**
 * A new table replaces the old one (DuckDB refuses to update a table and drop one of its
 * columns in one transaction), holding the rows of files not replaced, with their rules only.
 */
export const partnerRejectedValuesSql = `
-- Work to do on open once this migration is committed (store/pending-tasks.ts): the file is
-- rewritten when there were rejected rows (DuckDB leaves deleted bytes in its free blocks), and
-- partner text stored by earlier versions is checked again.
CREATE TABLE store_pending_task (task VARCHAR NOT NULL, reason VARCHAR NOT NULL);
INSERT INTO store_pending_task
SELECT 'rewrite-file', 'migration 9: values of rejected partner rows'
WHERE EXISTS (SELECT 1 FROM partner_rejected_row);
INSERT INTO store_pending_task
SELECT 'recheck-partner-text', 'migration 9: text stored before the stricter personal-data checks'
WHERE EXISTS (SELECT 1 FROM partner_batch);

CREATE TABLE partner_rejected_row_009 (
  batch_id INTEGER NOT NULL,
  line     INTEGER NOT NULL,
  field    VARCHAR,
  reason   VARCHAR NOT NULL   -- the rule broken, never the row's value
);

INSERT INTO partner_rejected_row_009
SELECT batch_id, line, field,
       CASE WHEN regexp_full_match(rule, ${literal(`(?:${SAFE_REASONS.join('|')})`)}) THEN rule
            ELSE ${literal(REMOVED)} END
FROM (SELECT *, ${RULE_ONLY} AS rule FROM partner_rejected_row)
WHERE batch_id NOT IN (SELECT id FROM partner_batch WHERE status = 'replaced');

DROP TABLE partner_rejected_row;
ALTER TABLE partner_rejected_row_009 RENAME TO partner_rejected_row;
`;
