/**
 * Bytes to text for CSV input: UTF-8 with or without a byte-order mark. Binary files, files with
 * a NUL byte anywhere and files that are not valid UTF-8 are refused with a message, never
 * parsed into garbage.
 */
import { constants, isAscii } from 'node:buffer';

import { InputError } from '../errors.js';

const SNIFF_BYTES = 8192;

/** Whether the bytes look binary (a NUL byte in the first 8 KiB): refused as not a CSV file. */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

/**
 * `maxLength`: the most characters a string may hold (V8's limit, about 512 MiB); tests pass less.
 * A larger file is refused with a message rather than failing inside the decoder.
 */
export function decodeCsvText(
  bytes: Uint8Array,
  path: string,
  maxLength: number = constants.MAX_STRING_LENGTH,
): string {
  if (bytes.length === 0) throw new InputError(`${path}: the file is empty`);
  if (looksBinary(bytes)) {
    throw new InputError(`${path}: not a CSV file (it contains binary data)`);
  }
  // Past the first 8 KiB, a NUL byte is a damaged file (or data hidden in one): never stored.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = lineAt(bytes, nul);
    const field = fieldAt(bytes, nul);
    throw new InputError(
      `${path}:${line}: line ${line} holds a NUL byte (character 0)` +
        (field === null ? '' : ` in its ${field}`) +
        ', which no text file has: the file is damaged or not a CSV file; nothing imported from it',
    );
  }
  // Decoded UTF-8 never takes more characters than bytes, so a file within the limit always
  // fits in a string; a larger one is refused (even one whose multi-byte text would fit).
  if (bytes.length > maxLength) {
    const mib = (n: number) => `${Math.floor(n / 2 ** 20)} MiB`;
    throw new InputError(
      `${path}: too large to read as text (${mib(bytes.length)}; the limit is ${mib(maxLength)}); ` +
        'split it into smaller files',
    );
  }
  let text: string;
  if (isAscii(bytes)) {
    // ASCII is UTF-8 without a byte-order mark, and latin1 decodes it three times as fast.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw new InputError(`${path}: not a CSV file (it is not UTF-8 text)`);
    }
  }
  if (text.trim() === '') throw new InputError(`${path}: the file is empty`);
  return text;
}

/** The line (from 1) on which the byte at `offset` lies: one more than the line feeds before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(LF); i !== -1 && i < offset; i = bytes.indexOf(LF, i + 1)) line++;
  return line;
}

/**
 * The header's name of the column in which the byte at `offset` lies, when it can be told
 * without parsing: no quote in the header or in its line before it. Else null.
 */
function fieldAt(bytes: Uint8Array, offset: number): string | null {
  const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(LF, offset - 1) + 1;
  const before = bytes.subarray(lineStart, offset);
  const headerEnd = bytes.indexOf(LF);
  const header = Buffer.from(bytes.buffer, bytes.byteOffset, headerEnd === -1 ? offset : headerEnd)
    .toString('utf8')
    .replace(/^\uFEFF/u, '')
    .replace(/\r+$/u, '');
  if (lineStart === 0 || before.includes(QUOTE) || header.includes('"')) return null;
  const column = before.reduce((n, b) => (b === COMMA ? n + 1 : n), 0);
  const name = header.split(',')[column]?.trim();
  return name ? `"${name}" field` : null;
}

const LF = 10;
const QUOTE = 34;
const COMMA = 44;

/**
 * Bytes as Windows-1252, what "latin-1" files from Windows systems almost always are (it agrees
 * with ISO-8859-1 except that 0x80–0x9F hold characters such as € and – instead of controls).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/gu, (c) => CP1252_80_9F.charAt(c.charCodeAt(0) - 0x80));
}

/**
 * What Windows-1252 bytes 0x80–0x9F stand for (the five unassigned bytes stand for themselves).
 * Written out because Node 20's TextDecoder('windows-1252') decodes them as latin-1 controls.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
