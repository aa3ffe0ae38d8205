import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';

import { fontForChars } from './font-subset.js';
import { svgsToPngs } from './svg-png.js';

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FAMILY = 'DejaVu Sans, Arial, Helvetica, sans-serif';

/** Lines of text as the infographic writes them, regular and bold, at several sizes. */
function svgOf(lines: readonly string[]): string {
  const escape = (s: string) =>
    s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  const text = lines
    .map(
      (line, i) =>
        `<text x="10" y="${30 + 34 * i}" font-size="${14 + (i % 4) * 4}"${i % 2 ? ' font-weight="bold"' : ''}>${escape(line)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="${40 + 34 * lines.length}" font-family="${FAMILY}">${text}</svg>`;
}

/** The PNG drawn as before: every system font loaded, each glyph read from its own file. */
async function withSystemFonts(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return image.asPng();
}

const LINES = [
  'Three Rivers: Community Safety Strategic Assessment 2025–26',
  'Violence against the person · 1,234 crimes (−12% on 2024) ≥ 5 → High',
  'Anti-social behaviour & criminal damage < 4 “fewer than 5” £3,000',
  'ffi ffl fi fl Æsop Œuvre naïve café Ynys Môn Llanfair Pwllgwyngyll ŵ ŷ',
  'Ẁales Ćwierć Żółć ĳ ǅ Ǆ Δ Ω π µ ½ ¼ ‰ № ™ © ® ° ±',
  'The 0123456789 AVATAR WAVE Ty. Te. Yo. LT LY P. F. “Quoted” ‘single’',
];

describe('the infographic drawn with DejaVu Sans cut to its characters', () => {
  it('is the same PNG, byte for byte, as with every system font loaded', async () => {
    const svgs = [svgOf(LINES), svgOf([...LINES].reverse())];
    const cut = await svgsToPngs(svgs);
    for (const [i, svg] of svgs.entries())
      expect(cut[i]!.equals(await withSystemFonts(svg)), `SVG ${i}`).toBe(true);
  });

  it('is drawn with a font of under a third of the bytes, every glyph kept in place', () => {
    const chars = new Set([...LINES.join('')].map((c) => c.codePointAt(0)!));
    for (const name of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
      const font = readFileSync(`${DEJAVU}/${name}`);
      const cut = fontForChars(font, chars)!;
      expect(cut.length, name).toBeLessThan(font.length / 3);
      // The number of glyphs (maxp) is the font's: glyphs keep their numbers.
      const numGlyphs = (b: Buffer) => {
        for (let i = 0; i < b.readUInt16BE(4); i++)
          if (b.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'maxp')
            return b.readUInt16BE(b.readUInt32BE(20 + 16 * i) + 4);
        return -1;
      };
      expect(numGlyphs(cut), name).toBe(numGlyphs(font));
    }
  });

  it('falls back to the system fonts for a character DejaVu Sans lacks, drawing the same', async () => {
    const font = readFileSync(`${DEJAVU}/DejaVuSans.ttf`);
    expect(fontForChars(font, new Set(['中'.codePointAt(0)!, 0x54]))).toBe(null);
    const svg = svgOf(['Three Rivers 中 2025', 'Watford']);
    const [png] = await svgsToPngs([svg]);
    expect(png!.equals(await withSystemFonts(svg))).toBe(true);
  });

  it('uses the system fonts as they are when the SVG asks for another font or style', async () => {
    const svg = svgOf(['Three Rivers']).replace('<text ', '<text font-style="italic" ');
    const [png] = await svgsToPngs([svg]);
    expect(png!.equals(await withSystemFonts(svg))).toBe(true);
  });

  it('leaves no font behind in the temporary folder, and draws the same where none can be written', async () => {
    const svg = svgOf(LINES);
    const expected = await withSystemFonts(svg);
    const own = mkdtempSync(join(tmpdir(), 'svg-png-test-'));
    const before = process.env.TMPDIR;
    try {
      process.env.TMPDIR = own;
      expect((await svgsToPngs([svg]))[0]!.equals(expected)).toBe(true);
      expect(readdirSync(own)).toEqual([]);
      process.env.TMPDIR = join(own, 'not-a-folder', 'below');
      expect((await svgsToPngs([svg]))[0]!.equals(expected)).toBe(true);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(own, { recursive: true, force: true });
    }
  });
});
