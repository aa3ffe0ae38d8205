/**
 * How easy a text is to read: the Flesch reading ease (higher is easier; 60 to 70 is plain
 * English, read by most 13 to 15 year olds) and the Flesch-Kincaid grade, turned into a reading
 * age (grade + 5 years, as UK plain-English guidance counts it). Syllables are counted by the
 * `syllable` package, the formulas are the `flesch` and `flesch-kincaid` packages'. Pure.
 */
import { flesch } from 'flesch';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export interface Readability {
  sentences: number;
  words: number;
  syllables: number;
  /** Flesch reading ease, 0 (very hard) to 100 and over (very easy). */
  readingEase: number;
  /** Flesch-Kincaid grade (US school years). */
  grade: number;
  /** The grade as a reading age in years (grade + 5). */
  readingAge: number;
}

/** Counts sentences (ending in . ! ? or a line break) and words, and scores the text. */
export function readability(text: string): Readability {
  const sentences = text
    .split(/[.!?]+(?:\s|$)|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/iu.test(s));
  const words = text.match(/[a-z][a-z'’-]*/giu) ?? [];
  const syllables = words.reduce((n, w) => n + Math.max(1, syllable(w)), 0);
  const counts = {
    sentence: Math.max(1, sentences.length),
    word: Math.max(1, words.length),
    syllable: syllables,
  };
  const grade = fleschKincaid(counts);
  return {
    sentences: sentences.length,
    words: words.length,
    syllables,
    readingEase: flesch(counts),
    grade,
    readingAge: grade + 5,
  };
}
