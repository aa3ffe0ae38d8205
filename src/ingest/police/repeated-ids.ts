/**
 * Rows of a street file that repeat an earlier row's Crime ID. police.uk lists each crime once a
 * month: over the 38 real files of three forces checked (Hertfordshire's 30 bundled months,
 * four of Merseyside and four of Gwent, 333,501 rows) four rows repeat an ID, each on a row of
 * its own content, and none repeats a whole line. A file joined to itself, or pasted twice,
 * repeats every ID: it was accepted, replaced the month and doubled its counts (a QA sweep on
 * Gwent). Such a file is refused (`tooMany`); the few repeats real files have are kept.
 *
 * Fast: a 64-hex-digit police.uk ID is known by the number its first 13 digits make (52 bits),
 * read from the line's bytes, with no string made; any other ID by its text. Two different
 * police.uk IDs share those digits with a chance of about one in 2^52 per pair.
 */
export class RepeatedIds {
  private readonly byNumber = new Map<number, number>();
  private readonly byText = new Map<string, number>();
  /** Rows with a Crime ID. */
  crimes = 0;
  /** Rows whose Crime ID an earlier row had. */
  repeats = 0;
  /** The first such row, and the line it repeats. */
  first: { line: number; earlier: number } | null = null;

  /** A row whose Crime ID is the bytes start..end of `source` (empty: not a crime). */
  addBytes(source: Buffer, start: number, end: number, line: number): void {
    if (end <= start) return;
    const key = end - start >= HEX_DIGITS ? hexKey(source, start) : -1;
    if (key === -1) this.addText(source.toString('latin1', start, end), line);
    else this.seen(this.byNumber, key, line);
  }

  /** A row whose Crime ID is `id` (trimmed; empty: not a crime). */
  addText(id: string, line: number): void {
    if (id === '') return;
    const key = id.length >= HEX_DIGITS ? hexKey(Buffer.from(id, 'latin1'), 0) : -1;
    if (key === -1) this.seen(this.byText, id, line);
    else this.seen(this.byNumber, key, line);
  }

  /** Whether so many rows repeat an ID that the file cannot be as police.uk published it. */
  tooMany(): boolean {
    return this.repeats >= MIN_REPEATS && this.repeats * 100 >= this.crimes;
  }

  private seen<K>(map: Map<K, number>, key: K, line: number): void {
    this.crimes++;
    const earlier = map.get(key);
    if (earlier === undefined) {
      map.set(key, line);
      return;
    }
    this.repeats++;
    this.first ??= { line, earlier };
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
