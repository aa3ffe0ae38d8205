/**
 * `lantern areas import-boundaries FILE... --type T --vintage V`: GeoJSON or TopoJSON boundaries
 * of any area type, matched to the register by code (or, for a code the register does not know,
 * by name: counted and said, as the shape may be of another year), stored atomically (replacing the same codes,
 * type and vintage). Several files (a force's wards, one file per district) are all read and
 * checked first, then stored in one transaction: all of them, or none.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AreaType } from '../domain/area.js';
import { InputError } from '../errors.js';
import { parseBoundaries } from '../ingest/boundaries/parse-boundaries.js';
import { readInputFile } from '../ingest/input-file.js';
import { replaceBoundarySets } from '../store/boundaries.js';
import type { Db } from '../store/db.js';
import { areaCodesByName } from '../store/areas.js';

export interface BoundaryImportReport {
  path: string;
  type: AreaType;
  vintage: string;
  codeProperty: string;
  stored: number;
  /**
   * Of those stored, the features whose code the register does not know, stored under the code
   * of the register's area of the same name: their shapes are of the file's vintage and may not
   * follow that area's boundary now.
   */
  matchedByName: number;
  skipped: number;
  skippedSample: string[];
}

export interface BoundaryImportRequest {
  path: string;
  type: AreaType;
  vintage: string;
  codeProperty?: string;
  source?: string;
}

/** The district boundaries bundled in data/ (ONS 2013, generalised; matched to 2019 codes by name). */
export const BUNDLED_DISTRICT_BOUNDARIES = fileURLToPath(
  new URL('../../data/boundaries/lad-2013-england.topo.json.gz', import.meta.url),
);

export async function importBoundaries(
  db: Db,
  request: BoundaryImportRequest,
): Promise<BoundaryImportReport> {
  const { path, ...rest } = request;
  return (await importBoundaryFiles(db, { ...rest, paths: [path] }))[0] as BoundaryImportReport;
}

/** Several files of one type and vintage: every file parsed first, then all stored or none. */
export async function importBoundaryFiles(
  db: Db,
  request: Omit<BoundaryImportRequest, 'path'> & { paths: readonly string[] },
): Promise<BoundaryImportReport[]> {
  if (request.paths.length === 0) throw new InputError('name one or more boundary files');
  const byName = await areaCodesByName(db, request.type);
  const parsedFiles = [];
  for (const path of request.paths) {
    const bytes = await readInputFile(path);
    // A bad file refuses the whole import before anything is stored, naming the file.
    const parsed = parseBoundaries(
      path,
      bytes,
      (code) => byName.codes.has(code),
      request.codeProperty,
      {
        codesNamed: (name) => byName.byName.get(name.toLowerCase()) ?? [],
        // A ward's name is matched only in a district where others of the file lie: ward names
        // repeat across the country (Knowsley's "Park" of 2013 is not Calderdale's).
        ...(request.type === 'ward' ? { parentOf: (code) => byName.parents.get(code) } : {}),
      },
    );
    parsedFiles.push({ path, parsed });
  }
  refuseAreasInTwoFiles(parsedFiles);
  const stored = await replaceBoundarySets(
    db,
    parsedFiles.map(({ path, parsed }) => ({
      type: request.type,
      vintage: request.vintage,
      source: request.source ?? basename(path),
      shapes: parsed.shapes,
    })),
  );
  return parsedFiles.map(({ path, parsed }, i) => ({
    path,
    type: request.type,
    vintage: request.vintage,
    codeProperty: parsed.codeProperty,
    stored: stored[i] ?? 0,
    matchedByName: parsed.shapes.filter((shape) => shape.fileCode !== undefined).length,
    skipped: parsed.skipped.length,
    skippedSample: parsed.skipped.slice(0, 5).map((s) => s.reason),
  }));
}

/**
 * An area given by two of the files: which shape is its own is not known (the later file's would
 * silently replace the earlier's in the one transaction), so the import is refused, naming both.
 */
function refuseAreasInTwoFiles(
  files: readonly {
    path: string;
    parsed: { shapes: readonly { code: string; feature: number }[] };
  }[],
): void {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const { path, parsed } of files) {
    for (const { code, feature } of parsed.shapes) {
      const where = `${path} (feature ${feature})`;
      const before = seen.get(code);
      if (before === undefined) seen.set(code, where);
      else twice.push(`${code} is in ${before} and in ${where}`);
    }
  }
  if (twice.length > 0) {
    throw new InputError(
      `an area is given by two of the files, so which shape is its own is not known; nothing was ` +
        `stored. ${twice.slice(0, 3).join('; ')}${twice.length > 3 ? `; and ${twice.length - 3} more` : ''}`,
    );
  }
}
