import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatChangePct, formatRate, roundChangePct, roundRate } from './rounding.js';

describe('formatChangePct(pct): whole percent from 10%, one decimal below', () => {
  it('gives the forms the report, the infographic and the CSVs share', () => {
    expect(formatChangePct(8.93)).toBe('+8.9%');
    expect(formatChangePct(14.2)).toBe('+14%');
    expect(formatChangePct(-15.3)).toBe('−15%');
    expect(formatChangePct(193.33)).toBe('+193%');
    expect(formatChangePct(5)).toBe('+5%');
    expect(formatChangePct(-0.04)).toBe('0%');
    expect(formatChangePct(9.96)).toBe('+10%');
    expect(formatChangePct(-9.94)).toBe('−9.9%');
    expect(formatChangePct(1234.4)).toBe('+1,234%');
  });

  it('agrees with roundChangePct, the number a CSV holds', () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (pct) => {
        const r = roundChangePct(pct)!;
        const text = formatChangePct(pct).replace('−', '-').replace(/[+%,]/gu, '');
        expect(Number(text)).toBe(r);
      }),
    );
  });
});

describe('formatRate(rate): one decimal, or two significant figures under 1', () => {
  it('keeps rates under 1 comparable with each other', () => {
    expect(formatRate(23.29)).toBe('23.3');
    expect(formatRate(6.22)).toBe('6.2');
    expect(formatRate(0.47)).toBe('0.47');
    expect(formatRate(0.3)).toBe('0.30');
    expect(formatRate(0.0474)).toBe('0.047');
    expect(formatRate(0.996)).toBe('1.0');
    expect(formatRate(0)).toBe('0.0');
    expect(formatRate(1204.46)).toBe('1,204.5');
    expect(roundRate(0.2561)).toBe(0.26);
    expect(roundRate(29.54)).toBe(29.5);
    expect(roundRate(null)).toBeNull();
  });
});
