/**
 * A population file (ONS mid-year estimates or any table of area codes and counts) to rows of
 * code and count with their lines. Columns are found by name: the code column is the first whose
 * header names a code ("LSOA 2021 Code", "LSOA11CD", "Area Codes", "ladcode21", "Code"), the count
 * column the first named "All Ages", "Total", "Population", "Persons", "Count" or "Observation" (ONS custom tables) (or given by the
 * caller). The year comes from the caller or from a header such as "Mid-2022" / "population_2022".
 */
import { InputError } from '../../errors.js';
import { parseCsv } from '../csv.js';
import { decodeCsvText } from '../decode.js';

export interface PopulationRow {
  line: number;
  code: string;
  count: number;
  /** The ethnic group as filed, when the file gives populations by ethnic group. */
  ethnicGroup?: string;
}

export interface PopulationProblem {
  line: number;
  field: string;
  reason: string;
}

export interface ParsedPopulationFile {
  year: number;
  codeColumn: string;
  countColumn: string;
  rows: PopulationRow[];
  rejected: PopulationProblem[];
}

export interface PopulationFileOptions {
  year?: number;
  codeColumn?: string;
  countColumn?: string;
  /** The column naming each row's ethnic group (a Census table by ethnic group). */
  ethnicGroupColumn?: string;
}

const CODE_HEADER = /(^|[\s_])(code|codes|cd)$|cd\d{2}$|^ladcode|^lsoa\d{2}cd$/iu;
const COUNT_HEADER =
  /^(all[\s_]ages|total|population(_\d{4})?|persons|count|observation|mid[-\s]?\d{4})$/iu;
const YEAR_IN_HEADER = /(?:mid[-\s]?|population_)(\d{4})/iu;

export function parsePopulationFile(
  path: string,
  bytes: Uint8Array,
  options: PopulationFileOptions = {},
): ParsedPopulationFile {
  const csv = parseCsv(decodeCsvText(bytes, path), path);
  const header = csv.header.map((h) => h.trim());
  const codeColumn = pickColumn(
    header,
    options.codeColumn,
    CODE_HEADER,
    path,
    'code',
    '--code-column',
  );
  const countColumn = pickColumn(
    header,
    options.countColumn,
    COUNT_HEADER,
    path,
    'count',
    '--count-column',
  );
  const groupColumn =
    options.ethnicGroupColumn === undefined
      ? null
      : pickColumn(
          header,
          options.ethnicGroupColumn,
          /^$/u,
          path,
          'ethnic group',
          '--ethnic-group-column',
        );
  const year = options.year ?? yearFromHeader(countColumn);
  if (year === null) {
    throw new InputError(
      `${path}: the file does not say which year its populations are for; give --year YYYY`,
    );
  }
  const codeAt = header.indexOf(codeColumn);
  const countAt = header.indexOf(countColumn);
  const rows: PopulationRow[] = [];
  const rejected: PopulationProblem[] = [];
  csv.records.forEach((record, i) => {
    const line = csv.lines[i] as number;
    const code = (record[codeAt] ?? '').trim();
    const countText = (record[countAt] ?? '').trim().replaceAll(',', '');
    if (code === '') {
      rejected.push({ line, field: codeColumn, reason: 'is empty' });
      return;
    }
    if (!/^\d+$/u.test(countText)) {
      rejected.push({
        line,
        field: countColumn,
        reason: `"${record[countAt] ?? ''}" is not a whole number of people`,
      });
      return;
    }
    const count = Number(countText);
    // The store holds a population as a 32-bit integer; far more than any area's (QA: a stack trace).
    if (count > MAX_COUNT) {
      rejected.push({
        line,
        field: countColumn,
        reason: `"${record[countAt] ?? ''}" is more people than Lantern can hold (${MAX_COUNT.toLocaleString('en-GB')})`,
      });
      return;
    }
    rows.push({
      line,
      code,
      count,
      ...(groupColumn === null
        ? {}
        : { ethnicGroup: (record[header.indexOf(groupColumn)] ?? '').trim() }),
    });
  });
  if (rows.length === 0) {
    const first = rejected[0];
    throw new InputError(
      `${path}: no row holds a code and a population` +
        (first ? ` (line ${first.line}: ${first.field}: ${first.reason})` : ''),
    );
  }
  refuseRepeatedAreas(path, codeColumn, rows);
  return { year, codeColumn, countColumn, rows, rejected };
}

/** The most a population may be: the store's INTEGER. */
const MAX_COUNT = 2_147_483_647;

/**
 * An area given twice (of the same ethnic group, in a table by group): which figure is its
 * population is not known, and both would be stored and summed into its parents (QA: "2 district
 * stored" for one district). Refused, naming both lines.
 */
function refuseRepeatedAreas(path: string, codeColumn: string, rows: readonly PopulationRow[]) {
  const firstLine = new Map<string, number>();
  const twice: string[] = [];
  for (const row of rows) {
    const key = `${row.code}\u0000${row.ethnicGroup ?? ''}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else
      twice.push(
        `lines ${first} and ${row.line} both give ${row.code}${row.ethnicGroup === undefined ? '' : ` (${row.ethnicGroup})`}`,
      );
  }
  if (twice.length > 0) {
    throw new InputError(
      `${path}: an area is given more than once (${codeColumn}), so which figure is its population ` +
        `is not known; nothing was stored. ${twice.slice(0, 3).join('; ')}` +
        (twice.length > 3 ? `; and ${twice.length - 3} more` : ''),
    );
  }
}

function pickColumn(
  header: readonly string[],
  given: string | undefined,
  pattern: RegExp,
  path: string,
  what: string,
  option: string,
): string {
  if (given !== undefined) {
    if (!header.includes(given)) {
      throw new InputError(
        `${path}: ${option}: the file has no column "${given}" (it has ${header.join(', ')})`,
      );
    }
    return given;
  }
  const found = header.find((h) => pattern.test(h));
  if (!found) {
    throw new InputError(
      `${path}: no ${what} column found (columns: ${header.join(', ')}); name it with ${option}`,
    );
  }
  return found;
}

function yearFromHeader(column: string): number | null {
  const m = YEAR_IN_HEADER.exec(column);
  return m ? Number(m[1]) : null;
}
