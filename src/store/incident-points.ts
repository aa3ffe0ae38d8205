/**
 * Points for spatial analysis: police.uk street records (month only, at anonymised map points)
 * or partner incident records with a point (dated), for an area (district or above, or an LSOA or
 * ward for police.uk data) over a period.
 */

import type { AreaType } from '../domain/area.js';
import type { Month, Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { list, TEXT_LIST, VARCHAR, type Db } from './db.js';
import { checkPartnerAccess } from './partner-data.js';
import { checkStreetAccess, streetAreaCondition } from './street-counts.js';

export interface StoredPoint {
  lon: number;
  lat: number;
  month: Month;
  /** YYYY-MM-DD for dated (partner) records; null for police.uk records. */
  date: string | null;
  /** The record's categories (one for police.uk; hate crimes may carry several strands). */
  categories: string[];
  /** police.uk's "On or near …" text, where there is one. */
  location: string | null;
  /** The record's LSOA code, where it has one (police.uk records; partner records may). */
  lsoa: string | null;
}

/** A police.uk map point as records give it: its point, "On or near …" text and LSOA. */
export interface StoredPlace {
  lon: number;
  lat: number;
  location: string | null;
  lsoa: string | null;
}

/**
 * Street records as columns, one entry per record: its place (an index into `places`), its month
 * (domain/month.ts `monthIndex`) and its category (an index into the categories asked for).
 * Records are in a fixed order: by month, longitude, latitude, category, then place.
 */
export interface StoredStreetRecords {
  length: number;
  place: Int32Array;
  month: Int32Array;
  category: Int32Array;
  /** The distinct places of the records, ordered by longitude, latitude, location and LSOA. */
  places: StoredPlace[];
}

/**
 * The located street records of some categories in an area over a period, read as columns: the
 * text of each map point (location, LSOA) is read once per place, not once per record.
 */
export async function streetRecords(
  db: Db,
  scope: Scope,
  area: { code: string; type: AreaType },
  period: Period,
  categories: readonly string[],
): Promise<StoredStreetRecords> {
  await checkStreetAccess(db, scope, area);
  // One window numbers the places (the distinct points with their text, in order) and marks the
  // first record of each, which alone carries its place's point and text: no second pass over
  // the records to join them to their places.
  const { length, columns } = await db.queryColumns(
    `SELECT m, k, place,
            CASE WHEN first THEN lon END AS place_lon, CASE WHEN first THEN lat END AS place_lat,
            CASE WHEN first THEN location END AS location, CASE WHEN first THEN lsoa END AS lsoa,
            first::INTEGER AS first
     FROM (
       SELECT CAST(substr(c.month, 1, 4) AS INTEGER) * 12 + CAST(substr(c.month, 6, 2) AS INTEGER) - 1 AS m,
              list_position($categories, c.category) - 1 AS k,
              c.longitude AS lon, c.latitude AS lat, c.location, c.lsoa_code AS lsoa,
              dense_rank() OVER places - 1 AS place,
              rank() OVER places = row_number() OVER places AS first
       FROM crime c
       WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
         AND c.longitude IS NOT NULL AND c.latitude IS NOT NULL
         AND list_contains($categories, c.category)
       WINDOW places AS (ORDER BY c.longitude, c.latitude, c.location NULLS FIRST, c.lsoa_code NULLS FIRST))
     ORDER BY m, lon, lat, k, place`,
    { area: area.code, from: period.from, to: period.to, categories: list(categories) },
    { categories: TEXT_LIST },
  );
  const place = columns.place as Float64Array;
  const first = columns.first as Float64Array;
  const [lon, lat] = [columns.place_lon as Float64Array, columns.place_lat as Float64Array];
  const [location, lsoa] = [
    columns.location as (string | null)[],
    columns.lsoa as (string | null)[],
  ];
  let count = 0;
  for (let i = 0; i < length; i++) if (first[i] === 1) count++;
  const places = new Array<StoredPlace>(count);
  for (let i = 0; i < length; i++)
    if (first[i] === 1)
      places[place[i]!] = { lon: lon[i]!, lat: lat[i]!, location: location[i]!, lsoa: lsoa[i]! };
  return {
    length,
    place: Int32Array.from(place),
    month: Int32Array.from(columns.m as Float64Array),
    category: Int32Array.from(columns.k as Float64Array),
    places,
  };
}

/**
 * Partner incident records with a point, in the months given, of one category (a record carries
 * it among its categories) or of every category (null).
 */
export async function partnerPoints(
  db: Db,
  scope: Scope,
  dataset: string,
  districts: readonly string[],
  months: readonly Month[],
  category: string | null,
): Promise<StoredPoint[]> {
  await checkPartnerAccess(db, scope, dataset, districts);
  return db.query<StoredPoint & Record<string, unknown>>(
    `SELECT longitude AS lon, latitude AS lat, month, strftime(record_date, '%Y-%m-%d') AS date,
            categories, NULL AS location, lsoa_code AS lsoa
     FROM partner_record
     WHERE dataset = $dataset AND list_contains($districts, district_code)
       AND list_contains($months, month) AND longitude IS NOT NULL
       AND ($category IS NULL OR list_contains(categories, $category))
     ORDER BY record_date, longitude, latitude`,
    { dataset, districts: list(districts), months: list(months), category },
    { districts: TEXT_LIST, months: TEXT_LIST, category: VARCHAR },
  );
}

/**
 * Every police.uk map point with any street record (of any category) in the area in the period,
 * with its location text and LSOA. Only the period's months: the map points of other months held
 * are no part of the question (and police.uk revises its set of map points over the years).
 */
export async function streetPlaces(
  db: Db,
  scope: Scope,
  area: { code: string; type: AreaType },
  period: Period,
): Promise<{ lon: number; lat: number; location: string | null; lsoa: string | null }[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<{ lon: number; lat: number; location: string | null; lsoa: string | null }>(
    `SELECT c.longitude AS lon, c.latitude AS lat, any_value(c.location) AS location,
            any_value(c.lsoa_code) AS lsoa FROM crime c
     WHERE ${streetAreaCondition(area.type)} AND c.longitude IS NOT NULL
       AND c.month BETWEEN $from AND $to
     GROUP BY ALL ORDER BY lon, lat`,
    { area: area.code, from: period.from, to: period.to },
  );
}
