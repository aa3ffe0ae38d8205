/**
 * A stable key for a street record without a Crime ID (anti-social behaviour; a crime is known
 * by its Crime ID). Its identity is its content (a SHA-1 of its fields) plus its position among
 * identical rows of the same file: the n-th identical row gets "#n". The same content
 * republished gets the same keys.
 */
import { hash } from 'node:crypto';

/** The keys of one file's records: the same content gives the same key, numbered from the second. */
export interface RecordKeys {
  /** The key of a record from its content's fields. */
  (content: readonly (string | number | null)[]): string;
  /**
   * The same key from the UTF-8 bytes of the content's fields joined by U+001F (the fast path,
   * which reads lines as bytes: no string per field).
   */
  ofBytes(joined: Uint8Array): string;
}

export function recordKeys(): RecordKeys {
  const seen = new Map<string, number>();
  const numbered = (base: string): string => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
  // One-shot hashing: a Hash object per row cost three times as much.
  const keys = (content: readonly (string | number | null)[]): string =>
    numbered('asb:' + hash('sha1', content.join('\u001f'), 'base64url'));
  keys.ofBytes = (joined: Uint8Array): string =>
    numbered('asb:' + hash('sha1', joined, 'base64url'));
  return keys;
}
