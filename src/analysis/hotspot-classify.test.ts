import { describe, expect, it } from 'vitest';

import { classifyCell } from './hotspot-classify.js';

const sig = 4; // a z-score far past any threshold: p ≈ 6e-5 before adjustment
const series = (z: number[]) => ({ z, p: z.map((v) => (Math.abs(v) >= sig ? 6e-5 : 0.5)) });

describe('classifyCell (sfhotspot rules, documentation reading for "emerging")', () => {
  it('persistent: significant in at least 80% of periods', () => {
    expect(classifyCell(series([sig, sig, sig, sig, sig, sig, sig, sig, 0, 0]))).toBe(
      'persistent hotspot',
    );
  });

  it('emerging: rarely before, at least 10% of the recent periods', () => {
    // 10 periods: recent = the last 2; older 8 never hot; 1 of 2 recent hot (50% ≥ 10%).
    expect(classifyCell(series([0, 0, 0, 0, 0, 0, 0, 0, 0, sig]))).toBe('emerging hotspot');
  });

  it('former: hot before, not in the recent periods', () => {
    expect(classifyCell(series([sig, sig, sig, 0, 0, 0, 0, 0, 0, 0]))).toBe('former hotspot');
  });

  it('intermittent: hot in at least 10% of periods, both before and recently', () => {
    expect(classifyCell(series([sig, 0, 0, 0, sig, 0, 0, 0, sig, 0]))).toBe('intermittent hotspot');
  });

  it('coldspots by the same rules, and no pattern otherwise', () => {
    expect(classifyCell(series([-sig, -sig, -sig, -sig, -sig, -sig, -sig, -sig, -sig, -sig]))).toBe(
      'persistent coldspot',
    );
    expect(classifyCell(series([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))).toBe('no pattern');
  });

  it('adjusts each cell’s p-values across its periods (Holm): one borderline period is not enough', () => {
    // p = 0.04 in 1 of 10 periods: Holm multiplies the smallest p by 10 → 0.4, not significant.
    expect(
      classifyCell({ z: [2.05, 0, 0, 0, 0, 0, 0, 0, 0, 0], p: [0.04, 1, 1, 1, 1, 1, 1, 1, 1, 1] }),
    ).toBe('no pattern');
  });
});
