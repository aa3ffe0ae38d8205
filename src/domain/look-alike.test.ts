import { describe, expect, it } from 'vitest';

import { nameSkeleton, normalName } from './look-alike.js';

describe('look-alike names', () => {
  it('gives one spelling to an accent typed as a separate mark, and to fullwidth letters', () => {
    expect(normalName('Rene\u0301e ')).toBe('Renée');
    expect(normalName('\uff30riya')).toBe('Priya');
  });

  it('gives Cyrillic and Greek letters drawn as Latin ones the Latin skeleton', () => {
    expect(nameSkeleton('\u0410lex')).toBe(nameSkeleton('Alex'));
    expect(nameSkeleton('Priy\u0430')).toBe(nameSkeleton('priya'));
    expect(nameSkeleton('\u03a1\u03bfppy')).toBe(nameSkeleton('Poppy'));
  });

  it('keeps names that differ to the eye apart', () => {
    expect(nameSkeleton('Renée')).not.toBe(nameSkeleton('Renee'));
    expect(nameSkeleton('Алексей')).not.toBe(nameSkeleton('Alex'));
  });
});
