import { describe, expect, it } from 'vitest';

import { pValueText, readComparison } from './reading.js';

describe('pValueText(p)', () => {
  it('never rounds a p-value below 0.05 up to "p = 0.05"', () => {
    // Watford's criminal damage, 2025 against 2021: 0.046 was printed "significant (p = 0.05)".
    expect(pValueText(0.046)).toBe('p = 0.046');
    expect(pValueText(0.0496)).toBe('p = 0.0496');
    expect(pValueText(0.04996, 0.05, 3)).toBe('p = 0.04996');
    expect(pValueText(0.05)).toBe('p = 0.05');
    expect(pValueText(0.018)).toBe('p = 0.02');
    expect(pValueText(0.0042)).toBe('p = 0.004');
    expect(pValueText(0.0004)).toBe('p < 0.001');
  });
});

describe('readComparison(label, counts, against, alpha, adjusted)', () => {
  const robbery = { current: 134, previous: 97, changePct: 38.1, pValue: 0.018 };

  it('calls a change significant on its own p-value when nothing is adjusted', () => {
    expect(readComparison('Robbery', robbery, '2021 vs 2025')).toBe(
      'Robbery rose 38% (from 97 to 134, 2021 vs 2025); the rise is statistically significant (p = 0.02).',
    );
  });

  it('judges by the adjusted p-value when given, and gives its own beside it', () => {
    const words = 'adjusted for testing 14 categories together';
    expect(readComparison('Robbery', robbery, '2021 vs 2025', 0.05, { pValue: 0.11, words })).toBe(
      `Robbery rose 38% (from 97 to 134, 2021 vs 2025); a change this size could be chance (p = 0.11, ${words}; p = 0.02 on its own).`,
    );
  });

  it('prints counts of a thousand or more with their thousands separated', () => {
    const all = { current: 4949, previous: 4543, changePct: 8.9, pValue: 0.0001 };
    expect(readComparison('All crime', all, '2021 vs 2025')).toContain('(from 4,543 to 4,949,');
    expect(readComparison('All crime', { ...all, current: 4543 }, '2021 vs 2025')).toContain(
      '(4,543 in both periods,',
    );
  });

  it('does not print "p = 0.05" beside "significant"', () => {
    const damage = { current: 765, previous: 688, changePct: 11.2, pValue: 0.0496 };
    expect(readComparison('Criminal damage', damage, '2021 vs 2025')).toContain(
      'statistically significant (p = 0.0496).',
    );
  });
});
