import { describe, expect, it } from 'vitest';

import { monthsIn } from '../domain/month.js';
import { chooseComparison } from './comparison-period.js';

// The bundled Hertfordshire series: 2018-10..2019-02, 2021-01..2022-01, 2025-01..2025-12.
const observed = new Set([
  ...monthsIn({ from: '2018-10', to: '2019-02' }),
  ...monthsIn({ from: '2021-01', to: '2022-01' }),
  ...monthsIn({ from: '2025-01', to: '2025-12' }),
]);

describe('chooseComparison(period, observed)', () => {
  it('takes the same months a year before when they are held', () => {
    expect(chooseComparison({ from: '2022-01', to: '2022-01' }, observed)).toEqual({
      currentMonths: ['2022-01'],
      previousMonths: ['2021-01'],
      period: { from: '2021-01', to: '2021-01' },
      yearsBack: 1,
      adjacent: true,
      label: '2021-01',
      unpaired: [],
    });
  });

  it('skips a year with a missing month: Dec 2021–Jan 2022 against Dec 2018–Jan 2019', () => {
    // 2020-12 is not held, so the year before is incomplete; 2019-12 neither; 2018-12 and 2019-01 are.
    expect(chooseComparison({ from: '2021-12', to: '2022-01' }, observed)?.period).toEqual({
      from: '2018-12',
      to: '2019-01',
    });
  });

  it('goes back to the nearest complete year over the 2022-2024 gap: 2025 against 2021', () => {
    const c = chooseComparison({ from: '2025-03', to: '2025-09' }, observed);
    expect(c?.period).toEqual({ from: '2021-03', to: '2021-09' });
    expect(c?.yearsBack).toBe(4);
  });

  it('compares January 2025 with January 2022, the nearest January held', () => {
    expect(chooseComparison({ from: '2025-01', to: '2025-01' }, observed)?.yearsBack).toBe(3);
  });

  it('says there is none when the data do not go back far enough', () => {
    expect(chooseComparison({ from: '2018-10', to: '2018-12' }, observed)).toBeNull();
    // 2025 as a whole: no earlier complete calendar year is held (2021-12 is, 2021-01..12 is!).
    expect(chooseComparison({ from: '2025-01', to: '2025-12' }, observed)?.period).toEqual({
      from: '2021-01',
      to: '2021-12',
    });
  });

  it('compares only the observed months of a period with gaps', () => {
    const c = chooseComparison({ from: '2021-11', to: '2022-03' }, observed);
    expect(c?.currentMonths).toEqual(['2021-11', '2021-12', '2022-01']);
    expect(c?.previousMonths).toEqual(['2018-11', '2018-12', '2019-01']);
    expect(c?.yearsBack).toBe(3);
  });

  it('pairs months: one missing month costs that month, not the year', () => {
    const gap = new Set([...observed].filter((m) => m !== '2021-03'));
    const c = chooseComparison({ from: '2025-01', to: '2025-12' }, gap);
    expect(c?.yearsBack).toBe(4);
    expect(c?.currentMonths).toHaveLength(11);
    expect(c?.previousMonths).not.toContain('2021-03');
    expect(c?.unpaired).toEqual(['2025-03']);
    expect(c?.label).toBe('2021-01..2021-02, 2021-04..2021-12');
  });

  it('keeps the year before when one of its months is missing', () => {
    // A force missing one month of 2022: 2023 is still compared with 2022, on 11 months.
    const held = new Set([
      ...monthsIn({ from: '2021-01', to: '2023-12' }).filter((m) => m !== '2022-06'),
    ]);
    const c = chooseComparison({ from: '2023-01', to: '2023-12' }, held);
    expect(c?.yearsBack).toBe(1);
    expect(c?.previousMonths).toHaveLength(11);
    expect(c?.label).toBe('2022-01..2022-05, 2022-07..2022-12');
  });

  it('never compares a period over twelve months with months of its own', () => {
    // 2019-01..2021-06 a year back would pair 2021-01..2021-02 with 2019's months inside the period.
    expect(chooseComparison({ from: '2019-01', to: '2021-06' }, observed)).toBeNull();
    // 2018-10..2025-12 four years back would pair 2025 with 2021, both inside it.
    expect(chooseComparison({ from: '2018-10', to: '2025-12' }, observed)).toBeNull();
  });

  it('compares a period over twelve months with the same span just before it', () => {
    const held = new Set(monthsIn({ from: '2016-01', to: '2021-12' }));
    const c = chooseComparison({ from: '2020-01', to: '2021-06' }, held);
    expect(c?.period).toEqual({ from: '2018-01', to: '2019-06' });
    expect(c?.yearsBack).toBe(2);
    expect(c?.adjacent).toBe(true);
    expect(c?.currentMonths).toHaveLength(18);
    const earlier = chooseComparison(
      { from: '2020-01', to: '2021-06' },
      new Set([...held].filter((m) => m < '2018-01' || m > '2019-06')),
    );
    // Three years back pairs only 2017's 12 of the 18 months; four years back pairs all of them.
    expect(earlier?.period).toEqual({ from: '2016-01', to: '2017-06' });
    expect(earlier?.adjacent).toBe(false);
  });
});
