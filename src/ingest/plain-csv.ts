/**
 * A plain CSV file read straight from its bytes: ASCII, no quote and no carriage return, so that
 * a record is a line and a field is what lies between two commas. It is the common shape of a
 * police.uk file, and the import's fast path (parse-police-file.ts decides which files take it).
 *
 * It splits exactly as `readCsv` splits such a file (csv.ts: at LF, then at commas, blank lines
 * dropped, the same line numbers and byte positions), but finds the commas of a line without
 * making a string of each field: a line of the header's width whose fields have no space or
 * control character at either end is offered to the sink as field bounds first (`line`), and
 * only a line the sink declines, or any other line, is handed over as fields (`record`).
 */
import type { CsvSink } from './csv.js';

export interface PlainCsvSink extends CsvSink {
  /**
   * A line of as many fields as the header, none with a byte of 32 or less at either end.
   * Field i lies from `bounds[i] + 1` to `bounds[i + 1]` (exclusive) in the file's bytes, so the
   * line itself lies from `bounds[0] + 1` to `bounds[width]`. Returns false to have the line
   * handed to `record` as fields instead. `bounds` is reused for the next line.
   */
  line(bounds: Int32Array, line: number): boolean;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** Whether `bytes` (already known to be ASCII) can be read by `readPlainCsv`. */
export function isPlainCsv(bytes: Buffer): boolean {
  return bytes.indexOf(QUOTE) === -1 && bytes.indexOf(CR) === -1;
}

/** Reads a plain CSV file (`isPlainCsv`) into `sink`: the first line is the header. */
export function readPlainCsv(bytes: Buffer, sink: PlainCsvSink): void {
  const n = bytes.length;
  let start = 0;
  let line = 1;
  let bounds: Int32Array | null = null;
  for (;;) {
    const found = bytes.indexOf(LF, start);
    const end = found === -1 ? n : found;
    if (bounds === null) {
      const fields = bytes.toString('latin1', start, end).split(',');
      sink.header(fields, true);
      bounds = new Int32Array(fields.length + 1);
    } else if (end > start) {
      if (!(boundsOf(bytes, start, end, bounds) && sink.line(bounds, line))) {
        sink.record(bytes.toString('latin1', start, end).split(','), line, undefined, start, end);
      }
    }
    if (found === -1) return;
    start = found + 1;
    line++;
  }
}

/**
 * Fills `bounds` with the line's commas (see PlainCsvSink.line); false when the line has another
 * number of fields than `bounds` holds, or a field with a byte of 32 or less at either end.
 */
function boundsOf(bytes: Buffer, start: number, end: number, bounds: Int32Array): boolean {
  const width = bounds.length - 1;
  let k = 0;
  bounds[0] = start - 1;
  for (let i = start; i < end; i++) {
    if (bytes[i] === COMMA) {
      if (++k === width) return false;
      bounds[k] = i;
    }
  }
  if (k !== width - 1) return false;
  bounds[width] = end;
  for (let f = 0; f < width; f++) {
    const s = (bounds[f] as number) + 1;
    const e = bounds[f + 1] as number;
    if (e > s && ((bytes[s] as number) <= 32 || (bytes[e - 1] as number) <= 32)) return false;
  }
  return true;
}
