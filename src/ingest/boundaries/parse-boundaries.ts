/**
 * A boundary file (GeoJSON FeatureCollection, or TopoJSON whose objects are converted with
 * topojson-client), gzipped or not, to area codes and polygons. The code property is the one
 * named, or else the first property whose values are codes the caller recognises; a feature whose
 * code the register lacks (an older vintage's) is matched by its name ("…NM"), and keeps the code
 * its file gave (`fileCode`: its shape may be of that older year). Where the caller says which
 * area each area lies in (`parentOf`: a ward's district), a name is matched only to an area lying
 * where another feature of the file lies: Knowsley's ward "Park" of 2013 is not Calderdale's, nor
 * its "Northwood" Hillingdon's. Pure: no I/O.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { gunzipSync } from 'node:zlib';

import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

import {
  inflateLimits,
  inflatedCap,
  inflateRefusal,
  type InflateLimits,
} from '../../domain/inflate-limits.js';
import { InputError } from '../../errors.js';
import { decodeCsvText } from '../decode.js';
import { checkedGeometry } from './geometry.js';

export interface ParsedBoundaries {
  codeProperty: string;
  /**
   * `feature`: its place in the file (from 0); `fileCode`: the code the file gave, when the shape
   * was matched to the register by name.
   */
  shapes: { code: string; geometry: Polygon | MultiPolygon; feature: number; fileCode?: string }[];
  skipped: { index: number; reason: string }[];
}

/** How a feature whose code the register does not know is matched by its name. */
export interface NameMatching {
  /** The register's codes of the areas of this name (of the type imported). */
  codesNamed: (name: string) => readonly string[];
  /** The area a register code lies in (a ward's district): given, names match only beside others. */
  parentOf?: (code: string) => string | undefined;
}

export function parseBoundaries(
  path: string,
  bytes: Uint8Array,
  isKnownCode: (code: string) => boolean,
  codeProperty?: string,
  byName?: NameMatching,
  limits: InflateLimits = inflateLimits(process.env),
): ParsedBoundaries {
  // A feature that is not an object (null, a number) is kept in its place, to be skipped by name.
  const features = readFeatures(path, bytes, limits).map((f) =>
    typeof f === 'object' && f !== null && !Array.isArray(f) ? f : ({ notFeature: f } as never),
  );
  const property = codeProperty ?? guessCodeProperty(path, features, isKnownCode);
  const nameProperty = property.replace(/CD$/u, 'NM');
  const shapes: ParsedBoundaries['shapes'] = [];
  const skipped: ParsedBoundaries['skipped'] = [];
  const matchName = byName
    ? nameMatcher(features, property, nameProperty, isKnownCode, byName)
    : null;
  const badShapes: string[] = [];
  const firstOf = new Map<string, number>();
  const repeated: string[] = [];
  features.forEach((f, index) => {
    if ('notFeature' in f) {
      skipped.push({
        index,
        reason: `feature ${index} is not a GeoJSON Feature (${JSON.stringify((f as { notFeature: unknown }).notFeature)})`,
      });
      return;
    }
    const given = f.properties?.[property];
    // A code the register does not know (an older vintage's) is matched by the area's name.
    const name = f.properties?.[nameProperty];
    const matched =
      typeof given === 'string' && !isKnownCode(given) && typeof name === 'string' && matchName
        ? matchName(index, name)
        : null;
    const code = typeof matched === 'string' ? matched : given;
    const type = f.geometry?.type;
    if (typeof code !== 'string' || code === '') {
      skipped.push({ index, reason: `feature ${index} has no "${property}"` });
    } else if (type !== 'Polygon' && type !== 'MultiPolygon') {
      skipped.push({ index, reason: `${code}: geometry is ${type ?? 'missing'}, not a polygon` });
    } else if (!isKnownCode(code)) {
      const why = matched && typeof matched !== 'string' ? `: ${matched.why}` : '';
      skipped.push({ index, reason: `${code} is not an area in the register${why}` });
    } else {
      // Coordinates that are not longitude and latitude in the UK (metres of the British National
      // Grid, a pair swapped, text) would be stored and break every map drawn from them.
      const checked = checkedGeometry(f.geometry as Polygon | MultiPolygon);
      if (typeof checked === 'string') {
        badShapes.push(`feature ${index} (${code}): ${checked}`);
        return;
      }
      const first = firstOf.get(code);
      if (first !== undefined) {
        repeated.push(
          `feature ${first} and feature ${index} are both ${code}${code === given ? '' : ` (by the name "${String(f.properties?.[nameProperty])}")`}`,
        );
        return;
      }
      firstOf.set(code, index);
      shapes.push(
        code === given
          ? { code, geometry: checked, feature: index }
          : { code, geometry: checked, feature: index, fileCode: given as string },
      );
    }
  });
  if (badShapes.length > 0) {
    throw new InputError(
      `${path}: ${badShapes.length === 1 ? 'a feature has' : `${badShapes.length} features have`} ` +
        `a shape that cannot be stored; nothing was stored. ${badShapes.slice(0, 3).join('; ')}` +
        (badShapes.length > 3 ? `; and ${badShapes.length - 3} more` : ''),
    );
  }
  if (repeated.length > 0) {
    throw new InputError(
      `${path}: an area is given more than once (${property}), so which shape is its own is not ` +
        `known; nothing was stored. ${repeated.slice(0, 3).join('; ')}` +
        (repeated.length > 3 ? `; and ${repeated.length - 3} more` : ''),
    );
  }
  if (shapes.length === 0) {
    throw new InputError(
      `${path}: no polygon has a code the register knows (${skipped[0]?.reason ?? 'the file has no features'})`,
    );
  }
  return { codeProperty: property, shapes, skipped };
}

/**
 * A feature's register code by its name, or why none: the one area of that name, or (with
 * `parentOf`) the one lying in an area where another feature of the file lies, matched by its
 * code or by a name no other area has.
 */
function nameMatcher(
  features: readonly Feature[],
  property: string,
  nameProperty: string,
  isKnownCode: (code: string) => boolean,
  byName: NameMatching,
): (index: number, name: string) => string | { why: string } {
  const { codesNamed, parentOf } = byName;
  // Each feature's place, where it is certain: its code's, or its one namesake's.
  const placeOf = features.map((f) => {
    const given = f.properties?.[property];
    const name = f.properties?.[nameProperty];
    if (typeof given === 'string' && isKnownCode(given)) return parentOf?.(given);
    const named = typeof name === 'string' ? codesNamed(name) : [];
    return named.length === 1 ? parentOf?.(named[0] as string) : undefined;
  });
  return (index, name) => {
    const named = codesNamed(name);
    if (named.length === 0) return { why: `no area is named "${name}"` };
    if (!parentOf) {
      return named.length === 1
        ? (named[0] as string)
        : { why: `${named.length} areas are named "${name}"` };
    }
    const beside = named.filter((code) => {
      const parent = parentOf(code);
      return parent !== undefined && placeOf.some((p, i) => i !== index && p === parent);
    });
    if (beside.length === 1) return beside[0] as string;
    return {
      why:
        beside.length === 0
          ? named.length === 1
            ? `the one area named "${name}" (${named[0]}) lies where no other area of the file does`
            : `none of the ${named.length} areas named "${name}" lies where another area of the file does`
          : `${beside.length} areas named "${name}" lie where others of the file do`,
    };
  };
}

function readFeatures(path: string, bytes: Uint8Array, limits: InflateLimits): Feature[] {
  let json: unknown;
  try {
    // A gzipped file is inflated within the limits every other .gz file is held to.
    const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipWithin(path, bytes, limits) : bytes;
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

function gunzipWithin(path: string, bytes: Uint8Array, limits: InflateLimits): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: inflatedCap(bytes.length, limits) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw inflateRefusal(path, bytes.length, limits);
    }
    throw new InputError(`${path}: not a readable gzip file (${(error as Error).message})`);
  }
}

function guessCodeProperty(
  path: string,
  features: readonly Feature[],
  isKnownCode: (c: string) => boolean,
): string {
  const sample = features.slice(0, 50);
  // The names of every sampled feature's properties: one feature without any (or not a feature
  // at all) does not hide the others' codes.
  const names = [
    ...new Set(
      sample.flatMap((f) =>
        typeof f.properties === 'object' && f.properties !== null ? Object.keys(f.properties) : [],
      ),
    ),
  ];
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
