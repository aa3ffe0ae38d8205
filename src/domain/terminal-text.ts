/**
 * Text from files (their names, their cells) shown on a terminal with its control characters made
 * visible, so that a file cannot drive the terminal: an escape sequence in a cell (ESC [2J clears
 * the screen), a carriage return or a newline in a file's name (which could draw a fake "✓ …
 * imported" line), or a bidirectional override that shows text in another order than it is.
 *
 * C0 controls become their Unicode control pictures (ESC ␛, newline ␊, carriage return ␍, tab
 * ␉), DEL becomes ␡, and C1 controls, Unicode's line and paragraph separators and bidirectional
 * controls are shown by code point (<U+2028>, <U+202E>). The CLI cleans everything it prints this way except the line ends and tabs of its
 * own layout (`terminalText`); a name or value that must stay on one line is cleaned whole first
 * (`oneLine`). JSON output is left alone: JSON escapes controls itself.
 */

// Built from code points, so that this file holds no control character itself.
const range = (from: number, to: number) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`;
const CONTROLS = new RegExp(
  `[${range(0x00, 0x1f)}${range(0x7f, 0x9f)}${range(0x2028, 0x202e)}${range(0x2066, 0x2069)}]`,
  'gu',
);

function visible(ch: string): string {
  const code = ch.codePointAt(0) as number;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** Every control character made visible, line ends and tabs too: for one name or value. */
export function oneLine(text: string): string {
  return text.replace(CONTROLS, visible);
}

/** Control characters made visible, except the line ends and tabs that lay out the output. */
export function terminalText(text: string): string {
  return text.replace(CONTROLS, (ch) => (ch === '\n' || ch === '\t' ? ch : visible(ch)));
}
