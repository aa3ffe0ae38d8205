/**
 * SVG to PNG with resvg (@resvg/resvg-js: Rust's resvg, prebuilt for each platform, no browser
 * needed), using the system's fonts; the infographic names DejaVu Sans first, which Debian ships
 * (fonts-dejavu-core).
 */
import { renderAsync } from '@resvg/resvg-js';

/** Drawn on a worker thread of resvg's, so that several can be drawn at once. */
export async function svgToPng(svg: string, width?: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    ...(width ? { fitTo: { mode: 'width' as const, value: width } } : {}),
    background: '#ffffff',
  });
  return image.asPng();
}
