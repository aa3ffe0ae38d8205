/**
 * A street file's accepted records counted by month, district, district match and category, as
 * they are staged (domain/police-records.ts, StreetCount): the store's street_count rows for the
 * file, without DuckDB reading the file's rows back to count them.
 */
import type { StreetCount } from '../../domain/police-records.js';

export class StreetCounts {
  private readonly byKey = new Map<string, StreetCount>();

  /**
   * The count of one month, district, match and category, to be increased by the caller once
   * per staged record (the fast path keeps it beside the cells it stages for them).
   */
  of(month: string, district: string | null, districtMatch: string, category: string) {
    // An empty cell is null to DuckDB, as no district is.
    const districtCode = district === '' ? null : district;
    const key = `${month}\u001f${districtCode ?? ''}\u001f${districtMatch}\u001f${category}`;
    let count = this.byKey.get(key);
    if (count === undefined) {
      count = { month, districtCode, districtMatch, category, records: 0 };
      this.byKey.set(key, count);
    }
    return count;
  }

  /** The counts of at least one record. */
  list(): StreetCount[] {
    return [...this.byKey.values()].filter((c) => c.records > 0).map((c) => ({ ...c }));
  }
}
