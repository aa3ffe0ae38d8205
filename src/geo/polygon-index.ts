/**
 * Which area a point lies in: a static R-tree (flatbush) over the areas' bounding boxes finds the
 * candidates, and an exact point-in-polygon test (point-in-polygon-hao, robust to floating-point
 * error, reporting points on an edge) decides. A point on an edge shared by several areas goes to
 * exactly one of them: the area whose code sorts first. Coordinates are WGS84 longitude/latitude.
 */
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import inside from 'point-in-polygon-hao';

export interface AreaShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}

export class PolygonIndex {
  private readonly index: Flatbush | null;
  private readonly shapes: readonly { code: string; polygons: Position[][][] }[];

  private constructor(
    index: Flatbush | null,
    shapes: { code: string; polygons: Position[][][] }[],
  ) {
    this.index = index;
    this.shapes = shapes;
  }

  static build(areas: readonly AreaShape[]): PolygonIndex {
    const shapes = areas.map((a) => ({
      code: a.code,
      polygons: a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates,
    }));
    if (shapes.length === 0) return new PolygonIndex(null, []);
    const index = new Flatbush(shapes.length);
    for (const shape of shapes) {
      const [minX, minY, maxX, maxY] = bbox(shape.polygons);
      index.add(minX, minY, maxX, maxY);
    }
    index.finish();
    return new PolygonIndex(index, shapes);
  }

  get size(): number {
    return this.shapes.length;
  }

  /** The code of the area containing the point, or null when none does. */
  locate(lon: number, lat: number): string | null {
    if (!this.index) return null;
    let inner: string | null = null;
    let edge: string | null = null;
    for (const i of this.index.search(lon, lat, lon, lat)) {
      const shape = this.shapes[i] as { code: string; polygons: Position[][][] };
      for (const polygon of shape.polygons) {
        const where = inside([lon, lat], polygon);
        if (where === true && (inner === null || shape.code < inner)) inner = shape.code;
        if (where === 0 && (edge === null || shape.code < edge)) edge = shape.code;
      }
    }
    return inner ?? edge;
  }
}

function bbox(polygons: Position[][][]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x === undefined || y === undefined) continue;
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}
