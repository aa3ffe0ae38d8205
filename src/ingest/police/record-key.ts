/**
 * A stable key for a street record without a Crime ID (anti-social behaviour; a crime is known
 * by its Crime ID). Its identity is its content (a SHA-1 of its fields) plus its position among
 * identical rows of the same file: the n-th identical row gets "#n". The same content
 * republished gets the same keys.
 */
import { hash } from 'node:crypto';

export function recordKeys() {
  const seen = new Map<string, number>();
  return (content: readonly (string | number | null)[]): string => {
    // One-shot hashing: a Hash object per row cost three times as much.
    const base = 'asb:' + hash('sha1', content.join('\u001f'), 'base64url');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  };
}
