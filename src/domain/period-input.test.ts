import { describe, expect, it } from 'vitest';

import { parsePeriodChoice, resolvePeriodChoice } from './period-input.js';

describe('parsePeriodChoice(text)', () => {
  it('reads a range, one month, a calendar year, a financial year and the last N months', () => {
    expect(parsePeriodChoice('2025-01..2025-12')).toEqual({ from: '2025-01', to: '2025-12' });
    expect(parsePeriodChoice('2025-03')).toEqual({ from: '2025-03', to: '2025-03' });
    expect(parsePeriodChoice('2024')).toEqual({ from: '2024-01', to: '2024-12' });
    expect(parsePeriodChoice('2025-26')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(parsePeriodChoice('2011/12')).toEqual({ from: '2011-04', to: '2012-03' });
    expect(parsePeriodChoice('2099-00')).toEqual({ from: '2099-04', to: '2100-03' });
    expect(parsePeriodChoice(' Last-6-Months ')).toEqual({ last: 6 });
  });

  it('reads the last N months typed as words, as the Period box suggests them', () => {
    // The dashboard's Period box shows "latest 12 months" when empty; typing it was refused.
    expect(parsePeriodChoice('latest 12 months')).toEqual({ last: 12 });
    expect(parsePeriodChoice('Last 12 months')).toEqual({ last: 12 });
    expect(parsePeriodChoice('last 1 month')).toEqual({ last: 1 });
    expect(() => parsePeriodChoice('latest months')).toThrow(/is not a period/);
  });

  it('reads 2011-12 as December 2011, not the financial year', () => {
    expect(parsePeriodChoice('2011-12')).toEqual({ from: '2011-12', to: '2011-12' });
  });

  it('refuses what is not a period, saying why and listing the forms', () => {
    expect(() => parsePeriodChoice('2025-13')).toThrow(/"2025-13" is not a month \(months run/);
    // Month 00 is a slip in a month too; 1999-00 is the financial year 1999 to 2000.
    expect(() => parsePeriodChoice('2019-00')).toThrow(/"2019-00" is not a month \(months run/);
    expect(parsePeriodChoice('1999-00')).toEqual({ from: '1999-04', to: '2000-03' });
    expect(() => parsePeriodChoice('2025/27')).toThrow(/second year must follow the first/);
    expect(() => parsePeriodChoice('2025-12..2025-01')).toThrow(/ends before it starts/);
    expect(() => parsePeriodChoice('last-0-months')).toThrow(/at least one month/);
    expect(() => parsePeriodChoice('yesterday')).toThrow(
      /is not a period; give YYYY-MM\.\.YYYY-MM/,
    );
    expect(() => parsePeriodChoice('2025-01..2025-02..2025-03')).toThrow(/is not a period/);
  });
});

describe('resolvePeriodChoice(choice, latestHeld)', () => {
  it('counts the last N months back from the latest month held, across a year end', () => {
    expect(resolvePeriodChoice({ last: 12 }, '2025-03')).toEqual({
      from: '2024-04',
      to: '2025-03',
    });
    expect(resolvePeriodChoice({ last: 1 }, '2025-01')).toEqual({ from: '2025-01', to: '2025-01' });
    expect(resolvePeriodChoice({ from: '2020-01', to: '2020-02' }, null)).toEqual({
      from: '2020-01',
      to: '2020-02',
    });
  });
  it('refuses "the last months" of an empty store', () => {
    expect(() => resolvePeriodChoice({ last: 3 }, null)).toThrow(/holds no month yet/);
  });
});
