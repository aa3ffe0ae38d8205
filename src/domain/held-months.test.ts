import { describe, expect, it } from 'vitest';

import { InputError } from '../errors.js';
import { populationAt } from './area-counts.js';
import {
  heldMonthsInWords,
  monthRunsText,
  monthsInWords,
  periodCoverage,
  requireMostMonthsHeld,
  requireSomeMonthHeld,
  yearWithout,
} from './held-months.js';
import { monthsIn } from './month.js';

const held = [
  ...monthsIn({ from: '2018-10', to: '2019-02' }),
  ...monthsIn({ from: '2021-01', to: '2022-01' }),
  ...monthsIn({ from: '2025-01', to: '2025-12' }),
];

describe('months held, said compactly and in words', () => {
  it('gives runs, in any order, a lone month as itself', () => {
    expect(monthRunsText([...held].reverse())).toBe(
      '2018-10..2019-02, 2021-01..2022-01, 2025-01..2025-12',
    );
    expect(monthRunsText(['2021-01', '2021-02', '2021-04'])).toBe('2021-01..2021-02, 2021-04');
    expect(monthRunsText([])).toBe('none');
  });

  it('says for a reader which months are held, as runs, and the gaps between them', () => {
    expect(heldMonthsInWords([...held].reverse())).toBe(
      'Months held: October 2018 to February 2019, January 2021 to January 2022 and January to December 2025 (30 months). Not held between them: March 2019 to December 2020 and February 2022 to December 2024 (57 months).',
    );
    expect(heldMonthsInWords(monthsIn({ from: '2025-01', to: '2025-12' }))).toBe(
      'Months held: January to December 2025 (12 months). None is missing in between.',
    );
    expect(heldMonthsInWords(['2025-03', '2025-05'])).toBe(
      'Months held: March 2025 and May 2025 (2 months). Not held between them: April 2025 (1 month).',
    );
    expect(heldMonthsInWords(['2025-03'])).toBe('Months held: March 2025 (1 month).');
    expect(heldMonthsInWords([])).toBe('No month is held yet.');
  });

  it('says a partial period as "6 of 12 months held: January to June 2025"', () => {
    const c = periodCoverage({ from: '2024-07', to: '2025-06' }, held);
    expect(c).toMatchObject({ months: 12, held: 6, partial: true });
    expect(c.words).toBe('6 of 12 months held: January to June 2025');
    expect(periodCoverage({ from: '2025-01', to: '2025-12' }, held).words).toBeNull();
    expect(monthsInWords(['2021-01', '2021-02', '2021-04', '2021-05'])).toBe(
      'January to February and April to May 2021',
    );
    expect(monthsInWords(['2021-12', '2022-01'])).toBe('December 2021 to January 2022');
    const lessMarch = monthsIn({ from: '2021-01', to: '2021-12' }).filter((m) => m !== '2021-03');
    expect(yearWithout(lessMarch)).toBe('2021 without March');
    expect(yearWithout(monthsIn({ from: '2021-01', to: '2021-06' }))).toBeNull();
  });

  it('refuses a period with no month held, naming the months held', () => {
    expect(() =>
      requireSomeMonthHeld({ from: '2023-01', to: '2023-12' }, held, 'Three Rivers'),
    ).toThrow(
      new InputError(
        '⟨period⟩ 2023-01..2023-12: no month of it is held in the store for Three Rivers (unknown, not zero). Months held: 2018-10..2019-02, 2021-01..2022-01, 2025-01..2025-12.',
      ),
    );
    expect(() => requireSomeMonthHeld({ from: '2024-07', to: '2025-06' }, held, 'x')).not.toThrow();
  });

  it('needs three quarters of the months for an assessment unless partial is allowed', () => {
    const half = { from: '2024-07', to: '2025-06' };
    expect(() => requireMostMonthsHeld(half, held, 'x', false)).toThrow(/⟨allowPartial⟩/u);
    expect(requireMostMonthsHeld(half, held, 'x', true).held).toBe(6);
    // 9 of 12 is three quarters: enough.
    expect(requireMostMonthsHeld({ from: '2024-10', to: '2025-09' }, held, 'x', false).held).toBe(
      9,
    );
    expect(() =>
      requireMostMonthsHeld({ from: '2024-11', to: '2025-10' }, held, 'x', false),
    ).not.toThrow();
    expect(() =>
      requireMostMonthsHeld({ from: '2024-09', to: '2025-08' }, held, 'x', false),
    ).toThrow(/8 of 12 months held/u);
  });
});

describe('populationAt: the population of the period', () => {
  const census = (year: number, count: number, source = `Census ${year}`) => ({
    year,
    count,
    source,
  });
  const pops = [census(2011, 87_317), census(2021, 93_700)];

  it('takes the year held nearest the period, the earlier of two equally near', () => {
    expect(populationAt(pops, 2025)?.year).toBe(2021);
    expect(populationAt(pops, 2019)?.year).toBe(2021);
    expect(populationAt(pops, 2016)?.year).toBe(2011);
    expect(populationAt(pops, 2013)?.year).toBe(2011);
    expect(populationAt([...pops, census(2024, 95_000, 'mid-year estimate')], 2025)?.year).toBe(
      2024,
    );
    expect(populationAt([], 2025)).toBeNull();
  });

  it('prefers a direct figure to a sum of sub-areas of the same year', () => {
    const summed = census(2021, 93_650, 'LSOA estimates (summed)');
    expect(populationAt([summed, census(2021, 93_700)], 2025)?.count).toBe(93_700);
  });
});
