/**
 * A boundary file (GeoJSON FeatureCollection, or TopoJSON whose objects are converted with
 * topojson-client), gzipped or not, to area codes and polygons. The code property is the one
 * named, or else the first property whose values are codes the caller recognises; a feature whose
 * code the register lacks (an older vintage's) is matched by its name ("…NM"). Pure: no I/O.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { gunzipSync } from 'node:zlib';

import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

import { InputError } from '../../errors.js';
import { decodeCsvText } from '../decode.js';

export interface ParsedBoundaries {
  codeProperty: string;
  shapes: { code: string; geometry: Polygon | MultiPolygon }[];
  skipped: { index: number; reason: string }[];
}

export function parseBoundaries(
  path: string,
  bytes: Uint8Array,
  isKnownCode: (code: string) => boolean,
  codeProperty?: string,
  codeForName?: (name: string) => string | undefined,
): ParsedBoundaries {
  const features = readFeatures(path, bytes);
  const property = codeProperty ?? guessCodeProperty(path, features, isKnownCode);
  const nameProperty = property.replace(/CD$/u, 'NM');
  const shapes: ParsedBoundaries['shapes'] = [];
  const skipped: ParsedBoundaries['skipped'] = [];
  features.forEach((f, index) => {
    const given = f.properties?.[property];
    // A code the register does not know (an older vintage's) is matched by the area's name.
    const name = f.properties?.[nameProperty];
    const code =
      typeof given === 'string' && !isKnownCode(given) && typeof name === 'string' && codeForName
        ? (codeForName(name) ?? given)
        : given;
    const type = f.geometry?.type;
    if (typeof code !== 'string' || code === '') {
      skipped.push({ index, reason: `feature ${index} has no "${property}"` });
    } else if (type !== 'Polygon' && type !== 'MultiPolygon') {
      skipped.push({ index, reason: `${code}: geometry is ${type ?? 'missing'}, not a polygon` });
    } else if (!isKnownCode(code)) {
      skipped.push({ index, reason: `${code} is not an area in the register` });
    } else {
      shapes.push({ code, geometry: f.geometry as Polygon | MultiPolygon });
    }
  });
  if (shapes.length === 0) {
    throw new InputError(
      `${path}: no polygon has a code the register knows (${skipped[0]?.reason ?? 'the file has no features'})`,
    );
  }
  return { codeProperty: property, shapes, skipped };
}

function readFeatures(path: string, bytes: Uint8Array): Feature[] {
  let json: unknown;
  try {
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    json = JSON.parse(decodeCsvText(text, path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: not a JSON file (${(error as Error).message})`);
  }
  const doc = json as { type?: string; features?: Feature[]; objects?: Record<string, unknown> };
  if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) return doc.features;
  if (doc.type === 'Topology' && doc.objects) {
    const topology = json as Topology;
    return Object.keys(topology.objects).flatMap((name) => {
      const converted = feature(topology, topology.objects[name] as never) as unknown as
        Feature | { features: Feature[] };
      return 'features' in converted ? converted.features : [converted];
    });
  }
  throw new InputError(`${path}: not a GeoJSON FeatureCollection or a TopoJSON Topology`);
}

function guessCodeProperty(
  path: string,
  features: readonly Feature[],
  isKnownCode: (c: string) => boolean,
): string {
  const sample = features.slice(0, 50);
  const names = Object.keys(sample[0]?.properties ?? {});
  const found = names.find((name) =>
    sample.some((f) => {
      const v = f.properties?.[name];
      return typeof v === 'string' && isKnownCode(v);
    }),
  );
  if (!found) {
    // Codes of another year (Knowsley's wards of 2013, re-drawn in 2016): said, with the option.
    const codes = names.find((name) =>
      sample.some((f) => /^[EWSN]\d{8}$/u.test(String(f.properties?.[name] ?? ''))),
    );
    throw new InputError(
      codes
        ? `${path}: ${codes} holds ONS codes, but none of the first ${sample.length} is one the register (2019 areas) knows: they may be of another year. ` +
            `Give --code-property ${codes}: an area whose code the register does not know is then matched by its name (${codes.replace(/CD$/u, 'NM')}), and those neither matches are listed`
        : `${path}: no property holds area codes the register knows (properties: ${names.join(', ') || 'none'}); name it with --code-property`,
    );
  }
  return found;
}
