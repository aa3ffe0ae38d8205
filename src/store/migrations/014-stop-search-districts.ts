/**
 * Stop-and-search placed in districts. police.uk publishes searches per force, with a point (an
 * anonymised map point) but no LSOA, so a search's district is found by point-in-polygon against
 * district boundaries (`usecases/place-searches.ts`), which SQL alone cannot do here.
 *
 * This migration adds `district_code` and `district_match` to `stop_search`:
 * - `district_match` 'point': placed by its point, in `district_code`;
 * - 'none': the search has no location (kept, counted, in no district);
 * - 'unmatched': its point lies in no district whose boundary Lantern holds;
 * - NULL: not yet placed (stored by an earlier version, or by an import that stopped before
 *   placing it). Searches without a location are marked 'none' here; the rest are left to the
 *   `place-stop-searches` pending task, done by the next writing open (`store/pending-tasks.ts`).
 */
export const stopSearchDistrictsSql = `
ALTER TABLE stop_search ADD COLUMN district_code VARCHAR;
ALTER TABLE stop_search ADD COLUMN district_match VARCHAR;
UPDATE stop_search SET district_match = 'none' WHERE latitude IS NULL OR longitude IS NULL;
INSERT INTO store_pending_task
SELECT 'place-stop-searches', 'migration 14: searches stored before they were placed in districts'
WHERE EXISTS (SELECT 1 FROM stop_search WHERE district_match IS NULL);
`;
