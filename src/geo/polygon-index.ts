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

  /**
   * Whether each point of a row (one y, xs ascending) lies in an area (inside or on an edge):
   * `locate(x, y) !== null` for each, from the row's edge crossings, counted as the exact test
   * counts them (each edge whose y-range [min, max) holds y, left of the point; even-odd per
   * polygon, holes included). A point within `EDGE_MARGIN` of a crossing, and any point of a row
   * within it of a vertex, is decided by the exact test itself, so the answer is always exact.
   */
  insideRow(y: number, xs: Float64Array): Uint8Array {
    const out = new Uint8Array(xs.length);
    const edges = (this.edges ??= edgesOf(this.shapes));
    if (!edges) {
      for (let i = 0; i < xs.length; i++) out[i] = this.locate(xs[i]!, y) !== null ? 1 : 0;
      return out;
    }
    const exact = new Uint8Array(xs.length);
    for (const { box, edges: polygon } of edges) {
      // As locate, a polygon counts only for points in its area's box (edges included).
      if (y < box[1] || y > box[3]) continue;
      const crossings: number[] = [];
      let nearVertex = false;
      for (let e = 0; e < polygon.length; e += 4) {
        const y1 = polygon[e + 1]!;
        const y2 = polygon[e + 3]!;
        if (Math.abs(y1 - y) <= EDGE_MARGIN) nearVertex = true;
        if (y1 <= y ? y < y2 : y2 <= y) {
          const x1 = polygon[e]!;
          crossings.push(x1 + ((y - y1) * (polygon[e + 2]! - x1)) / (y2 - y1));
        }
      }
      if (nearVertex) {
        exact.fill(1);
        break;
      }
      crossings.sort((a, b) => a - b);
      let k = 0;
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i]!;
        if (x < box[0] || x > box[2]) continue;
        while (k < crossings.length && crossings[k]! < x - EDGE_MARGIN) k++;
        if (k < crossings.length && crossings[k]! <= x + EDGE_MARGIN) exact[i] = 1;
        else if (k % 2 === 1) out[i] = 1;
      }
    }
    for (let i = 0; i < xs.length; i++)
      if (exact[i]) out[i] = this.locate(xs[i]!, y) !== null ? 1 : 0;
    return out;
  }

  /** Each polygon's edges (x1, y1, x2, y2 each), or null when a ring is one the exact test refuses. */
  private edges:
    { box: readonly [number, number, number, number]; edges: Float64Array }[] | null | undefined;

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

/** How near (in the coordinates' units) a crossing or vertex must be for the exact test. */
const EDGE_MARGIN = 1e-6;

function edgesOf(
  shapes: readonly { polygons: Position[][][] }[],
): { box: readonly [number, number, number, number]; edges: Float64Array }[] | null {
  const out: { box: readonly [number, number, number, number]; edges: Float64Array }[] = [];
  for (const shape of shapes) {
    const box = bbox(shape.polygons);
    for (const polygon of shape.polygons) {
      const edges: number[] = [];
      for (const ring of polygon) {
        const first = ring[0];
        const last = ring[ring.length - 1];
        // The exact test refuses such a ring (it throws): leave every point to it.
        if (!first || !last || (first[0] !== last[0] && first[1] !== last[1])) return null;
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i] as Position;
          const [x2, y2] = ring[i + 1] as Position;
          edges.push(x1 as number, y1 as number, x2 as number, y2 as number);
        }
      }
      out.push({ box, edges: Float64Array.from(edges) });
    }
  }
  return out;
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
