/**
 * SVG to PNG with resvg (@resvg/resvg-js: Rust's resvg, prebuilt for each platform, no browser
 * needed), using the system's fonts; the infographic names DejaVu Sans first, which Debian ships
 * (fonts-dejavu-core).
 */
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, width?: number): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    ...(width ? { fitTo: { mode: 'width' as const, value: width } } : {}),
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
