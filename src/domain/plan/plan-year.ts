/**
 * A plan year as partnerships write it: "2025-26", April to March (the financial year community
 * safety plans follow). `parsePlanYear` takes "2025-26", "2025/26" or "2025-2026".
 */
import { InputError } from '../../errors.js';

export interface PlanYear {
  /** "2025-26". */
  label: string;
  /** The first day, YYYY-MM-DD (1 April). */
  start: string;
  /** The last day, YYYY-MM-DD (31 March). */
  end: string;
}

export function parsePlanYear(text: string, field = 'year'): PlanYear {
  const m = /^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$/u.exec(text.trim());
  const first = m ? Number(m[1]) : NaN;
  const second = m ? Number(m[2]) : NaN;
  const follows = m?.[2]!.length === 2 ? second === (first + 1) % 100 : second === first + 1;
  if (!m || !follows) {
    throw new InputError(
      `"${text}" is not a plan year: write it as 2025-26 (April 2025 to March 2026)`,
      { field },
    );
  }
  return planYearStarting(first);
}

export function planYearStarting(first: number): PlanYear {
  return {
    label: `${first}-${String((first + 1) % 100).padStart(2, '0')}`,
    start: `${first}-04-01`,
    end: `${first + 1}-03-31`,
  };
}

export function nextPlanYear(year: PlanYear): PlanYear {
  return planYearStarting(Number(year.start.slice(0, 4)) + 1);
}

/** The plan year a day (YYYY-MM-DD) falls in. */
export function planYearOf(day: string): PlanYear {
  const y = Number(day.slice(0, 4));
  return planYearStarting(day.slice(5) >= '04-01' ? y : y - 1);
}
