/**
 * Whether a stop-and-search file's searches lie in the force its name (or `--force`) gives.
 * police.uk's stop-and-search rows never say their force, so a file of Northumbria's saved as
 * `2021-01-gwent-stop-and-search.csv` (or imported with `--force gwent`) used to be taken as
 * Gwent's: 350 searches, with their disproportionality worked out against Gwent's population, and
 * only a footnote that they "lay in districts outside the force's area".
 *
 * The check: the points of the file's first located searches (parse-police-file.ts
 * SEARCH_POINTS) placed in districts as the import places them (place-searches.ts). A force's own
 * searches lie in its area, but for a few near its edge; if fewer than half of those placed lie in
 * the force's area, the file is refused, naming the force most of them lie in. Too few located
 * searches to tell (MIN_PLACED), or a force with no area of its own (British Transport Police),
 * are not checked.
 */
import { forceById } from '../domain/forces.js';
import type { PolygonIndex } from '../geo/polygon-index.js';
import { chainsFrom, upperAreas } from '../store/areas.js';
import type { Db } from '../store/db.js';

/** The fewest searches placed in a district for the check to say anything. */
const MIN_PLACED = 20;

/**
 * Why the file cannot be this force's (a refusal, naming the file), or null. `index` gives the
 * districts' boundaries (read once per import, and only when a file needs it).
 */
export async function searchForceRefusal(
  db: Db,
  path: string,
  force: string,
  points: readonly number[],
  index: () => Promise<PolygonIndex>,
): Promise<string | null> {
  const own = forceById(force);
  if (!own?.pfaCode || points.length / 2 < MIN_PLACED) return null;
  const districts = await index();
  const placed: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const district = districts.locate(points[i]!, points[i + 1]!);
    if (district !== null) placed.push(district);
  }
  if (placed.length < MIN_PLACED) return null;
  const upper = await upperAreas(db);
  const chains = chainsFrom(upper, [...new Set(placed)]);
  const byForce = new Map<string, number>();
  for (const district of placed) {
    const area = chains.get(district)?.find((a) => a.type === 'force')?.code ?? '';
    byForce.set(area, (byForce.get(area) ?? 0) + 1);
  }
  const inOwn = byForce.get(own.pfaCode) ?? 0;
  if (inOwn * 2 >= placed.length) return null;
  const [most, count] = [...byForce]
    .filter(([code]) => code !== own.pfaCode)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const name = (code: string) => upper.find((a) => a.code === code)?.name ?? code;
  return (
    `${path}: of ${placed.length} searches checked, ${inOwn} lie in ${own.name}'s area and ${count} in ` +
    `${most ? `${name(most)}'s` : 'no force area'}. Stop-and-search rows do not say their force (it is taken ` +
    'from the file name or --force), and these look like another force’s searches: check the file ' +
    'name and --force; nothing imported from it'
  );
}
