/**
 * Street records counted by import batch, force, month, district (and how the record was placed
 * in it) and category (issue 17): the counts every reader of an area's counts by month wants,
 * kept up by the import in the same transaction as the records they count
 * (store/police-batches.ts) and removed with them, so that a district's or a force's counts read
 * a few thousand rows instead of every record of the country (a row group of the record table
 * holds a dozen forces' records of one month, so no filter on the district can skip any). Some
 * 240,000 rows for the whole country over two years (one for every 44 records). A store that
 * holds records already is counted here, from its records.
 */
export const streetCountsSql = `
CREATE TABLE street_count (
  batch_id       INTEGER NOT NULL,
  force          VARCHAR NOT NULL,  -- the records' force (police_force.id)
  month          VARCHAR NOT NULL,
  district_code  VARCHAR,           -- null: records placed in no district
  district_match VARCHAR NOT NULL,  -- as crime.district_match
  category       VARCHAR NOT NULL,
  records        BIGINT NOT NULL
);
INSERT INTO street_count
SELECT batch_id, force, month, district_code, district_match, category, count(*) FROM crime
GROUP BY ALL ORDER BY district_code, month, category, batch_id;
`;
