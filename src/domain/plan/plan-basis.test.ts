import { describe, expect, it } from 'vitest';

import { planBasisWords } from './plan-basis.js';

describe('planBasisWords', () => {
  const basis = {
    id: '0d5777fb0164aa',
    areaName: 'Three Rivers',
    periodFrom: '2024-10',
    periodTo: '2025-09',
    held: 9,
    months: 12,
    savedOn: '2026-12-07',
    revisedSince: [],
  };
  it('names the area, the period in words, a partial period and the day saved', () => {
    expect(planBasisWords(basis)).toBe(
      'the assessment of Three Rivers, October 2024 to September 2025 (partial: 9 of 12 months held), saved 2026-12-07 (0d5777fb0164)',
    );
  });
  it('says nothing of coverage when every month was held, or when it is not recorded', () => {
    expect(planBasisWords({ ...basis, periodFrom: '2025-01', periodTo: '2025-12', held: 12 })).toBe(
      'the assessment of Three Rivers, January to December 2025, saved 2026-12-07 (0d5777fb0164)',
    );
    expect(planBasisWords({ ...basis, held: null, months: null })).not.toContain('partial');
  });
  it('says which months were imported again since, in words, by dataset', () => {
    expect(
      planBasisWords({
        ...basis,
        revisedSince: [{ dataset: 'police-street', months: ['2025-06'] }],
      }),
    ).toContain(
      "saved 2026-12-07 (0d5777fb0164); since then police.uk's street records for June 2025 were imported again, so its figures may have moved",
    );
    expect(
      planBasisWords({
        ...basis,
        revisedSince: [
          { dataset: 'police-street', months: ['2025-06', '2025-07'] },
          { dataset: 'fly-tipping', months: ['2025-01'] },
        ],
      }),
    ).toContain(
      "since then police.uk's street records for June to July 2025 and Fly-tipping incidents for January 2025 were imported again",
    );
  });
});
