/**
 * A small inline arrow for infographics: up for a rise, down for a fall, level for no change
 * (under half a percent either way), a dash when there is nothing to compare with. Solid when the
 * change is statistically significant, outline when it is not, so "significant" reads without
 * colour. The title and desc carry the numbers for screen readers.
 */
import { INK } from './palette.js';
import { chartId, el, num, svgDocument } from './svg.js';
import { formatPercentChange, isLevel } from './text.js';

export interface ChangeArrowInput {
  id: string;
  /** Percentage change, or null when there is no comparison. */
  changePct: number | null;
  significant: boolean;
  /** Width and height in px (default 24). */
  size?: number;
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

export function changeDirection(changePct: number | null): ChangeDirection {
  if (changePct === null || !Number.isFinite(changePct)) return 'none';
  if (isLevel(changePct)) return 'flat';
  return changePct > 0 ? 'up' : 'down';
}

// An arrow pointing up in a 24 × 24 box: head from y 3 to 12, shaft 12 to 21.
const UP: readonly (readonly [number, number])[] = [
  [12, 3],
  [20, 12],
  [15, 12],
  [15, 21],
  [9, 21],
  [9, 12],
  [4, 12],
];

function arrowPath(direction: 'up' | 'down' | 'flat', size: number): string {
  const k = size / 24;
  const turn = ([x, y]: readonly [number, number]): [number, number] => {
    if (direction === 'down') return [x, 24 - y];
    if (direction === 'flat') return [24 - y, x];
    return [x, y];
  };
  return (
    UP.map(turn)
      .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x * k)},${num(y * k)}`)
      .join('') + 'Z'
  );
}

export function changeArrow(input: ChangeArrowInput): string {
  const id = chartId(input.id);
  const size = Math.max(8, Math.round(input.size ?? 24));
  const direction = changeDirection(input.changePct);
  const pct = input.changePct === null ? '' : formatPercentChange(input.changePct);
  const sig = input.significant ? 'statistically significant' : 'not statistically significant';
  const title =
    direction === 'none'
      ? 'No comparison'
      : direction === 'flat'
        ? `Level (${pct})`
        : `${direction === 'up' ? 'Up' : 'Down'} ${pct.replace(/^[+−]/, '')}, ${
            input.significant ? 'significant' : 'not significant'
          }`;
  const desc =
    direction === 'none'
      ? 'A dash: there is no earlier figure to compare with.'
      : `An arrow pointing ${direction === 'flat' ? 'level' : direction}, ${
          input.significant ? 'solid' : 'in outline'
        }: a change of ${pct}, ${direction === 'flat' ? 'no real change' : sig}.`;
  const k = size / 24;
  const shape =
    direction === 'none'
      ? el('rect', { x: 6 * k, y: 10.5 * k, width: 12 * k, height: 3 * k, fill: INK.muted })
      : el('path', {
          d: arrowPath(direction, size),
          fill: input.significant ? INK.text : INK.background,
          stroke: INK.text,
          'stroke-width': Math.max(1, 1.5 * k),
          'stroke-linejoin': 'round',
        });
  return svgDocument({
    id,
    width: size,
    height: size,
    title,
    desc,
    body: [shape],
    background: false,
  });
}
