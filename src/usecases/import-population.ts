/**
 * `lantern areas import-population FILE`: populations by area for one year, from an ONS
 * mid-year estimates file or any CSV of area codes and counts. Rows whose code the register
 * does not hold are rejected with their line; the rest are stored atomically, replacing the same
 * year and source, and summed up the register where every sub-area has a figure.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

import { InputError } from '../errors.js';
import {
  parsePopulationFile,
  type PopulationFileOptions,
  type PopulationProblem,
} from '../ingest/population/parse-population-file.js';
import type { Db } from '../store/db.js';
import { areaTypes } from '../store/areas.js';
import { replacePopulations } from '../store/populations.js';

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
}

export interface PopulationImportOptions extends PopulationFileOptions {
  source?: string;
}

export async function importPopulation(
  db: Db,
  path: string,
  options: PopulationImportOptions,
): Promise<PopulationImportReport> {
  const bytes = await readFile(path).catch(() => {
    throw new InputError(`${path}: no such file`);
  });
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
