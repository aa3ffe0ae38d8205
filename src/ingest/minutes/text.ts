/**
 * Bytes of a minutes text file to text. Word saves "Plain Text" as Windows-1252 unless told
 * otherwise, and as UTF-16 with a byte-order mark when asked for "Unicode": both are read, as is
 * UTF-8 with or without its mark. A file with NUL bytes that is not UTF-16 is binary: refused.
 */
import { isUtf8 } from 'node:buffer';

import { InputError } from '../../errors.js';
import { decodeWindows1252 } from '../decode.js';

export function decodeMinutesText(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new InputError(
      `${path}: not a text file (it holds binary data): save the minutes as plain text, Markdown or a Word .docx`,
    );
  }
  if (isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  return decodeWindows1252(bytes);
}
