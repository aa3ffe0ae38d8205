import { describe, expect, it } from 'vitest';

import { monthsIn } from '../month.js';
import { latestPublicPeriod, publicPeriodProblem } from './public-period.js';

const months = (from: string, to: string) => monthsIn({ from, to });

describe('the periods public outputs may cover', () => {
  it('allows one whole calendar year whose every month is held, by default', () => {
    const held = months('2024-01', '2025-12');
    expect(publicPeriodProblem({ from: '2025-01', to: '2025-12' }, 'calendar-year', held)).toBe(
      null,
    );
    for (const [from, to] of [
      ['2025-12', '2025-12'],
      ['2025-10', '2025-12'],
      ['2025-02', '2026-01'],
      ['2024-01', '2025-12'],
      ['2025-04', '2026-03'],
    ] as const)
      expect(publicPeriodProblem({ from, to }, 'calendar-year', held), `${from}..${to}`).toMatch(
        /whole calendar years \(January to December\) only, such as 20\d\d-01\.\.20\d\d-12/u,
      );
  });

  it('names the months of a year not held', () => {
    const held = months('2025-01', '2025-12').filter((m) => m !== '2025-03' && m !== '2025-07');
    expect(publicPeriodProblem({ from: '2025-01', to: '2025-12' }, 'calendar-year', held)).toMatch(
      /2 of 2025-01\.\.2025-12's months are not \(2025-03, 2025-07\)/u,
    );
  });

  it('follows financial years (April to March) when chosen, and anything under "any"', () => {
    const held = months('2024-01', '2026-03');
    expect(publicPeriodProblem({ from: '2025-04', to: '2026-03' }, 'financial-year', held)).toBe(
      null,
    );
    expect(publicPeriodProblem({ from: '2025-01', to: '2025-12' }, 'financial-year', held)).toMatch(
      /such as 2024-04\.\.2025-03/u,
    );
    expect(publicPeriodProblem({ from: '2025-12', to: '2025-12' }, 'any', [])).toBe(null);
  });

  it('finds the latest whole year held, skipping a year with a gap', () => {
    const held = [
      ...months('2018-10', '2019-02'),
      ...months('2021-01', '2022-01'),
      ...months('2025-01', '2025-12'),
    ];
    expect(latestPublicPeriod(held, 'calendar-year')).toEqual({ from: '2025-01', to: '2025-12' });
    expect(
      latestPublicPeriod(
        held.filter((m) => m !== '2025-06'),
        'calendar-year',
      ),
    ).toEqual({
      from: '2021-01',
      to: '2021-12',
    });
    expect(latestPublicPeriod(held, 'financial-year')).toBe(null);
    expect(latestPublicPeriod(months('2024-04', '2026-01'), 'financial-year')).toEqual({
      from: '2024-04',
      to: '2025-03',
    });
    // Four months of Gwent: no whole year yet.
    expect(latestPublicPeriod(months('2025-09', '2025-12'), 'calendar-year')).toBe(null);
    expect(latestPublicPeriod(months('2025-09', '2025-12'), 'any')).toEqual({
      from: '2025-01',
      to: '2025-12',
    });
    expect(latestPublicPeriod([], 'calendar-year')).toBe(null);
  });
});
