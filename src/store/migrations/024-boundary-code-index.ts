/**
 * An index of the boundaries by area code. A report, an assessment or a hotspot map reads one
 * area's own shape; without an index DuckDB reads every stored shape to find it (the demo store's
 * 1,002 shapes hold 9 MB of GeoJSON text): 75-90 ms of CPU on a store just opened, as every
 * command's is. Through the index it reads the area's rows alone: 7-8 ms. DuckDB uses the index
 * for an equality on `area_code` alone (store/boundaries.ts, `areaBoundary`). DuckDB refuses to
 * alter a column of an indexed table (ALTER ... SET NOT NULL, DROP COLUMN: "Dependency Error"): a
 * later migration that changes `boundary` drops this index first and makes it again after.
 */
export const boundaryCodeIndexSql = `CREATE INDEX boundary_area_code ON boundary (area_code);`;
