/**
 * How a hotspot map identifies its places (wards, or a force's districts): each name drawn on
 * the map (a name on two lines is two texts at the same x, one line apart), and each letter drawn
 * on the map with the name the key below the scale bar gives it.
 */
import { INK } from '../../src/charts/palette.js';
import { all, layer, type XmlElement } from './xml.js';

export interface MapNames {
  /** The names drawn in full on the map. */
  named: string[];
  /** Letter → the name the key gives it, for the letters drawn on the map. */
  lettered: Map<string, string>;
  /** Letters in the key with no letter on the map, or on the map with no key entry. */
  unmatched: string[];
}

export function mapNames(root: XmlElement): MapNames {
  const within = (name: string) => {
    const g = layer(root, name);
    return g === undefined ? [] : all(g, 'text');
  };
  const onMap = within('place-names');
  const named: string[] = [];
  const letters = new Set<string>();
  let last: { x: string; y: number } | null = null;
  for (const t of onMap) {
    if (t.attrs['font-weight'] === 'bold') {
      letters.add(t.text);
      last = null;
      continue;
    }
    const y = Number(t.attrs.y);
    if (last !== null && last.x === t.attrs.x && Math.abs(y - last.y - 12.1) < 0.2) {
      named[named.length - 1] += ` ${t.text}`;
    } else named.push(t.text);
    last = { x: t.attrs.x ?? '', y };
  }
  const lettered = new Map<string, string>();
  let current: string | null = null;
  for (const t of within('place-key')) {
    if (t.attrs.fill === INK.muted) continue; // the key's heading, in grey
    if (t.attrs['font-weight'] === 'bold') {
      current = t.text;
      lettered.set(current, '');
    } else if (current !== null) {
      lettered.set(current, `${lettered.get(current)} ${t.text}`.trim());
    }
  }
  const unmatched = [
    ...[...lettered.keys()].filter((l) => !letters.has(l)),
    ...[...letters].filter((l) => !lettered.has(l)),
  ];
  return { named, lettered, unmatched };
}
