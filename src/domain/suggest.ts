/**
 * "Did you mean": the known value nearest to what a person typed, when it is near enough to be
 * a slip (a Levenshtein distance of at most a third of its length, and at least 1 edit allowed;
 * case, spaces, hyphens and underscores aside).
 */
import { distance } from 'fastest-levenshtein';

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim();

/** The candidate nearest to `typed`, or null when none is near. */
export function nearest(typed: string, candidates: readonly string[]): string | null {
  const t = fold(typed);
  if (t === '') return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const f = fold(c);
    const d = f.startsWith(t) && t.length >= 4 ? 0.5 : distance(t, f);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(t.length / 3)) ? best : null;
}

/** ` (did you mean "x"?)`, or '' when nothing is near. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const near = nearest(typed, candidates);
  return near === null ? '' : ` (did you mean "${near}"?)`;
}
