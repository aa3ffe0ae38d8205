import type { Month } from '../../src/domain/month.js';
import type { BatchToLoad } from '../../src/store/police-batches.js';

/**
 * A street batch of `rows` staged rows (Lantern's layout) for `month`; `line` is the first cell
 * of every row (a cell that is not a number makes DuckDB refuse the batch).
 */
export function streetBatch(name: string, month: Month, rows: number, line = '2'): BatchToLoad {
  const row = `${line},,id-${name},${month},Hertfordshire Constabulary,Hertfordshire Constabulary,-0.2,51.8,On or near X,E01023640,Broxbourne 001A,E07000095,code,burglary,,`;
  return {
    fileName: name,
    contentHash: `hash-${name}`,
    kind: 'street',
    force: 'hertfordshire',
    monthCounts: new Map([[month, rows]]),
    staged: Array.from({ length: rows }, () => row).join('\n') + '\n',
    stagedRows: rows,
    rejected: [],
    startedAt: new Date(),
  };
}
