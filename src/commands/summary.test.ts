/** The summary's first line names its period as the user gave it: one month is not "2018-11..2018-11". */
import { describe, expect, it } from 'vitest';

import type { AreaSummary } from '../usecases/summarise-area.js';
import { formatSummary } from './summary.js';

const summary = (from: string, to: string, months: string[]) =>
  ({
    area: { code: 'E07000102', name: 'Three Rivers', type: 'district' },
    period: { from, to },
    months: months.map((month) => ({ month, status: 'observed' })),
    categories: [],
    crimeByMonth: Object.fromEntries(months.map((m) => [m, 445])),
    totals: { crime: 445 * months.length },
    population: null,
    notes: [],
    disclosure: null,
  }) as unknown as AreaSummary;

describe('formatSummary', () => {
  it('heads one month as that month, and a longer period as its range', () => {
    expect(formatSummary(summary('2025-06', '2025-06', ['2025-06'])).split('\n')[0]).toBe(
      'Three Rivers (district E07000102), 2025-06: 1 of 1 month observed; population unknown',
    );
    expect(
      formatSummary(summary('2025-05', '2025-06', ['2025-05', '2025-06'])).split('\n')[0],
    ).toBe(
      'Three Rivers (district E07000102), 2025-05..2025-06: 2 of 2 months observed; population unknown',
    );
  });
});
