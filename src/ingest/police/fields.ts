/**
 * Checks shared by the police.uk row mappers. Each returns null when the value is good, or a
 * Problem naming the field and what is wrong with it, in words an analyst can act on. They
 * allocate nothing for good values: they run for every row of every import.
 */
import { isMonth, type Month } from '../../domain/month.js';

export interface Problem {
  field: string | null;
  reason: string;
  /**
   * Set when the row is of another month than the file's: a police.uk file holds one month, so
   * such a row refuses the whole file (parse-police-file.ts) instead of being rejected alone.
   * `month` is the row's month, `value` the field as written.
   */
  otherMonth?: { month: Month; value: string };
}

/** Great Britain and Northern Ireland, generously boxed: police.uk also covers the PSNI. */
export const UK_BOUNDS = { minLon: -8.7, maxLon: 1.8, minLat: 49.8, maxLat: 60.9 } as const;

export function monthProblem(value: string, expected: Month | null): Problem | null {
  if (!isMonth(value)) return { field: 'Month', reason: `"${value}" is not a month (YYYY-MM)` };
  if (expected !== null && value !== expected) {
    return {
      field: 'Month',
      reason: `${value} does not match the file's month ${expected}`,
      otherMonth: { month: value, value },
    };
  }
  return null;
}

/** Where pointProblem puts a good point: `present` is false for "no location". */
export interface PointScratch {
  present: boolean;
  lon: number;
  lat: number;
}

/** Both empty means "no location" (kept and counted); one empty or out of bounds is rejected. */
export function pointProblem(lonText: string, latText: string, out: PointScratch): Problem | null {
  out.present = false;
  if (lonText === '' && latText === '') return null;
  if (lonText === '' || latText === '') {
    const field = lonText === '' ? 'Longitude' : 'Latitude';
    return { field, reason: 'is empty but the other coordinate is not' };
  }
  // Number() also reads hexadecimal, binary and octal ("0x33", "0b110011", "0o63"): a
  // coordinate is a decimal number, and anything else is a mistake, not a place.
  if (!DECIMAL.test(lonText)) return { field: 'Longitude', reason: notDecimal(lonText) };
  if (!DECIMAL.test(latText)) return { field: 'Latitude', reason: notDecimal(latText) };
  const lon = Number(lonText);
  const lat = Number(latText);
  const b = UK_BOUNDS;
  if (lon < b.minLon || lon > b.maxLon || lat < b.minLat || lat > b.maxLat) {
    return {
      field: 'Longitude/Latitude',
      reason: `${lonText}, ${latText} is outside Great Britain and Northern Ireland`,
    };
  }
  out.present = true;
  out.lon = lon;
  out.lat = lat;
  return null;
}

/** A decimal number: an optional sign, digits with or without a point, and an optional exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/u;

const notDecimal = (text: string) => `"${text}" is not a decimal number (such as -0.4512)`;

/** "True"/"False" (any case) or empty (null); undefined when it is neither. */
export function booleanValue(value: string): boolean | null | undefined {
  if (value === '') return null;
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}
