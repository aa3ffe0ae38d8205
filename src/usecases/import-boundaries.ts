/**
 * `lantern areas import-boundaries FILE --type T --vintage V`: GeoJSON or TopoJSON boundaries of
 * any area type, matched to the register by code, stored atomically (replacing the same codes,
 * type and vintage).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AreaType } from '../domain/area.js';
import { InputError } from '../errors.js';
import { parseBoundaries } from '../ingest/boundaries/parse-boundaries.js';
import { replaceBoundaries } from '../store/boundaries.js';
import type { Db } from '../store/db.js';
import { areaCodesByName, areaTypes } from '../store/areas.js';

export interface BoundaryImportReport {
  path: string;
  type: AreaType;
  vintage: string;
  codeProperty: string;
  stored: number;
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
  const bytes = await readFile(request.path).catch(() => {
    throw new InputError(`${request.path}: no such file`);
  });
  const types = await areaTypes(db);
  const byName = await areaCodesByName(db, request.type);
  const parsed = parseBoundaries(
    request.path,
    bytes,
    (code) => types.get(code) === request.type,
    request.codeProperty,
    (name) => byName.get(name.toLowerCase()),
  );
  const stored = await replaceBoundaries(db, {
    type: request.type,
    vintage: request.vintage,
    source: request.source ?? basename(request.path),
    shapes: parsed.shapes,
  });
  return {
    path: request.path,
    type: request.type,
    vintage: request.vintage,
    codeProperty: parsed.codeProperty,
    stored,
    skipped: parsed.skipped.length,
    skippedSample: parsed.skipped.slice(0, 5).map((s) => s.reason),
  };
}
