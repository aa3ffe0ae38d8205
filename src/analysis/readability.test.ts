import { describe, expect, it } from 'vitest';

import { readability } from './readability.js';

describe('readability', () => {
  it('scores short plain sentences as easy and long Latinate ones as hard', () => {
    const plain = readability('The cat sat on the mat. It was warm. We went home for tea.');
    expect(plain.sentences).toBe(3);
    expect(plain.words).toBe(14);
    expect(plain.readingEase).toBeGreaterThan(90);
    expect(plain.readingAge).toBeLessThan(8);
    const hard = readability(
      'Notwithstanding considerable methodological heterogeneity, multivariate investigations demonstrate statistically significant associations between socioeconomic deprivation and victimisation.',
    );
    expect(hard.readingEase).toBeLessThan(10);
    expect(hard.readingAge).toBeGreaterThan(18);
  });

  it('matches the Flesch formula on counted words, sentences and syllables', () => {
    const r = readability('Report it. Get help today.');
    // 2 sentences, 5 words; syllables: re-port(2) it(1) get(1) help(1) to-day(2) = 7.
    expect(r.syllables).toBe(7);
    expect(r.readingEase).toBeCloseTo(206.835 - 1.015 * (5 / 2) - 84.6 * (7 / 5), 6);
    expect(r.grade).toBeCloseTo(0.39 * (5 / 2) + 11.8 * (7 / 5) - 15.59, 6);
  });
});
