/**
 * SVG to PNG with resvg (@resvg/resvg-js: Rust's resvg, prebuilt for each platform, no browser
 * needed), using the system's fonts; the infographic names DejaVu Sans first, which Debian ships
 * (fonts-dejavu-core).
 *
 * resvg-js reads a font's whole file again for every glyph it draws, so the PNGs are drawn with
 * copies of DejaVu Sans and DejaVu Sans Bold cut to what the SVGs' characters need
 * (render/font-subset.ts; a quarter of the bytes, the same pixels), written to a temporary folder
 * for the time of the drawing. When that cannot be shown to draw the same (DejaVu Sans not found,
 * a character it lacks, a font the SVG asks for other than DejaVu Sans and its bold), the system's
 * fonts are used as they are.
 */
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';

import { fontForChars } from './font-subset.js';

const DEFAULT_FAMILY = 'DejaVu Sans';
const SYSTEM_FONTS = { loadSystemFonts: true, defaultFontFamily: DEFAULT_FAMILY };

/** Where Linux distributions put DejaVu Sans (Debian and Ubuntu first). */
const DEJAVU_FOLDERS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/TTF',
];
const DEJAVU_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let dejaVu: Promise<Buffer[] | null> | null = null;
/** DejaVu Sans and its bold, read once per process; null when not installed where expected. */
function dejaVuFonts(): Promise<Buffer[] | null> {
  dejaVu ??= (async () => {
    for (const folder of DEJAVU_FOLDERS) {
      const files = DEJAVU_FILES.map((f) => join(folder, f));
      const found = await Promise.all(
        files.map((f) =>
          access(f).then(
            () => true,
            () => false,
          ),
        ),
      );
      // One that cannot be read (permissions) is as good as none: the system fonts then.
      if (found.every(Boolean)) return Promise.all(files.map((f) => readFile(f))).catch(() => null);
    }
    return null;
  })();
  return dejaVu;
}

/**
 * Whether the SVGs ask only for DejaVu Sans, regular or bold: the families they name each begin
 * with it, and no style, stretch or other weight is asked for.
 */
function onlyDejaVu(svgs: readonly string[]): boolean {
  return svgs.every(
    (svg) =>
      !/font-style|font-stretch|font-variant|<style|style="|font="/u.test(svg) &&
      [...svg.matchAll(/font-family="([^"]*)"/gu)].every(
        (m) => m[1] === DEFAULT_FAMILY || m[1]!.startsWith(`${DEFAULT_FAMILY},`),
      ) &&
      [...svg.matchAll(/font-weight="([^"]*)"/gu)].every((m) =>
        ['normal', 'bold', '400', '700'].includes(m[1]!),
      ),
  );
}

/** Every character of the SVGs (markup included: a superset of their text), entities decoded. */
function charsOf(svgs: readonly string[]): Set<number> {
  const chars = new Set<number>();
  for (const svg of svgs) {
    for (const c of svg) {
      const code = c.codePointAt(0)!;
      if (code >= 0x20) chars.add(code);
    }
    for (const m of svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/giu)) {
      const v = m[1]!;
      chars.add(v[0] === 'x' || v[0] === 'X' ? parseInt(v.slice(1), 16) : parseInt(v, 10));
    }
  }
  return chars;
}

/** Draws each SVG to a PNG (at its own size, on white), side by side on resvg's worker threads. */
export async function svgsToPngs(svgs: readonly string[]): Promise<Buffer[]> {
  const fonts = onlyDejaVu(svgs) ? await dejaVuFonts() : null;
  const chars = charsOf(svgs);
  const cut = fonts?.map((f) => fontForChars(f, chars));
  if (!cut || cut.some((f) => f === null)) return draw(svgs, SYSTEM_FONTS);
  // A temporary folder that cannot be written (a full disk, a read-only TMPDIR) costs only time.
  const folder = await mkdtemp(join(tmpdir(), 'lantern-fonts-')).catch(() => null);
  if (!folder) return draw(svgs, SYSTEM_FONTS);
  try {
    const files = DEJAVU_FILES.map((f) => join(folder, f));
    const written = await Promise.all(
      files.map((f, i) =>
        writeFile(f, cut[i]!).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (!written.every(Boolean)) return await draw(svgs, SYSTEM_FONTS);
    return await draw(svgs, {
      loadSystemFonts: false,
      fontFiles: files,
      defaultFontFamily: DEFAULT_FAMILY,
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function draw(svgs: readonly string[], font: ResvgRenderOptions['font']): Promise<Buffer[]> {
  const images = await Promise.all(
    svgs.map((svg) => renderAsync(svg, { font, background: '#ffffff' })),
  );
  return images.map((image) => image.asPng());
}
