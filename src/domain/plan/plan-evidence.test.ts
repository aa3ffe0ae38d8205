import { describe, expect, it } from 'vitest';

import { planEvidence } from './plan-evidence.js';
import { parsePlanYear } from './plan-year.js';

const y2026 = parsePlanYear('2026-27');

describe("a plan year's evidence", () => {
  it('takes the calendar year before the plan year, and months running into it', () => {
    expect(planEvidence(y2026, { from: '2025-01', to: '2025-12' })).toEqual({
      period: { from: '2025-01', to: '2025-12' },
      monthsBeforeYear: 4,
      note: null,
    });
    expect(planEvidence(y2026, { from: '2025-04', to: '2026-03' }).monthsBeforeYear).toBe(1);
    // A late plan made from the latest twelve months, into its own year.
    expect(planEvidence(y2026, { from: '2025-10', to: '2026-09' }).monthsBeforeYear).toBe(-5);
    // Evidence ending with the year's last month: the year reviewed, not refused.
    expect(planEvidence(y2026, { from: '2026-04', to: '2027-03' }).note).toBeNull();
  });

  it('refuses evidence of months after the plan year ended, naming the field', () => {
    expect(() =>
      planEvidence(parsePlanYear('2019-20'), { from: '2025-01', to: '2025-12' }),
    ).toThrow(
      'the assessment covers January to December 2025, after the 2019-20 plan year ended (March 2020)',
    );
    try {
      planEvidence(y2026, { from: '2026-05', to: '2027-04' });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ field: 'fromAssessment' });
    }
  });

  it('says when the evidence ended more than a year before the plan year begins', () => {
    expect(planEvidence(y2026, { from: '2024-05', to: '2025-04' }).note).toBeNull();
    expect(planEvidence(y2026, { from: '2024-04', to: '2025-03' }).monthsBeforeYear).toBe(13);
    const old = planEvidence(y2026, { from: '2024-01', to: '2024-12' });
    expect(old.monthsBeforeYear).toBe(16);
    expect(old.note).toBe(
      "The assessment's evidence (January to December 2024) ends 16 months before the 2026-27 plan year begins: the priorities may have moved since. A newer assessment would show it (lantern assess).",
    );
  });
});
