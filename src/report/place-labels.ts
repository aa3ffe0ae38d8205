/**
 * Names a reader can tell apart for the places a report lists. police.uk names a map point by
 * what is near it ("On or near Supermarket"), and many points share a name: two of Three Rivers'
 * busiest places for shoplifting both read "On or near Supermarket". A name shared by places in
 * the list gets the place's ward ("On or near Supermarket, Abbots Langley"), and one still shared
 * (the same name in the same ward) a number in the list's order ("On or near Supermarket,
 * Abbots Langley (2)"). Pure.
 */
export function distinctPlaceLabels(
  places: readonly { location: string; ward: string | null }[],
): string[] {
  const count = (labels: readonly string[]) => {
    const n = new Map<string, number>();
    for (const l of labels) n.set(l, (n.get(l) ?? 0) + 1);
    return n;
  };
  const named = count(places.map((p) => p.location));
  const withWard = places.map((p) =>
    (named.get(p.location) ?? 0) > 1 && p.ward ? `${p.location}, ${p.ward}` : p.location,
  );
  const still = count(withWard);
  const seen = new Map<string, number>();
  return withWard.map((l) => {
    if ((still.get(l) ?? 0) < 2) return l;
    const k = (seen.get(l) ?? 0) + 1;
    seen.set(l, k);
    return `${l} (${k})`;
  });
}
