/**
 * Area boundaries (GeoJSON geometry in WGS84, one row per area and vintage), and the bundled
 * Hertfordshire LSOA (2011) boundaries: ONS generalised clipped boundaries converted by
 * martinjc/UK-GeoJSON. Contains OS, ONS, NRS and LPS data © Crown copyright and database right
 * 2016, Open Government Licence; OS data under the OS OpenData Licence (see NOTICE).
 */
import { quoteLiteral } from '../db.js';
import { referenceFile } from '../reference-files.js';

export const BUNDLED_BOUNDARY_SOURCE =
  'ONS generalised clipped LSOA (2011) boundaries via martinjc/UK-GeoJSON; © Crown copyright and database right 2016, OGL';

export function boundariesSql(): string {
  const file = quoteLiteral(referenceFile('boundaries/lsoa-2011-hertfordshire.geojson.gz'));
  return `
CREATE TABLE boundary (
  area_code VARCHAR NOT NULL,
  area_type VARCHAR NOT NULL,
  vintage   VARCHAR NOT NULL,
  source    VARCHAR NOT NULL,
  geometry  VARCHAR NOT NULL   -- GeoJSON Polygon or MultiPolygon, WGS84
);
INSERT INTO boundary
  SELECT f.properties.LSOA11CD, 'lsoa', '2011', ${quoteLiteral(BUNDLED_BOUNDARY_SOURCE)}, to_json(f.geometry)::VARCHAR
  FROM (SELECT unnest(features) AS f
        FROM read_json(${file}, maximum_object_size = 100000000));
`;
}
