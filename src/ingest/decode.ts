/**
 * Bytes to text for CSV input: UTF-8 with or without a byte-order mark. Binary files and files
 * that are not valid UTF-8 are refused with a message, never parsed into garbage.
 */
import { isAscii } from 'node:buffer';

import { InputError } from '../errors.js';

export const SNIFF_BYTES = 8192;

export function decodeCsvText(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new InputError(`${path}: the file is empty`);
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) {
    throw new InputError(`${path}: not a CSV file (it contains binary data)`);
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
