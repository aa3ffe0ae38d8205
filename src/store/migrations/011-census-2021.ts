/**
 * District populations from the 2021 Census beside 2011's (migration 002), so that rates of recent
 * periods use the population nearest their year. The bundled file is the ONS Digital Content
 * team's unmodified `poprank.js` (ONSvisual/census-population-scrolly, OGL v3.0): a JavaScript
 * module exporting one object per 2021 district of England and Wales with `LAD`, `NAME` and
 * `POP21` (usual residents, first release, rounded to the nearest 100). Districts of the 2019
 * register are matched by code; those merged since 2019 (Buckinghamshire's four, the seven of
 * Northamptonshire) have no 2021 figure and keep 2011's. A CSP's or force's 2021 population is
 * the sum of its districts', only when every district has one.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { ConfigError } from '../../errors.js';
import { quoteLiteral } from '../db.js';
import { referenceFile } from '../reference-files.js';

export const CENSUS_2021_SOURCE =
  'ONS Census 2021, usual residents (first release, rounded to the nearest 100)';
const FILE = 'population/census-2021-lad-population.poprank.js.gz';

interface Row {
  code: string;
  count: number;
}

/** The districts and their 2021 populations from the bundled module's text. */
export function census2021Rows(text: string): Row[] {
  const body = text
    .trim()
    .replace(/^export\s+default\s+/u, '')
    .replace(/;\s*$/u, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ConfigError(`${FILE}: not the expected ONS module (an exported JSON array)`);
  }
  if (!Array.isArray(parsed)) throw new ConfigError(`${FILE}: not an array`);
  return parsed.map((x: unknown, i) => {
    const o = x as { LAD?: unknown; POP21?: unknown };
    if (typeof o.LAD !== 'string' || typeof o.POP21 !== 'number' || !(o.POP21 > 0))
      throw new ConfigError(`${FILE}: entry ${i + 1} has no LAD code or POP21 count`);
    return { code: o.LAD, count: o.POP21 };
  });
}

export function census2021Sql(): string {
  const text = gunzipSync(readFileSync(referenceFile(FILE))).toString('utf8');
  const rows = census2021Rows(text);
  const source = quoteLiteral(CENSUS_2021_SOURCE);
  const values = rows.map((r) => `(${quoteLiteral(r.code)}, ${r.count})`).join(', ');
  return `
CREATE TEMP TABLE census_2021(code VARCHAR, people INTEGER);
INSERT INTO census_2021 VALUES ${values};

INSERT INTO population
  SELECT a.code, 2021, ${source}, c.people
  FROM area a JOIN census_2021 c ON c.code = a.code
  WHERE a.type = 'district';

INSERT INTO population
  SELECT parent.code, 2021, ${source}, sum(p.count)
  FROM area parent
  JOIN area d ON d.type = 'district'
    AND (d.parent = parent.code OR (parent.type = 'force' AND d.parent IN
         (SELECT code FROM area WHERE type = 'csp' AND parent = parent.code)))
  LEFT JOIN population p ON p.area_code = d.code AND p.year = 2021 AND p.source = ${source}
  WHERE parent.type IN ('csp', 'force')
  GROUP BY parent.code
  HAVING count(p.count) = count(*);

DROP TABLE census_2021;
`;
}
