/**
 * Checks shared by the police.uk row mappers. Each returns the clean value or a Problem naming
 * the field and what is wrong with it, in words an analyst can act on.
 */
import { isMonth, type Month } from '../../domain/month.js';

export interface Problem {
  field: string;
  reason: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** Great Britain and Northern Ireland, generously boxed: police.uk also covers the PSNI. */
export const UK_BOUNDS = { minLon: -8.7, maxLon: 1.8, minLat: 49.8, maxLat: 60.9 } as const;

export function checkMonth(value: string, expected: Month | null): Checked<Month> {
  const v = value.trim();
  if (!isMonth(v)) {
    return {
      ok: false,
      problem: { field: 'Month', reason: `"${value}" is not a month (YYYY-MM)` },
    };
  }
  if (expected !== null && v !== expected) {
    return {
      ok: false,
      problem: { field: 'Month', reason: `${v} does not match the file's month ${expected}` },
    };
  }
  return { ok: true, value: v };
}

export interface Point {
  lon: number;
  lat: number;
}

/** Both empty means "no location" (kept and counted); one empty or out of bounds is rejected. */
export function checkPoint(lonText: string, latText: string): Checked<Point | null> {
  const lonS = lonText.trim();
  const latS = latText.trim();
  if (lonS === '' && latS === '') return { ok: true, value: null };
  if (lonS === '' || latS === '') {
    const field = lonS === '' ? 'Longitude' : 'Latitude';
    return { ok: false, problem: { field, reason: 'is empty but the other coordinate is not' } };
  }
  const lon = Number(lonS);
  const lat = Number(latS);
  if (!Number.isFinite(lon)) {
    return { ok: false, problem: { field: 'Longitude', reason: `"${lonText}" is not a number` } };
  }
  if (!Number.isFinite(lat)) {
    return { ok: false, problem: { field: 'Latitude', reason: `"${latText}" is not a number` } };
  }
  const b = UK_BOUNDS;
  if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) {
    return {
      ok: false,
      problem: {
        field: 'Longitude/Latitude',
        reason: `${lonS}, ${latS} is outside Great Britain and Northern Ireland`,
      },
    };
  }
  return { ok: true, value: { lon, lat } };
}

/** "True"/"False" (any case) or empty; anything else is a problem. */
export function checkBoolean(value: string, field: string): Checked<boolean | null> {
  const v = value.trim().toLowerCase();
  if (v === '') return { ok: true, value: null };
  if (v === 'true') return { ok: true, value: true };
  if (v === 'false') return { ok: true, value: false };
  return { ok: false, problem: { field, reason: `"${value}" is not True or False` } };
}
