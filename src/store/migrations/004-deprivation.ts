/**
 * Deprivation: the English Index of Multiple Deprivation 2019 rank of each LSOA (1 = most
 * deprived of the 32,844 LSOAs in England), from the ONS lookup bundled as data/lookups/004,
 * with its decile: the ranked LSOAs split into ten groups of equal size, decile 1 the most
 * deprived, decile = ceil(rank × 10 / N), so decile 1 holds ranks 1–3,284. Welsh LSOAs have no
 * rank here (the Welsh index is a different index).
 */
import { quoteLiteral } from '../db.js';
import { referenceFile } from '../reference-files.js';

export function deprivationSql(): string {
  const imd = quoteLiteral(referenceFile('lookups/004.csv.gz'));
  return `
CREATE TABLE deprivation (
  lsoa_code VARCHAR NOT NULL,
  index     VARCHAR NOT NULL,  -- 'IMD 2019 (England)'
  rank      INTEGER NOT NULL,  -- 1 = most deprived
  decile    INTEGER NOT NULL,  -- 1 = most deprived tenth
  of_areas  INTEGER NOT NULL   -- how many LSOAs were ranked
);
INSERT INTO deprivation
  SELECT LSOA11CD, 'IMD 2019 (England)', rank, ceil(rank * 10 / n)::INTEGER, n
  FROM (SELECT LSOA11CD, CAST(IMD19 AS INTEGER) AS rank, count(*) OVER () AS n
        FROM read_csv(${imd}, header = true, all_varchar = true));
`;
}
