import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { calendarYearOf, monthsIn, parseMonth, parsePeriod } from './month.js';

describe('parsePeriod(value)', () => {
  it('reads YYYY-MM..YYYY-MM', () => {
    expect(parsePeriod('2025-01..2025-12')).toEqual({ from: '2025-01', to: '2025-12' });
  });
  it('reads a single month as a one-month period', () => {
    expect(parsePeriod('2025-03')).toEqual({ from: '2025-03', to: '2025-03' });
  });
  it.each([
    '2025-13..2025-12',
    '2025-1..2025-12',
    '2025-01..',
    '..2025-01',
    'last year',
    '2025-01..2025-02..2025-03',
  ])('refuses "%s" with an InputError naming the option', (bad) => {
    expect(() => parsePeriod(bad)).toThrow(InputError);
    expect(() => parsePeriod(bad)).toThrow(/⟨period⟩/);
  });
  it('refuses a period that ends before it starts', () => {
    expect(() => parsePeriod('2025-12..2025-01')).toThrow(/ends before it starts/);
  });
});

describe('monthsIn(period)', () => {
  it('lists every month across a year boundary', () => {
    expect(monthsIn({ from: '2024-11', to: '2025-02' })).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
  });
  it('has one month per calendar month over 30 years', () => {
    expect(monthsIn({ from: '2000-01', to: '2029-12' })).toHaveLength(360);
  });
});

describe('parseMonth(value)', () => {
  it('refuses month 00', () => {
    expect(() => parseMonth('2025-00')).toThrow(InputError);
  });
});

describe('calendarYearOf', () => {
  it('names a whole calendar year, and nothing else', () => {
    expect(calendarYearOf({ from: '2025-01', to: '2025-12' })).toBe('2025');
    expect(calendarYearOf({ from: '2025-04', to: '2026-03' })).toBeNull();
    expect(calendarYearOf({ from: '2024-01', to: '2025-12' })).toBeNull();
    expect(calendarYearOf({ from: '2025-01', to: '2025-11' })).toBeNull();
  });
});
