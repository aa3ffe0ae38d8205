/**
 * CSV text to records with their line numbers, through papaparse (RFC 4180: quoted fields with
 * commas, quotes and newlines; LF, CRLF or CR line ends, guessed as papaparse guesses them). A
 * record's line is the 1-based line of the file on which it starts, counting the lines that
 * quoted newlines add, so that every rejected row can be found in the file the user has.
 *
 * Records are handed over one at a time as they are parsed (`readCsv`), so that a large file's
 * records die young instead of all being held until the file is done: garbage collection of
 * long-lived records was the largest single cost of an import. A file without any quote is split
 * here directly, exactly as papaparse splits such a file (its own fast path), but without
 * building an array of all its lines first.
 */
import Papa from 'papaparse';

import { InputError } from '../errors.js';

export interface CsvSink {
  /**
   * The first record (even when blank; [] for empty text). `plain` is true when no field of the
   * file holds a quote, comma, CR or LF, so that no field needs quoting when written as CSV.
   */
  header(fields: string[], plain: boolean): void;
  /**
   * Each record after the header, blank lines dropped, with the line it starts on and, when
   * papaparse flagged it as malformed (stray quotes), its message. When the text was read as it
   * was given (no byte-order mark dropped, no line ends changed) and split directly (a file
   * without quotes), `start` and `end` are where the record lies in that text, its line end
   * excluded; otherwise both are -1.
   */
  record(
    fields: string[],
    line: number,
    malformed: string | undefined,
    start: number,
    end: number,
  ): void;
}

export interface CsvRecords {
  header: string[];
  /** Records after the header, blank lines dropped. */
  records: string[][];
  /** `lines[i]` is the line on which `records[i]` starts. */
  lines: number[];
  /** Records papaparse flagged as malformed (stray quotes), by index into `records`. */
  malformed: Map<number, string>;
}

/**
 * Reads CSV text into `sink`, record by record. A quoted field that is never closed refuses the
 * file (InputError naming its line) once the records before it have been handed over.
 */
export function readCsv(original: string, path: string, sink: CsvSink): void {
  const text = normaliseMixedLineEnds(original);
  // Papa.parse drops one byte-order mark from string input (decodeCsvText drops another).
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (input === '') sink.header([], true);
  else if (input.indexOf('"') === -1) readUnquoted(input, sink, input === original);
  else readQuoted(text, path, sink); // papaparse drops the mark itself
}

/**
 * A file whose lines end in CRLF here and LF there (edited by hand, or concatenated) is read with
 * LF line ends: papaparse guesses one line end for the whole file and would otherwise run lines
 * together. So is a file whose lines end in CR CR LF (a CRLF file converted to CRLF again, as
 * some transfers do): read as it is, each CR would end a line, numbering lines three times too
 * high and ending the file with a phantom row holding the last LF. Files that use one kind
 * throughout are left exactly as they are.
 */
function normaliseMixedLineEnds(text: string): string {
  if (text.indexOf('\r\n') === -1) return text;
  if (text.indexOf('\r\r\n') !== -1) return text.replace(/\r+\n/gu, '\n');
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) !== 13) return text.replaceAll('\r\n', '\n');
  }
  return text;
}

/** All records at once, held in memory. */
export function parseCsv(text: string, path: string): CsvRecords {
  const out: CsvRecords = { header: [], records: [], lines: [], malformed: new Map() };
  readCsv(text, path, {
    header(fields) {
      out.header = fields;
    },
    record(fields, line, malformed) {
      if (malformed) out.malformed.set(out.records.length, malformed);
      out.records.push(fields);
      out.lines.push(line);
    },
  });
  return out;
}

/**
 * Text without quotes: split at the guessed line end, then at commas, as papaparse's fast path
 * does (`input.split(newline)`, then `row.split(',')`), with no errors possible.
 */
function readUnquoted(text: string, sink: CsvSink, exact: boolean): void {
  const newline = guessLineEndings(text);
  const step = newline.length;
  // A field can hold LF only when lines end otherwise (CR or CRLF) and the text has a stray LF.
  let lf = newline === '\n' ? -1 : text.indexOf('\n');
  const plain = lf === -1 && text.indexOf('\r') === -1;
  let comma = text.indexOf(',');
  let line = 1;
  let start = 0;
  let first = true;
  for (;;) {
    const found = text.indexOf(newline, start);
    const end = found === -1 ? text.length : found;
    const fields: string[] = [];
    let from = start;
    while (comma !== -1 && comma < end) {
      fields.push(text.slice(from, comma));
      from = comma + 1;
      comma = text.indexOf(',', from);
    }
    fields.push(text.slice(from, end));
    const at = line;
    line += 1;
    while (lf !== -1 && lf < end) {
      line += 1;
      lf = text.indexOf('\n', lf + 1);
    }
    if (first) {
      sink.header(fields, plain);
      first = false;
    } else if (end > start) {
      if (exact) sink.record(fields, at, undefined, start, end);
      else sink.record(fields, at, undefined, -1, -1);
    }
    if (found === -1) return;
    start = found + step;
    if (lf !== -1 && lf < start) lf = text.indexOf('\n', start);
  }
}

/**
 * papaparse's guess of the line end (ParserHandle.guessLineEndings) for text without quotes,
 * where its first step (removing quoted text) changes nothing: within the first MiB, LF when
 * there is no CR or an LF comes first; else CRLF when at least half the CR-separated pieces
 * start with LF, else CR.
 */
function guessLineEndings(text: string): '\n' | '\r\n' | '\r' {
  const limit = Math.min(text.length, 1024 * 1024);
  const firstCr = text.indexOf('\r');
  if (firstCr === -1 || firstCr >= limit) return '\n';
  const firstLf = text.indexOf('\n');
  if (firstLf !== -1 && firstLf < firstCr) return '\n';
  let pieces = 1;
  let withLf = 0;
  for (let cr = firstCr; cr !== -1 && cr < limit; cr = text.indexOf('\r', cr + 1)) {
    pieces += 1;
    if (cr + 1 < limit && text.charCodeAt(cr + 1) === 10) withLf += 1;
  }
  return withLf >= pieces / 2 ? '\r\n' : '\r';
}

/** Text with quotes: papaparse, one record per step. */
function readQuoted(text: string, path: string, sink: CsvSink): void {
  let line = 1;
  let first = true;
  let unterminated = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    quoteChar: '"',
    escapeChar: '"',
    step(results) {
      const fields = results.data;
      const at = line;
      line += 1;
      for (const field of fields) {
        if (field.length > 0 && field.includes('\n')) line += countNewlines(field);
      }
      let malformed: string | undefined;
      for (const e of results.errors) {
        if (e.code === 'MissingQuotes') unterminated = at;
        if (e.type === 'Quotes') malformed = e.message;
      }
      if (unterminated !== 0) return;
      if (first) {
        sink.header(fields, false);
        first = false;
      } else if (fields.length !== 1 || fields[0] !== '') {
        sink.record(fields, at, malformed, -1, -1);
      }
    },
  });
  if (unterminated !== 0) {
    throw new InputError(
      `${path}:${unterminated}: a quoted field is never closed, so the rest of the file cannot be read`,
    );
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at !== -1; at = s.indexOf('\n', at + 1)) n++;
  return n;
}
