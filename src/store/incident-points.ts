/**
 * Points for spatial analysis: police.uk street records (month only, at anonymised map points)
 * or partner incident records with a point (dated), for an area (district or above, or an LSOA or
 * ward for police.uk data) over a period.
 */
import type { AreaType } from '../domain/area.js';
import type { Month, Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { list, TEXT_LIST, type Db } from './db.js';
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

export async function streetPoints(
  db: Db,
  scope: Scope,
  area: { code: string; type: AreaType },
  period: Period,
): Promise<StoredPoint[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<StoredPoint & Record<string, unknown>>(
    `SELECT c.longitude AS lon, c.latitude AS lat, c.month, NULL AS date,
            [c.category] AS categories, c.location, c.lsoa_code AS lsoa FROM crime c
     WHERE ${streetAreaCondition(area.type)} AND c.month BETWEEN $from AND $to
       AND c.longitude IS NOT NULL
     ORDER BY c.month, c.longitude, c.latitude, c.category`,
    { area: area.code, from: period.from, to: period.to },
  );
}

/** Partner incident records with a point. */
export async function partnerPoints(
  db: Db,
  scope: Scope,
  dataset: string,
  districts: readonly string[],
  period: Period,
): Promise<StoredPoint[]> {
  await checkPartnerAccess(db, scope, dataset, districts);
  return db.query<StoredPoint & Record<string, unknown>>(
    `SELECT longitude AS lon, latitude AS lat, month, strftime(record_date, '%Y-%m-%d') AS date,
            categories, NULL AS location, lsoa_code AS lsoa
     FROM partner_record
     WHERE dataset = $dataset AND list_contains($districts, district_code)
       AND month BETWEEN $from AND $to AND longitude IS NOT NULL
     ORDER BY record_date, longitude, latitude`,
    { dataset, districts: list(districts), from: period.from, to: period.to },
    { districts: TEXT_LIST },
  );
}

/** Every police.uk map point with any street record in the area, with its location text. */
export async function streetPlaces(
  db: Db,
  scope: Scope,
  area: { code: string; type: AreaType },
): Promise<{ lon: number; lat: number; location: string | null }[]> {
  await checkStreetAccess(db, scope, area);
  return db.query<{ lon: number; lat: number; location: string | null }>(
    `SELECT c.longitude AS lon, c.latitude AS lat, any_value(c.location) AS location FROM crime c
     WHERE ${streetAreaCondition(area.type)} AND c.longitude IS NOT NULL
     GROUP BY ALL ORDER BY lon, lat`,
    { area: area.code },
  );
}
