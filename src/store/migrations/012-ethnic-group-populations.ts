/**
 * District populations by the Census's five broad ethnic groups (White, Mixed, Asian, Black,
 * Other), for stop-and-search disproportionality: 2011 from the bundled Census 2011 table
 * (data/population/census-2011-lad-population.csv.gz, usual residents by ethnic group via Nomis,
 * the file migration 002 reads for totals), matched to 2019 districts by name as 002 does. A
 * Census 2021 table can be added with `lantern areas import-population --ethnic-group-column`.
 */
import { quoteLiteral } from '../db.js';
import { referenceFile } from '../reference-files.js';
import { MERGED_2019, POPULATION_SOURCE } from './002-area-register.js';

export const ETHNIC_POPULATION_SOURCE = `${POPULATION_SOURCE}, by ethnic group`;

const COLUMNS: Record<string, string> = {
  White: 'Ethnic Group: White; measures: Value',
  Mixed: 'Ethnic Group: Mixed; measures: Value',
  Asian: 'Ethnic Group: Asian; measures: Value',
  Black: 'Ethnic Group: Black; measures: Value',
  Other: 'Ethnic Group: Other; measures: Value',
};

export function ethnicGroupPopulationsSql(): string {
  const pop = quoteLiteral(referenceFile('population/census-2011-lad-population.csv.gz'));
  const merged = MERGED_2019.map(
    ([to, from]) => `(${quoteLiteral(to)}, ${quoteLiteral(from)})`,
  ).join(', ');
  const unions = Object.entries(COLUMNS)
    .map(
      ([group, column]) =>
        `SELECT geography AS name, ${quoteLiteral(group)} AS ethnic_group, CAST("${column}" AS INTEGER) AS people
         FROM read_csv(${pop}, header = true, all_varchar = true) WHERE "Rural Urban" = 'Total'`,
    )
    .join('\nUNION ALL\n');
  return `
CREATE TABLE population_ethnic_group (
  area_code    VARCHAR NOT NULL,
  year         INTEGER NOT NULL,
  source       VARCHAR NOT NULL,
  ethnic_group VARCHAR NOT NULL,  -- White | Mixed | Asian | Black | Other
  count        INTEGER NOT NULL
);
CREATE TEMP TABLE census_ethnic AS ${unions};
CREATE TEMP TABLE merged_2019_ethnic(successor VARCHAR, predecessor VARCHAR);
INSERT INTO merged_2019_ethnic VALUES ${merged};
INSERT INTO population_ethnic_group
  SELECT a.code, 2011, '${ETHNIC_POPULATION_SOURCE}', c.ethnic_group, sum(c.people)
  FROM area a
  JOIN census_ethnic c ON c.name = a.name
     OR c.name IN (SELECT predecessor FROM merged_2019_ethnic m WHERE m.successor = a.name)
  WHERE a.type = 'district'
  GROUP BY a.code, c.ethnic_group;
DROP TABLE census_ethnic; DROP TABLE merged_2019_ethnic;
`;
}
