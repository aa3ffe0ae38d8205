/**
 * Headless Chromium, when installed, for what only a browser does well: printing the assessment's
 * HTML to PDF with its print CSS. Driven by playwright-core (no browser download: it uses the
 * system's Chromium, `apt-get install chromium` on Debian). `LANTERN_CHROMIUM` names another
 * executable; without one, callers say how to get the PDF and carry on.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import type { Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const CHROMIUM_HINT =
  'install Chromium (Debian/Ubuntu: apt-get install chromium) or set LANTERN_CHROMIUM to a Chrome or Chromium executable, then run the command again';

/** The Chromium executable to use, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.LANTERN_CHROMIUM;
  if (given !== undefined) return given !== '' && existsSync(given) ? given : null;
  return CANDIDATES.find((c) => existsSync(c)) ?? null;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded only when a PDF is made: playwright-core takes a third of a second to load.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Prints an HTML file to an A4 PDF with its print stylesheet and backgrounds, tagged (its
 * headings, lists, tables with their header cells, and each chart as a figure with its text
 * alternative, in the page's language) and with an outline of its headings: untagged, a screen
 * reader finds no structure in it, nor any chart's description (QA: playwright asks Chromium for
 * an untagged PDF unless told).
 */
export async function htmlToPdf(
  browser: Browser,
  htmlFile: string,
  pdfFile: string,
): Promise<void> {
  const page = await browser.newPage();
  try {
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({
      path: pdfFile,
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center;color:#5b6b7a;font-family:DejaVu Sans,Arial,sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
  } finally {
    await page.close();
  }
}

/**
 * One Chromium for a whole command: started as soon as the command knows it will print (so it
 * starts while the command reads and lays out), used for every PDF of the command, and closed by
 * `close()` whatever happened, started or starting.
 */
export class ChromiumSession {
  private readonly browser: Promise<Browser>;

  constructor(executablePath: string) {
    this.browser = launchChromium(executablePath);
    // A launch that fails is reported by the first print; until then it must not go unhandled.
    this.browser.catch(() => undefined);
  }

  /** Prints an HTML file to an A4 PDF (htmlToPdf) in this session's Chromium. */
  async print(htmlFile: string, pdfFile: string): Promise<void> {
    await htmlToPdf(await this.browser, htmlFile, pdfFile);
  }

  /** Closes the browser, once it has started (nothing to close when it failed to start). */
  async close(): Promise<void> {
    const browser = await this.browser.catch(() => null);
    await browser?.close();
  }
}
