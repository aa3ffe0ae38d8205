/**
 * The ONS Open Geography Portal layers `lantern fetch boundaries` reads
 * (config/ons-boundary-layers.yaml by default): one per area type (LSOA, ward, district), each with
 * its feature service, fields and vintage. Validated with a schema; a type given twice, or a field
 * name that could not be an ArcGIS field, is refused with the file and line.
 */
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { FETCHED_BOUNDARY_TYPES, type BoundaryLayer } from '../domain/boundary-layer.js';
import { readYamlFile } from './yaml-file.js';

export const DEFAULT_BOUNDARY_LAYERS_FILE = fileURLToPath(
  new URL('../../config/ons-boundary-layers.yaml', import.meta.url),
);

/** ArcGIS service and field names: letters, digits and underscores (nothing to escape in a URL or a where clause). */
const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/u, 'letters, digits and underscores, starting with a letter');

const layerSchema = z
  .object({
    type: z.enum(FETCHED_BOUNDARY_TYPES),
    vintage: z.string().regex(/^\d{4}$/u, 'a year, e.g. "2019"'),
    title: z.string().min(1),
    service: identifier,
    layer: z.number().int().min(0).default(0),
    codeField: identifier,
    nameField: identifier,
    maxAllowableOffset: z.number().positive().max(0.01).optional(),
    source: z.string().min(1),
    verified: z.boolean(),
  })
  .strict();

const fileSchema = z.object({ layers: z.array(layerSchema).min(1) }).strict();

export async function loadBoundaryLayers(
  path: string = DEFAULT_BOUNDARY_LAYERS_FILE,
): Promise<BoundaryLayer[]> {
  const data = await readYamlFile(path, fileSchema, 'boundary layers file', (d, refuse) => {
    const types = new Set<string>();
    d.layers.forEach((l, i) => {
      if (types.has(l.type))
        refuse(['layers', i, 'type'], `a second ${l.type} layer (give one per area type)`);
      types.add(l.type);
    });
  });
  return data.layers.map((l) => ({
    type: l.type,
    vintage: l.vintage,
    title: l.title,
    service: l.service,
    layer: l.layer,
    codeField: l.codeField,
    nameField: l.nameField,
    ...(l.maxAllowableOffset === undefined ? {} : { maxAllowableOffset: l.maxAllowableOffset }),
  }));
}
