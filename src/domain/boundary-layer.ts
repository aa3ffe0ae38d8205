/**
 * A boundary layer of the ONS Open Geography Portal, as `lantern fetch boundaries` asks for it:
 * the area type whose boundaries it holds and the vintage they are stored under, the feature
 * service's name, and the fields holding the ONS code and the name. The portal renames its
 * services when it republishes them (a "_2022" or "_V3" suffix), so the names live in a
 * configuration file (config/ons-boundary-layers.yaml), not in code.
 */
import type { AreaType } from './area.js';

/** The area types whose boundaries are fetched: an area's LSOAs, wards and districts. */
export const FETCHED_BOUNDARY_TYPES = [
  'lsoa',
  'ward',
  'district',
] as const satisfies readonly AreaType[];
export type FetchedBoundaryType = (typeof FETCHED_BOUNDARY_TYPES)[number];

export interface BoundaryLayer {
  type: FetchedBoundaryType;
  /** The vintage the boundaries are stored under ("2011", "2019"). */
  vintage: string;
  /** The portal's title for the layer, for reports and the stored source. */
  title: string;
  /** The feature service, e.g. "Wards_December_2019_Boundaries_UK_BGC_2022". */
  service: string;
  /** The layer within the service (almost always 0). */
  layer: number;
  codeField: string;
  nameField: string;
  /**
   * Asks the portal to generalise geometries to this many degrees (ArcGIS `maxAllowableOffset`),
   * for a layer published only at full resolution; absent for generalised (BGC) layers.
   */
  maxAllowableOffset?: number;
}

/** An ONS area code as the portal's layers hold them: E or W, then eight digits. */
export function isOnsAreaCode(code: string): boolean {
  return /^[EW]\d{8}$/u.test(code);
}

/** The credit the portal's licence asks for, wherever its boundaries are used. */
export const PORTAL_ATTRIBUTION =
  'Source: Office for National Statistics licensed under the Open Government Licence v.3.0; ' +
  'contains OS data © Crown copyright and database right';
