/**
 * Accepted rows written as CSV bytes in Lantern's own fixed layout, for the store to bulk-load
 * with DuckDB's CSV reader (every column typed, nothing inferred). Text is quoted only when it
 * holds a quote, comma or line break; an empty cell means null. Each row is encoded into one
 * growing byte buffer as soon as it is built, so row strings die young and garbage collection
 * (the largest cost of parsing in JavaScript) stays cheap: nothing per row outlives the row.
 */

const NEWLINE = 0x0a;
const COMMA = 0x2c;

export class StagingBuffer {
  private buffer: Buffer;
  private length = 0;
  rows = 0;

  /**
   * `capacity`: the bytes to start with (staged rows take about as many bytes as the CSV they
   * come from). Never below 64 KiB, so the buffer is never a slice of Node's shared pool and can
   * be transferred to another thread.
   */
  constructor(capacity = 1 << 20) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, 1 << 16));
  }

  /** One staged row: cells already encoded with `text`, `num` and `flag`, joined by commas. */
  row(line: string): void {
    this.reserve(line.length * 3 + 1);
    this.length += this.buffer.write(line, this.length);
    this.buffer[this.length++] = NEWLINE;
    this.rows++;
  }

  /**
   * One staged row made of Lantern's own cells (`prefix`, ending in a comma) followed by a line
   * of the source file as it is, copied byte for byte (`source[start, end)`, no line end).
   */
  rowFrom(prefix: string, source: Buffer, start: number, end: number): void {
    this.reserve(prefix.length * 3 + (end - start) + 1);
    this.length += this.buffer.write(prefix, this.length);
    // A view and `set`: Buffer#copy costs several times as much per call for a line this short.
    this.buffer.set(
      new Uint8Array(source.buffer, source.byteOffset + start, end - start),
      this.length,
    );
    this.length += end - start;
    this.buffer[this.length++] = NEWLINE;
    this.rows++;
  }

  /**
   * `rowFrom` with Lantern's cells given in parts, for the fast path (police/street-line.ts): the
   * line number, the ASB key (ASCII; '' for a crime) and the encoded cells after it (`tail`, from
   * the comma before the district to the comma after the category), so that a good row builds no
   * string at all.
   */
  rowFromParts(
    line: number,
    key: string,
    tail: Uint8Array,
    source: Buffer,
    start: number,
    end: number,
  ): void {
    this.reserve(12 + key.length + tail.length + (end - start) + 1);
    const buffer = this.buffer;
    let at = this.length;
    let digits = 1;
    for (let n = line; n >= 10; n = Math.floor(n / 10)) digits++;
    for (let n = line, i = at + digits - 1; i >= at; i--, n = Math.floor(n / 10)) {
      buffer[i] = 48 + (n % 10);
    }
    at += digits;
    buffer[at++] = COMMA;
    if (key !== '') at += buffer.write(key, at, 'latin1');
    buffer.set(tail, at);
    at += tail.length;
    buffer.set(new Uint8Array(source.buffer, source.byteOffset + start, end - start), at);
    at += end - start;
    buffer[at++] = NEWLINE;
    this.length = at;
    this.rows++;
  }

  /** The staged rows; the view shares the buffer, which the stager no longer writes. */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}

/** A text cell: as it is, or quoted when it holds a quote, comma or line break. */
export function text(value: string): string {
  if (
    !value.includes(',') &&
    !value.includes('"') &&
    !value.includes('\n') &&
    !value.includes('\r')
  ) {
    return value;
  }
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
