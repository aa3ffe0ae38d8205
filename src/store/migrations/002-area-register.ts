/**
 * The area register for England and Wales, loaded from the ONS lookups bundled in data/:
 * PFA → CSP → LAD (194: LAD19 to CSP19 to PFA19, Dec 2019), LAD → ward → LSOA (135: LSOA11 to
 * WD19, best fit), and district populations from the 2011 Census (usual residents, via Nomis).
 * Five districts were merged in April 2019; their 2011 populations are the sums of their
 * predecessors' (Structural Changes Orders 2018), and one name is spelt differently.
 */
import { quoteLiteral } from '../db.js';
import { referenceFile } from '../reference-files.js';

export const POPULATION_SOURCE = 'ONS Census 2011, usual residents (Nomis)';

export const MERGED_2019: readonly (readonly [string, string])[] = [
  ['Bournemouth, Christchurch and Poole', 'Bournemouth'],
  ['Bournemouth, Christchurch and Poole', 'Christchurch'],
  ['Bournemouth, Christchurch and Poole', 'Poole'],
  ['Dorset', 'East Dorset'],
  ['Dorset', 'North Dorset'],
  ['Dorset', 'Purbeck'],
  ['Dorset', 'West Dorset'],
  ['Dorset', 'Weymouth and Portland'],
  ['East Suffolk', 'Suffolk Coastal'],
  ['East Suffolk', 'Waveney'],
  ['West Suffolk', 'Forest Heath'],
  ['West Suffolk', 'St Edmundsbury'],
  ['Somerset West and Taunton', 'Taunton Deane'],
  ['Somerset West and Taunton', 'West Somerset'],
  ['Rhondda Cynon Taf', 'Rhondda Cynon Taff'],
];

export function areaRegisterSql(): string {
  const lad = quoteLiteral(referenceFile('lookups/194.csv.gz'));
  const lsoa = quoteLiteral(referenceFile('lookups/135.csv.gz'));
  const pop = quoteLiteral(referenceFile('population/census-2011-lad-population.csv.gz'));
  const merged = MERGED_2019.map(
    ([to, from]) => `(${quoteLiteral(to)}, ${quoteLiteral(from)})`,
  ).join(', ');
  return `
CREATE TEMP TABLE lad_lookup AS SELECT * FROM read_csv(${lad}, header = true, all_varchar = true);
CREATE TEMP TABLE lsoa_lookup AS SELECT * FROM read_csv(${lsoa}, header = true, all_varchar = true);

INSERT INTO area SELECT DISTINCT PFA19CD, PFA19NM, 'force', NULL, 'PFA 2019' FROM lad_lookup;
INSERT INTO area SELECT CSP19CD, any_value(CSP19NM), 'csp', any_value(PFA19CD), 'CSP 2019'
  FROM lad_lookup GROUP BY CSP19CD;
INSERT INTO area SELECT LAD19CD, any_value(LAD19NM), 'district', min(CSP19CD), 'LAD 2019'
  FROM lad_lookup GROUP BY LAD19CD;
INSERT INTO area SELECT WD19CD, any_value(WD19NM), 'ward', any_value(LAD19CD), 'WD 2019'
  FROM lsoa_lookup GROUP BY WD19CD;
INSERT INTO area SELECT LSOA11CD, LSOA11NM, 'lsoa', WD19CD, 'LSOA 2011' FROM lsoa_lookup;

CREATE TEMP TABLE census AS
  SELECT geography AS name,
         CAST("Ethnic Group: All categories: Ethnic group; measures: Value" AS INTEGER) AS people
  FROM read_csv(${pop}, header = true, all_varchar = true)
  WHERE "Rural Urban" = 'Total';
CREATE TEMP TABLE merged_2019(successor VARCHAR, predecessor VARCHAR);
INSERT INTO merged_2019 VALUES ${merged};

INSERT INTO population
  SELECT a.code, 2011, '${POPULATION_SOURCE}', sum(c.people)
  FROM area a
  JOIN census c ON c.name = a.name
     OR c.name IN (SELECT predecessor FROM merged_2019 m WHERE m.successor = a.name)
  WHERE a.type = 'district'
  GROUP BY a.code;

-- A CSP's or force's population is the sum of its districts', only when every district has one.
INSERT INTO population
  SELECT parent.code, 2011, '${POPULATION_SOURCE}', sum(p.count)
  FROM area parent
  JOIN area d ON d.type = 'district'
    AND (d.parent = parent.code OR (parent.type = 'force' AND d.parent IN
         (SELECT code FROM area WHERE type = 'csp' AND parent = parent.code)))
  LEFT JOIN population p ON p.area_code = d.code
  WHERE parent.type IN ('csp', 'force')
  GROUP BY parent.code
  HAVING count(p.count) = count(*);

-- Derived lookups for tying records to districts (rebuilt whenever the register changes).
CREATE TABLE lsoa_district AS
  SELECT l.code AS lsoa_code, w.parent AS district_code
  FROM area l JOIN area w ON w.code = l.parent WHERE l.type = 'lsoa';
-- A district as police.uk LSOA names spell it: the LSOA names' prefixes ("Bristol 065A" is in
-- "Bristol, City of"), and the district names themselves.
CREATE TABLE district_name AS
  SELECT name_key, min(district_code) AS district_code FROM (
    SELECT lower(regexp_extract(l.name, '^(.*\\S)\\s+\\d{3}[A-Z]$', 1)) AS name_key, w.parent AS district_code
    FROM area l JOIN area w ON w.code = l.parent WHERE l.type = 'lsoa'
    UNION ALL
    SELECT lower(name), code FROM area WHERE type = 'district')
  WHERE name_key <> ''
  GROUP BY name_key;

DROP TABLE lad_lookup; DROP TABLE lsoa_lookup; DROP TABLE census; DROP TABLE merged_2019;
`;
}
