/**
 * The layout in which validated police.uk rows travel from ingest to the store: one list of
 * typed columns per kind. Ingest writes rows in this order; the store loads them by it.
 * `line` is the row's line in the source file, kept for tracing every figure back to its row.
 */
import type { PoliceKind } from './police-file.js';

export type StagedType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'TIMESTAMPTZ';

export interface StagedColumn {
  name: string;
  type: StagedType;
}

const col = (name: string, type: StagedType = 'VARCHAR'): StagedColumn => ({ name, type });

export const STAGED_COLUMNS: Readonly<Record<PoliceKind, readonly StagedColumn[]>> = {
  street: [
    col('line', 'INTEGER'),
    col('asb_key'),
    col('crime_id'),
    col('month'),
    col('reported_by'),
    col('falls_within'),
    col('longitude', 'DOUBLE'),
    col('latitude', 'DOUBLE'),
    col('location'),
    col('lsoa_code'),
    col('lsoa_name'),
    col('district_code'),
    col('district_match'),
    col('category'),
    col('last_outcome'),
    col('context'),
  ],
  outcomes: [
    col('line', 'INTEGER'),
    col('crime_id'),
    col('month'),
    col('reported_by'),
    col('falls_within'),
    col('longitude', 'DOUBLE'),
    col('latitude', 'DOUBLE'),
    col('location'),
    col('lsoa_code'),
    col('lsoa_name'),
    col('district_code'),
    col('district_match'),
    col('outcome_type'),
  ],
  'stop-and-search': [
    col('line', 'INTEGER'),
    col('month'),
    col('search_type'),
    col('date', 'TIMESTAMPTZ'),
    col('part_of_operation', 'BOOLEAN'),
    col('operation'),
    col('latitude', 'DOUBLE'),
    col('longitude', 'DOUBLE'),
    col('gender'),
    col('age_range'),
    col('self_defined_ethnicity'),
    col('officer_defined_ethnicity'),
    col('legislation'),
    col('object_of_search'),
    col('outcome'),
    col('outcome_linked', 'BOOLEAN'),
    col('outer_clothing_removed', 'BOOLEAN'),
  ],
};

/**
 * How a file's staged rows are laid out: 'lantern' (STAGED_COLUMNS), or 'as-filed' (street rows
 * of a plain file: Lantern's own cells, then the police.uk line as it is; STREET_AS_FILED).
 */
export type StagedLayout = 'lantern' | 'as-filed';

/**
 * Street rows staged 'as-filed': Lantern's cells, then the police.uk columns (POLICE_COLUMNS.street)
 * under the names of the crime table. The crime type is read but not stored: the category
 * before it is its slug.
 */
export const STREET_AS_FILED: readonly StagedColumn[] = [
  { name: 'line', type: 'INTEGER' },
  { name: 'asb_key', type: 'VARCHAR' },
  { name: 'district_code', type: 'VARCHAR' },
  { name: 'district_match', type: 'VARCHAR' },
  { name: 'category', type: 'VARCHAR' },
  // Crime ID, Month, Reported by, Falls within, Longitude, Latitude, Location, LSOA code,
  // LSOA name, Crime type, Last outcome category, Context
  { name: 'crime_id', type: 'VARCHAR' },
  { name: 'month', type: 'VARCHAR' },
  { name: 'reported_by', type: 'VARCHAR' },
  { name: 'falls_within', type: 'VARCHAR' },
  { name: 'longitude', type: 'DOUBLE' },
  { name: 'latitude', type: 'DOUBLE' },
  { name: 'location', type: 'VARCHAR' },
  { name: 'lsoa_code', type: 'VARCHAR' },
  { name: 'lsoa_name', type: 'VARCHAR' },
  { name: 'crime_type', type: 'VARCHAR' },
  { name: 'last_outcome', type: 'VARCHAR' },
  { name: 'context', type: 'VARCHAR' },
];

/**
 * A street file's accepted records counted as the store's street_count table keeps them (one
 * row per month, district, how the record was placed in it, and category): worked out while the
 * rows are checked, so that the store need not read the rows back to count them.
 */
export interface StreetCount {
  month: string;
  /** null: placed in no district (staged as an empty cell). */
  districtCode: string | null;
  districtMatch: string;
  category: string;
  records: number;
}
