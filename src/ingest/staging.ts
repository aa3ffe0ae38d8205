/**
 * Accepted rows written as CSV text in Lantern's own fixed layout, for the store to bulk-load
 * with DuckDB's CSV reader (every column typed, nothing inferred). Text is quoted only when it
 * holds a quote, comma or line break; an empty cell means null. Mappers build each line with
 * `text`, `num` and `flag` and push it, which keeps the per-row garbage of a large import small.
 */

export class StagingCsv {
  private readonly lines: string[] = [];

  get rows(): number {
    return this.lines.length;
  }

  push(line: string): void {
    this.lines.push(line);
  }

  text(): string {
    return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n';
  }
}

/** A text cell: quoted, or empty (null) when the value is empty. */
const NEEDS_QUOTES = /[",\r\n]/u;

export function text(value: string): string {
  if (!NEEDS_QUOTES.test(value)) return value;
  return '"' + value.replaceAll('"', '""') + '"';
}

/** A numeric cell; null is empty. */
export function num(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A boolean cell; null is empty. */
export function flag(value: boolean | null): string {
  return value === null ? '' : value ? 'true' : 'false';
}

/** A record as CSV text, for showing and storing the raw content of a rejected row. */
export function recordText(record: readonly string[]): string {
  return record
    .map((f) => (/[",\n\r]/u.test(f) ? '"' + f.replaceAll('"', '""') + '"' : f))
    .join(',');
}
