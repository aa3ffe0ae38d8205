/**
 * Crimes from the police.uk API as a police.uk street CSV, so that they enter the store by the
 * same path as downloaded files (same checks, idempotency, replacement and atomicity). The API
 * gives no LSOA: each record's comes from the caller's locator. Rows are sorted by content, so
 * the same answer always makes the same file (the API's own `id` is not stable and is left out).
 */
import { CATEGORY_NAMES, isCategory } from '../domain/categories.js';
import { POLICE_COLUMNS } from '../domain/police-file.js';
import type { LocatedPoint } from '../geo/point-locator.js';
import type { ApiCrime } from './police-api.js';

export function apiCrimesToCsv(
  crimes: readonly ApiCrime[],
  forceName: string,
  locate: (lon: number, lat: number) => LocatedPoint,
): string {
  const rows = crimes.map((c) => {
    const lon = c.location ? Number(c.location.longitude) : null;
    const lat = c.location ? Number(c.location.latitude) : null;
    const place = lon !== null && lat !== null ? locate(lon, lat) : null;
    return [
      c.persistent_id ?? '',
      c.month,
      forceName,
      forceName,
      c.location?.longitude ?? '',
      c.location?.latitude ?? '',
      c.location?.street?.name ?? (c.location ? '' : 'No location'),
      place?.lsoaCode ?? '',
      place?.lsoaName ?? '',
      isCategory(c.category) ? CATEGORY_NAMES[c.category] : c.category,
      c.outcome_status?.category ?? '',
      c.context ?? '',
    ].map(cell);
  });
  rows.sort((a, b) => (a.join(',') < b.join(',') ? -1 : a.join(',') > b.join(',') ? 1 : 0));
  return [POLICE_COLUMNS.street.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

function cell(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
