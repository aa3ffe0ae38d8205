import type { Month } from '../../src/domain/month.js';
import type { BatchToLoad } from '../../src/store/police-batches.js';

/** A staged street row's district and category ('' for no district). */
export type StreetRow = readonly [district: string, category: string];

/**
 * A street batch staged in Lantern's layout for `month`: `rows` of a district and category each,
 * or that many burglaries in Broxbourne. `line` is the first cell of every row (a cell that is not
 * a number makes DuckDB refuse the batch).
 */
export function streetBatch(
  name: string,
  month: Month,
  rows: number | readonly StreetRow[],
  line = '2',
): BatchToLoad {
  const n = typeof rows === 'number' ? rows : rows.length;
  const at = (i: number): StreetRow =>
    typeof rows === 'number' ? ['E07000095', 'burglary'] : (rows[i] as StreetRow);
  const row = (i: number) => {
    const [district, category] = at(i);
    return `${line},,id-${name}-${i},${month},Hertfordshire Constabulary,Hertfordshire Constabulary,-0.2,51.8,On or near X,E01023640,Broxbourne 001A,${district},${district === '' ? 'none' : 'code'},${category},,`;
  };
  return {
    fileName: name,
    contentHash: `hash-${name}`,
    kind: 'street',
    force: 'hertfordshire',
    monthCounts: new Map([[month, n]]),
    staged: Array.from({ length: n }, (_, i) => row(i)).join('\n') + '\n',
    stagedRows: n,
    rejected: [],
    startedAt: new Date(),
  };
}
