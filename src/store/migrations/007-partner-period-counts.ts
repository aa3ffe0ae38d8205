/**
 * Partner counts over a whole period rather than by month: DEFRA's annual fly-tipping table gives
 * each authority's financial-year totals. They carry no monthly detail and add no monthly
 * coverage: a year held this way never makes its months look observed.
 */
export const partnerPeriodCountsSchema = `
CREATE TABLE partner_period_count (
  batch_id      INTEGER NOT NULL,
  line          INTEGER NOT NULL,
  dataset       VARCHAR NOT NULL,
  period_from   VARCHAR NOT NULL,
  period_to     VARCHAR NOT NULL,
  area_code     VARCHAR NOT NULL,
  district_code VARCHAR NOT NULL,
  category      VARCHAR NOT NULL,
  count         INTEGER NOT NULL
);
`;
