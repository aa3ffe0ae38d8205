/**
 * A count as a partner's file writes it: digits, with commas only as thousands separators
 * ("1,234"), and a ".0" a spreadsheet may add. "1,5" (a European decimal) and "1,2,3,4" were read
 * as 15 and 1,234 when every comma was dropped; a count over 2,147,483,647 (the store's INTEGER)
 * stopped the import with a database error and exit 1 (a QA sweep).
 */
export const MAX_COUNT = 2_147_483_647;

export function wholeCount(raw: string): { value: number } | { error: string } {
  const text = raw.trim();
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.0+)?$/u.test(text))
    return {
      error: /^\d[\d,]*$/u.test(text)
        ? 'not a whole number ≥ 0 (commas only between thousands, as in 1,234)'
        : 'not a whole number ≥ 0',
    };
  const value = Number(text.replace(/,/gu, '').replace(/\.0+$/u, ''));
  return value <= MAX_COUNT
    ? { value }
    : {
        error: `${text} is more than ${MAX_COUNT.toLocaleString('en-GB')}, the most a count can be`,
      };
}
