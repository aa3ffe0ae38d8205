/**
 * The HTML mammoth makes of a Word document, as lines the extraction reads like Markdown: a
 * heading as "## …", a list item as "- …", a table row as "| a | b |", a paragraph as a line
 * with a blank line after it. mammoth's HTML is a small, regular set of tags (p, h1-h6, ul, ol,
 * li, table, tr, td, th, a, strong, em, br, img, sup, sub, s), so a scan of its tags suffices.
 */

const TAG_OR_TEXT = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>|([^<]+)/g;

export function docxHtmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  let prefix = '';
  /** Open lists, each with its count of items (null for a bulleted list). */
  const lists: (number | null)[] = [];
  let row: string[] | null = null;
  let cell: string | null = null;

  const flush = () => {
    const text = line.replace(/\s+/g, ' ').trim();
    if (text !== '') out.push(prefix + text);
    line = '';
    prefix = '';
  };
  const gap = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };

  for (const m of html.matchAll(TAG_OR_TEXT)) {
    const text = m[4];
    if (text !== undefined) {
      const decoded = decodeEntities(text);
      if (cell !== null) cell += decoded;
      else line += decoded;
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] as string).toLowerCase();
    if (cell !== null && !['td', 'th', 'tr', 'table'].includes(tag)) {
      if (tag === 'p' || tag === 'br' || tag === 'li') cell += ' ';
      continue;
    }
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        if (closing) {
          flush();
          if (lists.length === 0) gap();
        } else if (lists.length === 0) {
          flush();
          if (tag !== 'p') prefix = `${'#'.repeat(Number(tag.slice(1)))} `;
        }
        break;
      case 'ul':
      case 'ol':
        flush();
        if (closing) {
          lists.pop();
          if (lists.length === 0) gap();
        } else lists.push(tag === 'ol' ? 0 : null);
        break;
      case 'li':
        flush();
        if (!closing) {
          const depth = lists.length - 1;
          const count = lists[depth];
          if (typeof count === 'number') lists[depth] = count + 1;
          prefix = `${'  '.repeat(Math.max(0, depth))}${typeof count === 'number' ? `${count + 1}.` : '-'} `;
        }
        break;
      case 'br':
        flush();
        break;
      case 'table':
        flush();
        if (closing) gap();
        break;
      case 'tr':
        if (closing && row) {
          out.push(`| ${row.join(' | ')} |`);
          row = null;
        } else if (!closing) row = [];
        break;
      case 'td':
      case 'th':
        if (closing && cell !== null) {
          row?.push(cell.replace(/\s+/g, ' ').replace(/\|/g, '/').trim());
          cell = null;
        } else if (!closing) cell = '';
        break;
      default:
        break; // a, strong, em, sup, sub, s, img: their text stays, the tag goes
    }
  }
  flush();
  return out.join('\n').trim() + '\n';
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
    return NAMED[code.toLowerCase()] ?? whole;
  });
}
