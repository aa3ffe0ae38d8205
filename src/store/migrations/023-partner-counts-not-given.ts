/**
 * A partner file need not give every count of its dataset (domestic abuse's repeat victims and
 * referrals are optional): a count it does not give, for a district and month it covers, is
 * unknown there, not zero. `partner_coverage.not_given` lists those counts (as stored categories,
 * "repeat-victims"); NULL where the file gave every one.
 *
 * Files imported before were stored without it, so their absent counts read as zero. What the
 * stored rows show is filled in: for a district's month with rows, a count some row lacks (a
 * count given for part of a district is not its count); for a month the file covered with no
 * row there (a zero), a count no row of the file still held gives. A file none of whose rows is
 * held any more is left as it was: nothing shows what it gave.
 */
export const partnerCountsNotGivenSql = `
ALTER TABLE partner_coverage ADD COLUMN not_given VARCHAR[];
UPDATE partner_coverage SET not_given = m.categories FROM (
  WITH optional(dataset, category) AS (
    VALUES ('domestic-abuse', 'repeat-victims'), ('domestic-abuse', 'referrals')
  ),
  lines AS (
    SELECT batch_id, district_code AS district, month, count(DISTINCT line) AS n
    FROM partner_count GROUP BY ALL
  ),
  given AS (
    SELECT batch_id, district_code AS district, month, category, count(DISTINCT line) AS n
    FROM partner_count GROUP BY ALL
  ),
  batch_given AS (SELECT DISTINCT batch_id, category FROM partner_count)
  SELECT c.batch_id, c.district, c.month, list(o.category ORDER BY o.category) AS categories
  FROM partner_coverage c
  JOIN optional o ON o.dataset = c.dataset
  LEFT JOIN lines l ON l.batch_id = c.batch_id AND l.district = c.district AND l.month = c.month
  LEFT JOIN given g ON g.batch_id = c.batch_id AND g.district = c.district AND g.month = c.month
    AND g.category = o.category
  LEFT JOIN batch_given b ON b.batch_id = c.batch_id AND b.category = o.category
  WHERE CASE
    WHEN l.n IS NOT NULL THEN coalesce(g.n, 0) < l.n
    ELSE b.batch_id IS NULL AND EXISTS (SELECT 1 FROM partner_count p WHERE p.batch_id = c.batch_id)
  END
  GROUP BY ALL
) m
WHERE partner_coverage.batch_id = m.batch_id AND partner_coverage.district = m.district
  AND partner_coverage.month = m.month;
`;
