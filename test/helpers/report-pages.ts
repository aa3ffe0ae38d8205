/**
 * What a reader of a report sees, for the report tests: the document's text without its markup,
 * the text of each page of its PDF (poppler's pdftotext), and the checks a printed document must
 * pass: no near-empty page, no heading or table caption left at the foot of a page without what
 * follows it, and an outline of what each page holds (a snapshot of the layout).
 */
import { execFileSync } from 'node:child_process';

/** Markup that is never read: the stylesheet. Everything else, charts included, is text. */
export function readerText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/gu, ' ')
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&apos;/gu, "'")
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ');
}

/**
 * What a partnership's reader must never be shown: a command line, an option, a file path or
 * name, an internal id of a figure or table, a note written for Lantern's developers, a month
 * span in the CLI's notation, a programming value.
 */
export const INTERNAL_TEXT: readonly RegExp[] = [
  /\blantern [a-z]/u, // a command (the software's name is "Lantern")
  /(^|\s)--[a-z]|⟨[A-Za-z]+⟩/u, // an option, as a flag or as a use case names it
  /\b(fig|tab)-[a-z0-9-]+/u, // a figure's or table's id
  /\.(ya?ml|csv|txt|json|geojson)\b/u, // a file
  /\b(config|data|reports?)\//u, // a path
  /Lantern's notes/u,
  /configuration file named above/u,
  /\d{4}-\d{2}(\.\.| to )\d{4}-\d{2}\b/u, // a period as the CLI writes it, not in words
  /\b(undefined|NaN|null)\b/u,
];

/** The internal text found in `text`, each with a little of what surrounds it. */
export function internalText(text: string): string[] {
  return INTERNAL_TEXT.flatMap((pattern) => {
    const m = new RegExp(pattern.source, `${pattern.flags}g`).exec(text);
    return m ? [`${pattern}: …${text.slice(Math.max(0, m.index - 60), m.index + 40)}…`] : [];
  });
}

/** The text of each page of a PDF (pdftotext, reading order), whitespace collapsed. */
export function pdfPages(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').map((p) => p.replace(/\s+/gu, ' ').trim());
  return pages[pages.length - 1] === '' ? pages.slice(0, -1) : pages;
}

export function pdfPageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/u.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

/** The headings (h2, h3) and the tables of the document, as a reader sees them. */
export function documentParts(html: string) {
  const headings = [...html.matchAll(/<h[23][^>]*>([\s\S]*?)<\/h[23]>/gu)].map((m) =>
    readerText(m[1]!).trim(),
  );
  const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/gu)].flatMap((m) => {
    const t = m[0];
    const label = /<span class="label">(Table \d+)\.<\/span>/u.exec(t)?.[1];
    if (!label) return []; // a figure's data table, on screen only
    const firstRow = /<tbody[^>]*><tr>([\s\S]*?)<\/tr>/u.exec(t)?.[1] ?? '';
    const cells = [...firstRow.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/gu)].map((c) =>
      readerText(c[1]!).trim(),
    );
    // A word of the first row that a page could not hold by chance: its first long one.
    const word = cells.flatMap((c) => c.split(' ')).find((w) => /^[A-Za-z][A-Za-z-]{4,}$/u.test(w));
    return [{ label, word: word ?? null }];
  });
  return { headings, tables };
}

/**
 * The problems of a printed document: a page (other than the last) with less than `minText`
 * characters; a heading with next to nothing after it on its page; a table whose caption (and
 * header) ends a page, its first row on the next.
 */
export function pageProblems(pages: readonly string[], html: string, minText = 600): string[] {
  const problems: string[] = [];
  pages.forEach((p, i) => {
    if (i < pages.length - 1 && p.length < minText)
      problems.push(`page ${i + 1} is near-empty (${p.length} characters): ${p.slice(0, 120)}`);
  });
  const { headings, tables } = documentParts(html);
  for (const h of headings) {
    const page = pages.findIndex((p) => p.includes(h));
    if (page < 0) continue; // a heading pdftotext splits across lines is not checked
    const after = pages[page]!.slice(pages[page]!.indexOf(h) + h.length);
    if (after.length < 150 && page < pages.length - 1)
      problems.push(`page ${page + 1} ends with the heading "${h}"`);
  }
  for (const t of tables) {
    const page = pages.findIndex((p) => p.includes(`${t.label}.`));
    if (page < 0) {
      problems.push(`${t.label} is not in the PDF`);
      continue;
    }
    const after = pages[page]!.slice(pages[page]!.indexOf(`${t.label}.`));
    if (t.word !== null && !after.includes(t.word))
      problems.push(`page ${page + 1} ends with ${t.label}'s header; its first row is on the next`);
  }
  return problems;
}

/** Each page's headings and the figures and tables it holds: "3: Priority 1: … | Figure 2". */
export function pageOutline(pages: readonly string[], html: string): string {
  const { headings } = documentParts(html);
  return pages
    .map((p, i) => {
      const parts = [
        ...headings.filter((h) => p.includes(h)),
        ...[...p.matchAll(/\b(Figure|Table) \d+\./gu)].map((m) => m[0].slice(0, -1)),
      ];
      return `${i + 1}: ${parts.join(' | ')}`;
    })
    .join('\n');
}
