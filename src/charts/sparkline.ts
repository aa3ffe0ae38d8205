/**
 * A word-sized line of monthly counts for a table row: months with no count are gaps, not zeros,
 * and the alt text says the first, last, lowest and highest months and how many are missing.
 */
import { ROLE } from './palette.js';
import { el, escapeXml, pathData } from './svg.js';
import { formatNumber } from './text.js';

export interface SparklineInput {
  /** What the line shows, for its alt text ("Burglary, Three Rivers"). */
  label: string;
  /** In order, one per month; null where the month is not held. */
  months: readonly { month: string; count: number | null }[];
  width?: number;
  height?: number;
}

export function sparkline(input: SparklineInput): string {
  const width = input.width ?? 120;
  const height = input.height ?? 28;
  const held = input.months.filter((m) => m.count !== null) as { month: string; count: number }[];
  let highest = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (const m of held) {
    highest = Math.max(highest, m.count);
    lowest = Math.min(lowest, m.count);
  }
  const n = input.months.length;
  const x = (i: number) => (n <= 1 ? width / 2 : 2 + (i * (width - 4)) / (n - 1));
  const y = (v: number) => height - 2 - (highest === 0 ? 0 : (v / highest) * (height - 4));
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  input.months.forEach((m, i) => {
    if (m.count === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push([x(i), y(m.count)]);
  });
  if (run.length > 0) runs.push(run);
  const missing = n - held.length;
  const first = held[0];
  const last = held[held.length - 1];
  const alt =
    held.length === 0
      ? `${input.label}: no month held`
      : `${input.label}: ${formatNumber(first!.count)} in ${first!.month}, ${formatNumber(last!.count)} in ${last!.month}; lowest ${formatNumber(lowest)}, highest ${formatNumber(highest)}` +
        (missing > 0 ? `; ${missing} month${missing === 1 ? '' : 's'} not held` : '');
  const marks = runs.map((r) =>
    r.length === 1
      ? el('circle', { cx: r[0]![0], cy: r[0]![1], r: 1.5, fill: ROLE.series })
      : el('path', {
          d: pathData(r),
          fill: 'none',
          stroke: ROLE.series,
          'stroke-width': 1.5,
          'stroke-linejoin': 'round',
        }),
  );
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': alt,
      class: 'sparkline',
    },
    el('title', {}, escapeXml(alt)),
    ...marks,
  );
}
