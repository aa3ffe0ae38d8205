/**
 * The outline of a set of adjoining polygons (a district's or a force's LSOAs) without the lines
 * between them: an edge that two rings share is inside the union and is dropped; the edges left
 * are chained back into closed rings. Exact for polygons cut from one topology (shared borders
 * have the same vertices, as the bundled LSOA boundaries do); where they do not, the unmatched
 * borders simply stay, so the result is never less than the union's outline. Pure.
 */
export type Point = readonly [number, number];
export type Ring = readonly Point[];

const keyOf = (p: Point) => `${p[0]},${p[1]}`;

export function dissolveRings(rings: readonly Ring[]): [number, number][][] {
  const points = new Map<string, Point>();
  const edges = new Map<string, { a: string; b: string; count: number }>();
  for (const ring of rings)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = keyOf(ring[i]!);
      const b = keyOf(ring[i + 1]!);
      if (a === b) continue;
      points.set(a, ring[i]!);
      points.set(b, ring[i + 1]!);
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      const edge = edges.get(key);
      if (edge) edge.count += 1;
      else edges.set(key, { a, b, count: 1 });
    }
  // The outer edges, as an adjacency list of unused edges at each point.
  const next = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = next.get(from);
    if (list) list.push(to);
    else next.set(from, [to]);
  };
  for (const e of edges.values())
    if (e.count === 1) {
      link(e.a, e.b);
      link(e.b, e.a);
    }
  const take = (from: string, to: string) => {
    const list = next.get(from)!;
    list.splice(list.indexOf(to), 1);
  };
  const out: [number, number][][] = [];
  for (const start of [...next.keys()].sort()) {
    while ((next.get(start)?.length ?? 0) > 0) {
      const ring: string[] = [start];
      let at = start;
      for (;;) {
        const to = next.get(at)?.[0];
        if (to === undefined) break;
        take(at, to);
        take(to, at);
        ring.push(to);
        at = to;
        if (to === start) break;
      }
      if (ring.length >= 4) out.push(ring.map((k) => [...points.get(k)!] as [number, number]));
    }
  }
  return out;
}
