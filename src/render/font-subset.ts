/**
 * A copy of a TrueType font that draws the given characters exactly as the font does, in a
 * fraction of its bytes: every glyph keeps its number, its metrics, its kerning and its outline,
 * but the outlines of glyphs no character asked for (and no substitution can reach) are left
 * empty, and the glyph names (`post`) are dropped.
 *
 * Why: resvg-js 2.6.2 reads the whole font file again for every glyph it draws (its font database
 * keeps files by path, not in memory), so an infographic of 1,500 characters read DejaVu Sans'
 * 760 KB some 1,700 times: most of a PNG's CPU time, in the kernel copying the file. A copy of
 * about 150 KB makes each read a fifth of that.
 *
 * Kept, so that nothing is drawn differently: glyph 0 (.notdef); the glyph of each character
 * asked for, in every Unicode `cmap` subtable; every glyph any `GSUB` lookup can put out,
 * whatever its input (a superset of what shaping can reach); the components of every kept
 * composite glyph. Every other table is copied byte for byte. A font this cannot read with
 * certainty (not TrueType outlines, an unknown `cmap` format, AAT tables) gives `null`, and the
 * caller uses the font as it is.
 */

interface Table {
  tag: string;
  data: Buffer;
}

const u16 = (b: Buffer, at: number) => b.readUInt16BE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32BE(at);

/** The font's tables, or null when it is not a single TrueType font. */
function readTables(font: Buffer): Map<string, Buffer> | null {
  if (font.length < 12 || u32(font, 0) !== 0x00010000) return null;
  const tables = new Map<string, Buffer>();
  const count = u16(font, 4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = u32(font, at + 8);
    const length = u32(font, at + 12);
    if (offset + length > font.length) return null;
    tables.set(font.toString('latin1', at, at + 4), font.subarray(offset, offset + length));
  }
  return tables;
}

/**
 * Adds the glyphs of these characters in one `cmap` subtable to `into`, and the characters it has
 * a glyph for to `found`; false for a format not read here.
 */
function cmapGlyphs(
  sub: Buffer,
  chars: ReadonlySet<number>,
  into: Set<number>,
  found: Set<number>,
): boolean {
  const format = u16(sub, 0);
  if (format === 4) {
    const segments = u16(sub, 6) / 2;
    const ends = 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const ranges = deltas + 2 * segments;
    for (const c of chars) {
      if (c > 0xffff) continue;
      for (let s = 0; s < segments; s++) {
        if (c > u16(sub, ends + 2 * s)) continue;
        const start = u16(sub, starts + 2 * s);
        if (c < start) break;
        const delta = u16(sub, deltas + 2 * s);
        const range = u16(sub, ranges + 2 * s);
        const at = ranges + 2 * s + range + 2 * (c - start);
        const indexed = range === 0 ? c : at + 2 <= sub.length ? u16(sub, at) : 0;
        const glyph = range !== 0 && indexed === 0 ? 0 : (indexed + delta) & 0xffff;
        if (glyph !== 0) {
          into.add(glyph);
          found.add(c);
        }
        break;
      }
    }
    return true;
  }
  if (format === 12) {
    const groups = u32(sub, 12);
    for (let g = 0; g < groups; g++) {
      const at = 16 + 12 * g;
      const start = u32(sub, at);
      const end = u32(sub, at + 4);
      const first = u32(sub, at + 8);
      for (const c of chars)
        if (c >= start && c <= end && first + (c - start) !== 0) {
          into.add(first + (c - start));
          found.add(c);
        }
    }
    return true;
  }
  if (format === 14) return true; // variation sequences: only with a selector, never in our text
  if (format === 0 || format === 6) {
    // Byte and trimmed tables: every glyph they name is kept (they are small).
    const first = format === 0 ? 0 : u16(sub, 6);
    const n = format === 0 ? 256 : u16(sub, 8);
    for (let i = 0; i < n; i++) {
      const glyph = format === 0 ? sub[6 + i]! : u16(sub, 10 + 2 * i);
      into.add(glyph);
      if (glyph !== 0 && chars.has(first + i)) found.add(first + i);
    }
    return true;
  }
  return false;
}

/** The glyphs a coverage table lists. */
function coverage(t: Buffer, at: number): number[] {
  const out: number[] = [];
  const format = u16(t, at);
  const n = u16(t, at + 2);
  if (format === 1) for (let i = 0; i < n; i++) out.push(u16(t, at + 4 + 2 * i));
  else if (format === 2)
    for (let i = 0; i < n; i++) {
      const r = at + 4 + 6 * i;
      for (let g = u16(t, r); g <= u16(t, r + 2); g++) out.push(g);
    }
  else throw new Error(`coverage format ${format}`);
  return out;
}

/** Every glyph a GSUB subtable can put out, whatever its input; false for a type not read. */
function substitutes(t: Buffer, type: number, at: number, into: Set<number>): boolean {
  const glyphArray = (from: number) => {
    const n = u16(t, from);
    for (let i = 0; i < n; i++) into.add(u16(t, from + 2 + 2 * i));
  };
  const offsets = (from: number, base: number) => {
    const n = u16(t, from);
    return Array.from({ length: n }, (_, i) => base + u16(t, from + 2 + 2 * i));
  };
  const format = u16(t, at);
  switch (type) {
    case 1:
      if (format === 1) {
        const delta = t.readInt16BE(at + 4);
        for (const g of coverage(t, at + u16(t, at + 2))) into.add((g + delta) & 0xffff);
      } else glyphArray(at + 4);
      return true;
    case 2: // multiple
    case 3: // alternate
      for (const seq of offsets(at + 4, at)) glyphArray(seq);
      return true;
    case 4: // ligature
      for (const set of offsets(at + 4, at))
        for (const lig of offsets(set, set)) into.add(u16(t, lig));
      return true;
    case 5: // context and chained context: their outputs come from other lookups, read as well
    case 6:
      return true;
    case 7: // extension
      return substitutes(t, u16(t, at + 2), at + u32(t, at + 4), into);
    case 8: {
      // reverse chaining single: coverage, backtrack and lookahead coverages, then substitutes
      const back = u16(t, at + 4);
      const ahead = at + 6 + 2 * back;
      glyphArray(ahead + 2 + 2 * u16(t, ahead));
      return true;
    }
    default:
      return false;
  }
}

/** Every glyph any lookup of this GSUB table can put out; null when it cannot be read. */
function gsubOutputs(t: Buffer, into: Set<number>): boolean {
  const list = u16(t, 8);
  const lookups = u16(t, list);
  for (let l = 0; l < lookups; l++) {
    const lookup = list + u16(t, list + 2 + 2 * l);
    const type = u16(t, lookup);
    const subtables = u16(t, lookup + 4);
    for (let s = 0; s < subtables; s++)
      if (!substitutes(t, type, lookup + u16(t, lookup + 6 + 2 * s), into)) return false;
  }
  return true;
}

/** The components of a composite glyph (none for a simple or empty one). */
function components(glyph: Buffer): number[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = u16(glyph, at);
    out.push(u16(glyph, at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008)
      at += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040)
      at += 4; // X_AND_Y_SCALE
    else if (flags & 0x0080) at += 8; // TWO_BY_TWO
    if (!(flags & 0x0020)) return out; // MORE_COMPONENTS
  }
}

function sfnt(tables: readonly Table[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = sorted.length;
  let power = 1;
  let log = 0;
  while (power * 2 <= n) {
    power *= 2;
    log++;
  }
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(log, 8);
  header.writeUInt16BE(n * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  sorted.forEach((t, i) => {
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    let sum = 0;
    for (let at = 0; at < padded.length; at += 4) sum = (sum + u32(padded, at)) >>> 0;
    const at = 12 + 16 * i;
    header.write(t.tag, at, 4, 'latin1');
    header.writeUInt32BE(sum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/**
 * The copy of `font` that draws `chars` as it does; null when it cannot be made safely, or when the
 * font lacks one of the characters (drawn then from another font, which the copy would not do).
 */
export function fontForChars(font: Buffer, chars: ReadonlySet<number>): Buffer | null {
  const tables = readTables(font);
  const head = tables?.get('head');
  const maxp = tables?.get('maxp');
  const loca = tables?.get('loca');
  const glyf = tables?.get('glyf');
  const cmap = tables?.get('cmap');
  if (!tables || !head || !maxp || !loca || !glyf || !cmap) return null;
  if (['morx', 'mort', 'CFF ', 'CFF2', 'fvar'].some((t) => tables.has(t))) return null;
  try {
    const glyphs = u16(maxp, 4);
    const long = head.readInt16BE(50) === 1;
    const offset = (g: number) => (long ? u32(loca, 4 * g) : 2 * u16(loca, 2 * g));
    const keep = new Set<number>([0]);
    const found = new Set<number>();
    for (let i = 0, n = u16(cmap, 2); i < n; i++) {
      const platform = u16(cmap, 4 + 8 * i);
      const encoding = u16(cmap, 6 + 8 * i);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (!cmapGlyphs(cmap.subarray(u32(cmap, 8 + 8 * i)), chars, keep, found)) return null;
    }
    if (found.size < chars.size) return null;
    const gsub = tables.get('GSUB');
    if (gsub && !gsubOutputs(gsub, keep)) return null;
    const queue = [...keep];
    while (queue.length > 0) {
      const g = queue.pop()!;
      if (g >= glyphs) return null;
      for (const c of components(glyf.subarray(offset(g), offset(g + 1))))
        if (!keep.has(c)) {
          keep.add(c);
          queue.push(c);
        }
    }
    const newLoca = Buffer.alloc(loca.length);
    const kept: Buffer[] = [];
    let at = 0;
    for (let g = 0; g < glyphs; g++) {
      if (long) newLoca.writeUInt32BE(at, 4 * g);
      else newLoca.writeUInt16BE(at / 2, 2 * g);
      if (!keep.has(g)) continue;
      const data = glyf.subarray(offset(g), offset(g + 1));
      kept.push(data);
      at += data.length;
    }
    if (long) newLoca.writeUInt32BE(at, 4 * glyphs);
    else newLoca.writeUInt16BE(at / 2, 2 * glyphs);
    const out: Table[] = [];
    for (const [tag, data] of tables) {
      if (tag === 'glyf') out.push({ tag, data: Buffer.concat(kept) });
      else if (tag === 'loca') out.push({ tag, data: newLoca });
      else if (tag === 'post' && data.length >= 32) {
        const post = Buffer.from(data.subarray(0, 32)); // its metrics; no glyph names
        post.writeUInt32BE(0x00030000, 0);
        out.push({ tag, data: post });
      } else out.push({ tag, data });
    }
    return sfnt(out);
  } catch {
    return null; // a table this cannot read: the font as it is
  }
}
