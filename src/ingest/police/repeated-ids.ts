/**
 * Rows of a street file that repeat an earlier row's Crime ID. police.uk lists each crime once a
 * month: over the 38 real files of three forces checked (Hertfordshire's 30 bundled months,
 * four of Merseyside and four of Gwent, 333,501 rows) four rows repeat an ID, each on a row of
 * its own content, and none repeats a whole line. A file joined to itself, or pasted twice,
 * repeats every ID: it was accepted, replaced the month and doubled its counts (a QA sweep on
 * Gwent). Such a file is refused (`tooMany`); the few repeats real files have are kept.
 *
 * Fast: a 64-hex-digit police.uk ID is known by the number its first 13 digits make (52 bits),
 * read from the line's bytes with no string made, and kept in a typed array; the repeats are
 * counted once, at the end, by sorting the numbers. (A Map of them cost 0.8 µs a row, each key a
 * heap number: 0.6 s of CPU on twelve months of a large force.) Any other ID is known by its
 * text. Two different police.uk IDs share those digits with a chance of about one in 2^52 per pair.
 */
export class RepeatedIds {
  private keys = new Float64Array(4096);
  private lines = new Int32Array(4096);
  private n = 0;
  private readonly byText = new Map<string, number>();
  private textRepeats = 0;
  private textFirst: { line: number; earlier: number } | null = null;
  private settled: { repeats: number; first: { line: number; earlier: number } | null } | null =
    null;

  /** A row whose Crime ID is the bytes start..end of `source` (empty: not a crime). */
  addBytes(source: Buffer, start: number, end: number, line: number): void {
    if (end <= start) return;
    const key = end - start >= HEX_DIGITS ? hexKey(source, start) : -1;
    if (key === -1) this.addText(source.toString('latin1', start, end), line);
    else this.push(key, line);
  }

  /** A row whose Crime ID is `id` (trimmed; empty: not a crime). */
  addText(id: string, line: number): void {
    if (id === '') return;
    const key = id.length >= HEX_DIGITS ? hexKey(Buffer.from(id, 'latin1'), 0) : -1;
    if (key !== -1) {
      this.push(key, line);
      return;
    }
    this.settled = null;
    const earlier = this.byText.get(id);
    if (earlier === undefined) this.byText.set(id, line);
    else {
      this.textRepeats++;
      // Rows are not always checked in line order: the repeat is the later line.
      const [a, b] = line < earlier ? [line, earlier] : [earlier, line];
      if (line < earlier) this.byText.set(id, line);
      if (this.textFirst === null || b < this.textFirst.line)
        this.textFirst = { line: b, earlier: a };
    }
  }

  /** Rows with a Crime ID. */
  get crimes(): number {
    return this.n + this.byText.size + this.textRepeats;
  }

  /** Rows whose Crime ID an earlier row had. */
  get repeats(): number {
    return this.settle().repeats;
  }

  /** The first such row, and the line it repeats. */
  get first(): { line: number; earlier: number } | null {
    return this.settle().first;
  }

  /** Whether so many rows repeat an ID that the file cannot be as police.uk published it. */
  tooMany(): boolean {
    const repeats = this.repeats;
    return repeats >= MIN_REPEATS && repeats * 100 >= this.crimes;
  }

  private push(key: number, line: number): void {
    this.settled = null;
    if (this.n === this.keys.length) {
      const keys = new Float64Array(this.n * 2);
      keys.set(this.keys);
      this.keys = keys;
      const lines = new Int32Array(this.n * 2);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.keys[this.n] = key;
    this.lines[this.n] = line;
    this.n++;
  }

  private settle(): { repeats: number; first: { line: number; earlier: number } | null } {
    if (this.settled) return this.settled;
    const sorted = this.keys.slice(0, this.n).sort();
    let repeats = 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeats++;
    let first = this.textFirst;
    if (repeats > 0) {
      // Rare (a file with a repeat at all): which row is the first repeat, and of which line.
      // Rows are not always checked in line order (those read before the force was known).
      const groups = new Map<number, number[]>();
      for (let i = 0; i < this.n; i++) {
        const group = groups.get(this.keys[i]!);
        if (group) group.push(this.lines[i]!);
        else groups.set(this.keys[i]!, [this.lines[i]!]);
      }
      for (const lines of groups.values()) {
        if (lines.length < 2) continue;
        lines.sort((a, b) => a - b);
        if (first === null || lines[1]! < first.line)
          first = { line: lines[1]!, earlier: lines[0]! };
      }
    }
    this.settled = { repeats: repeats + this.textRepeats, first };
    return this.settled;
  }
}

/** How many of a police.uk ID's hex digits make its number: 13 × 4 = 52 bits, exact in a double. */
const HEX_DIGITS = 13;
/** A file is refused from this many repeats, and 1 % of its crimes. */
const MIN_REPEATS = 10;

/** The number of the 13 hex digits at `at`, or -1 if any is not a hex digit. */
function hexKey(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let i = at; i < at + HEX_DIGITS; i++) {
    const c = bytes[i] as number;
    const d =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d === -1) return -1;
    n = n * 16 + d;
  }
  return n;
}
