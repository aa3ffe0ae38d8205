/**
 * The nearest named place to a point (British National Grid metres): used to name a camera site or
 * a hotspot cell by the police.uk map point nearest it ("On or near …"). A k-d tree (kdbush)
 * searched in widening circles from 100 m to 12.8 km; ties go to the name that sorts first.
 */
import KDBush from 'kdbush';

export interface NamedPlace {
  x: number;
  y: number;
  location: string;
}

/** The nearest of `places` to a point, with the distance (whole metres); null beyond 12.8 km. */
export function nearestFinder(
  places: readonly NamedPlace[],
): (p: { x: number; y: number }) => { location: string; distance: number } | null {
  if (places.length === 0) return () => null;
  const index = new KDBush(places.length);
  for (const p of places) index.add(p.x, p.y);
  index.finish();
  return (p) => {
    for (let r = 100; r <= 12_800; r *= 2) {
      const found = index.within(p.x, p.y, r);
      if (found.length === 0) continue;
      let best = found[0] as number;
      let bestD = Infinity;
      for (const i of found) {
        const q = places[i] as NamedPlace;
        const d = Math.hypot(q.x - p.x, q.y - p.y);
        if (d < bestD || (d === bestD && q.location < (places[best] as NamedPlace).location))
          [best, bestD] = [i, d];
      }
      return { location: (places[best] as NamedPlace).location, distance: Math.round(bestD) };
    }
    return null;
  };
}
