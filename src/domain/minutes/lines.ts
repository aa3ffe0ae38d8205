/**
 * Minutes as numbered lines, each cleaned of its mark-up (Markdown emphasis and headings, list
 * bullets and numbers, table pipes) and classified, with its line number in the text as read and
 * its paragraph (its place among the non-blank lines: a Word document's paragraph). Pure.
 */

export interface MinutesLine {
  /** 1-based, in the text as read. */
  line: number;
  /** 1-based among non-blank lines; 0 for a blank line. */
  paragraph: number;
  /** The text less its mark-up, spaces collapsed. */
  text: string;
  blank: boolean;
  /** A Markdown heading ("## Actions"). */
  markdownHeading: boolean;
  /** A list item ("- …", "• …", "1. …", "a) …"). */
  listItem: boolean;
  /** A table row's cells ("| a | b |"), or null. */
  cells: string[] | null;
}

const BULLET =
  /^(?:[-*+•▪◦·‣●○■□➢►]|\(?\d{1,3}[.)]|\(?[a-z][.)]|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)[.)])\s+/u;

export function minutesLines(text: string): MinutesLine[] {
  let paragraph = 0;
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    let t = raw.replace(/[\u00a0\u2007\u202f\t]/g, ' ').trim();
    const blank = t === '';
    if (!blank) paragraph += 1;
    const cells = tableCells(t);
    const markdownHeading = /^#{1,6}\s/.test(t);
    if (markdownHeading) t = t.replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '');
    t = t.replace(/^>\s*/, '');
    t = emphasisRemoved(t);
    const listItem = !markdownHeading && BULLET.test(t) && !/^\d{1,2}[.)]\d/.test(t);
    if (listItem) t = t.replace(BULLET, '');
    return {
      line: i + 1,
      paragraph: blank ? 0 : paragraph,
      text: t.replace(/\s+/g, ' ').trim(),
      blank,
      markdownHeading,
      listItem,
      cells,
    };
  });
}

function tableCells(t: string): string[] | null {
  if (!t.startsWith('|') || !t.endsWith('|') || t.length < 3) return null;
  return t
    .slice(1, -1)
    .split('|')
    .map((c) => emphasisRemoved(c.trim()).trim());
}

/** "**Action** – _JW_ to …" → "Action – JW to …"; Markdown links keep their text and address. */
function emphasisRemoved(t: string): string {
  return t
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])[*_](\S(?:[^*_]*\S)?)[*_](?=$|[\s.,;:)])/gu, '$1$2')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}

/**
 * Whether a line reads as a heading: a Markdown heading, or a short line of its own that does
 * not end a sentence ("Agenda item", "Minutes:", "3. Matters arising").
 */
export function headingLike(l: MinutesLine): boolean {
  if (l.markdownHeading) return true;
  if (l.blank || l.cells || l.listItem) return false;
  const t = l.text;
  return t.length <= 80 && /\p{L}/u.test(t) && !/[.,;!?)]$/.test(t) && t.split(' ').length <= 10;
}

/** The sentences of a line: split after . ! ? before a capital, a digit or a quote. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]\s+(?=[\p{Lu}\d"“‘'])/gu;
  for (const m of text.matchAll(re)) {
    const before = text.slice(start, m.index + 1);
    // "Dr.", "Cllr.", "e.g.", "No. 3", "J. W." do not end a sentence.
    if (
      /(?:\b(?:Dr|Mr|Mrs|Ms|Cllr|St|Insp|Sgt|Supt|PC|DC|DI|No|e\.g|i\.e|approx|etc)|\b\p{Lu})\.$/u.test(
        before,
      )
    ) {
      continue;
    }
    out.push(before.trim());
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}
