/**
 * British National Grid (EPSG:27700) ⇄ WGS84 longitude/latitude, with proj4: metric work
 * (grids, distances, kernels) happens in metres on the National Grid; outputs go back to WGS84.
 *
 * The datum shift is proj4's seven-parameter Helmert transformation (the EPSG:27700 definition's
 * towgs84), accurate to a few metres across Great Britain. OSTN15, the exact transformation,
 * needs a grid file proj4 does not ship; a few metres do not matter for 50–500 m cells, and
 * police.uk points are already snapped to anonymous map points.
 */
import proj4 from 'proj4';

/** The National Grid's Transverse Mercator projection on the Airy 1830 ellipsoid (OSGB36). */
export const BNG_PROJECTION =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';
/** WGS84 → OSGB36 Helmert parameters (EPSG:1314, as in EPSG:27700's definition). */
const TOWGS84 = '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489';
const BNG = `${BNG_PROJECTION} ${TOWGS84}`;

const converter = proj4('EPSG:4326', BNG);

/** [easting, northing] in metres. */
export function toBng(lon: number, lat: number): [number, number] {
  return converter.forward([lon, lat]) as [number, number];
}

/** [longitude, latitude] in degrees. */
export function fromBng(easting: number, northing: number): [number, number] {
  return converter.inverse([easting, northing]) as [number, number];
}
