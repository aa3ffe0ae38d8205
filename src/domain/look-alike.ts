/**
 * Names that look the same. A user's name is how the admin page, `lantern users list` and every
 * row of the audit log tell people apart, so two users must not have names a reader cannot tell
 * apart: "Аlex" with a Cyrillic А beside "Alex", "Ｐriya" in fullwidth letters beside "Priya".
 *
 * A name is first written in Unicode's compatibility form (NFKC): fullwidth letters become plain
 * ones and an accent typed as a separate mark ("e" + "́", as macOS and some copy-paste give) joins
 * its letter ("é"), so the one name has one spelling. Its skeleton is that form with the Cyrillic
 * and Greek letters drawn like Latin ones replaced by the Latin letter, in lower case: two names
 * with the same skeleton look alike. (A short list of the confusables in Unicode's TR #39 that
 * matter for names, not all of them.)
 */

/** The name as stored and compared: NFKC, its spaces trimmed. */
export function normalName(name: string): string {
  return name.normalize('NFKC').trim();
}

/** Cyrillic and Greek letters drawn as a Latin letter is (capital and small), by that letter. */
const LOOK_ALIKES: Record<string, string> = {
  a: 'аАαΑ',
  b: 'ВβΒЬ',
  c: 'сСϲϹ',
  d: 'ԁ',
  e: 'еЕεΕ',
  h: 'һНΗ',
  i: 'іІιΙӀ',
  j: 'јЈ',
  k: 'кКκΚ',
  m: 'мМΜ',
  n: 'Ν',
  o: 'оОοΟ',
  p: 'рРρΡ',
  q: 'ԛ',
  s: 'ѕЅ',
  t: 'тТτΤ',
  u: 'υ',
  v: 'ѵν',
  w: 'ԝ',
  x: 'хХχΧ',
  y: 'уУγΥ',
  z: 'Ζ',
};
const TO_LATIN = new Map<string, string>(
  Object.entries(LOOK_ALIKES).flatMap(([latin, others]) =>
    [...others].map((o): [string, string] => [o, latin]),
  ),
);

/** What a name looks like: two names with the same skeleton cannot be told apart by eye. */
export function nameSkeleton(name: string): string {
  return [...normalName(name)]
    .map((ch) => TO_LATIN.get(ch) ?? ch)
    .join('')
    .toLowerCase()
    .replace(/\s+/gu, ' ');
}
