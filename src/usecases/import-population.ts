/**
 * `lantern areas import-population FILE`: populations by area for one year, from an ONS
 * mid-year estimates file or any CSV of area codes and counts. Rows whose code the register
 * does not hold are rejected with their line; the rest are stored atomically, replacing the same
 * year and source, and summed up the register where every sub-area has a figure.
 */
import { basename } from 'node:path';

import { InputError } from '../errors.js';
import { readInputFile } from '../ingest/input-file.js';
import {
  parsePopulationFile,
  type PopulationFileOptions,
  type PopulationProblem,
  type PopulationRow,
} from '../ingest/population/parse-population-file.js';
import { ethnicGroupOf } from '../domain/ethnic-groups.js';
import type { Db } from '../store/db.js';
import { areaTypes } from '../store/areas.js';
import { replaceEthnicPopulations, replacePopulations } from '../store/populations.js';

export interface PopulationImportReport {
  path: string;
  year: number;
  source: string;
  codeColumn: string;
  countColumn: string;
  stored: number;
  byType: Record<string, number>;
  derived: number;
  rejected: number;
  rejectedSample: PopulationProblem[];
  /** For a table by ethnic group: the districts stored, each by the five broad groups. */
  ethnicGroups?: { districts: number };
}

export interface PopulationImportOptions extends PopulationFileOptions {
  source?: string;
}

export async function importPopulation(
  db: Db,
  path: string,
  options: PopulationImportOptions,
): Promise<PopulationImportReport> {
  const bytes = await readInputFile(path);
  const parsed = parsePopulationFile(path, bytes, options);
  const types = await areaTypes(db);
  const rejected = [...parsed.rejected];
  const rows = parsed.rows.filter((r) => {
    if (types.has(r.code)) return true;
    rejected.push({
      line: r.line,
      field: parsed.codeColumn,
      reason: `"${r.code}" is not an area in the register`,
    });
    return false;
  });
  if (rows.length === 0) {
    throw new InputError(
      `${path}: none of its area codes is in the register (first: ${parsed.rows[0]?.code ?? '?'})`,
    );
  }
  const source = options.source ?? `${basename(path)} (mid-${parsed.year})`;
  if (options.ethnicGroupColumn !== undefined)
    return importEthnicGroups(db, path, parsed, rows, rejected, types, source);
  const { stored, derived } = await replacePopulations(db, { year: parsed.year, source, rows });
  const byType: Record<string, number> = {};
  for (const r of rows)
    byType[types.get(r.code) as string] = (byType[types.get(r.code) as string] ?? 0) + 1;
  rejected.sort((a, b) => a.line - b.line);
  return {
    path,
    year: parsed.year,
    source,
    codeColumn: parsed.codeColumn,
    countColumn: parsed.countColumn,
    stored,
    byType,
    derived,
    rejected: rejected.length,
    rejectedSample: rejected.slice(0, 5),
  };
}

/**
 * A table of district populations by ethnic group (a Census table such as 2021's TS021): each
 * row's group falls in one of the five broad groups (its first word: White, Mixed, Asian, Black,
 * Other; detailed groups are summed into theirs); totals and rows of other areas are rejected
 * with their line.
 */
async function importEthnicGroups(
  db: Db,
  path: string,
  parsed: ReturnType<typeof parsePopulationFile>,
  rows: readonly PopulationRow[],
  rejected: PopulationProblem[],
  types: ReadonlyMap<string, string>,
  source: string,
): Promise<PopulationImportReport> {
  const kept: { code: string; group: string; count: number }[] = [];
  for (const r of rows) {
    const group = ethnicGroupOf(r.ethnicGroup ?? null);
    if (types.get(r.code) !== 'district') {
      rejected.push({
        line: r.line,
        field: parsed.codeColumn,
        reason: `"${r.code}" is not a district: populations by ethnic group are taken by district`,
      });
    } else if (group === null) {
      rejected.push({
        line: r.line,
        field: 'ethnic group',
        reason: `"${r.ethnicGroup ?? ''}" is not one of the five broad groups (White, Mixed, Asian, Black, Other)`,
      });
    } else kept.push({ code: r.code, group, count: r.count });
  }
  if (kept.length === 0)
    throw new InputError(
      `${path}: no row holds a district, one of the five broad ethnic groups and a count`,
    );
  const districts = await replaceEthnicPopulations(db, { year: parsed.year, source, rows: kept });
  rejected.sort((a, b) => a.line - b.line);
  return {
    path,
    year: parsed.year,
    source,
    codeColumn: parsed.codeColumn,
    countColumn: parsed.countColumn,
    stored: kept.length,
    byType: { district: districts },
    derived: 0,
    rejected: rejected.length,
    rejectedSample: rejected.slice(0, 5),
    ethnicGroups: { districts },
  };
}
