/**
 * All crimes of a month in a polygon, however many: when data.police.uk answers that a polygon
 * holds more than it will return (HTTP 503), the polygon's bounding box is split into four and
 * each quarter asked in turn, down to a limit. Crimes found twice (on a shared edge) count once.
 */
import { max, min } from 'd3-array';
import { SourceUnavailableError } from '../errors.js';
import type { ApiCrime, PoliceApi } from './police-api.js';

type Ring = [number, number][];

const MAX_DEPTH = 8;

export async function crimesInPolygon(
  api: PoliceApi,
  ring: Ring,
  month: string,
  depth = 0,
): Promise<{ crimes: ApiCrime[]; requests: number; splits: number }> {
  const answer = await api.streetCrimes(ring, month);
  if (answer.ok) return { crimes: answer.crimes, requests: 1, splits: 0 };
  if (depth >= MAX_DEPTH) {
    throw new SourceUnavailableError(
      `data.police.uk refuses a polygon for ${month} as too busy even after ${MAX_DEPTH} splits`,
    );
  }
  const seen = new Map<number, ApiCrime>();
  let requests = 1;
  let splits = 1;
  for (const quarter of quarters(ring)) {
    const part = await crimesInPolygon(api, quarter, month, depth + 1);
    requests += part.requests;
    splits += part.splits;
    for (const c of part.crimes) seen.set(c.id, c);
  }
  return { crimes: [...seen.values()], requests, splits };
}

function quarters(ring: Ring): Ring[] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [min(xs), max(xs), min(ys), max(ys)] as number[] as [
    number,
    number,
    number,
    number,
  ];
  const [mx, my] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const box = (a: number, b: number, c: number, d: number): Ring => [
    [a, c],
    [b, c],
    [b, d],
    [a, d],
    [a, c],
  ];
  return [box(x0, mx, y0, my), box(mx, x1, y0, my), box(x0, mx, my, y1), box(mx, x1, my, y1)];
}
