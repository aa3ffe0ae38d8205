/**
 * Where stop and searches took place: searches counted in 1 km squares (police.uk gives each
 * search an approximate point; no boundary is drawn, since a force area's outline is not
 * bundled), drawn with the hotspot map. In the public version squares
 * holding fewer than five searches are left unshaded (report/disclosure.ts).
 */
import { hotspotMap } from '../charts/hotspot-map.js';
import type { Audience } from './report-data.js';
import { cellsShown } from './disclosure.js';

export interface SearchMapInput {
  cells: readonly { x: number; y: number; size: number; count: number }[];
}

export function stopSearchMapSvg(
  map: SearchMapInput,
  options: { id: string; title: string; audience: Audience; width?: number; height?: number },
): string {
  return hotspotMap({
    id: options.id,
    title: options.title,
    outline: [],
    counting: 'searches',
    cells: cellsShown(map.cells, options.audience),
    ...(options.width ? { width: options.width } : {}),
    ...(options.height ? { height: options.height } : {}),
  });
}
