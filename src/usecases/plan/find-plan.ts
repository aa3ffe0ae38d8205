/** Finding the plan a command means: by partnership and year, or the only (latest) one. */
import { parsePlanYear } from '../../domain/plan/plan-year.js';
import type { PlanRecord } from '../../domain/plan/plan-types.js';
import { NotFoundError } from '../../errors.js';
import type { Db } from '../../store/db.js';
import { findPlans } from '../../store/plan-rows.js';

export interface PlanChoice {
  partnership?: string | undefined;
  /** "2025-26"; absent: the latest year held. */
  year?: string | undefined;
}

export async function findPlan(db: Db, choice: PlanChoice): Promise<PlanRecord> {
  const year = choice.year === undefined ? undefined : parsePlanYear(choice.year).label;
  const plans = await findPlans(db, {
    ...(choice.partnership ? { partnership: choice.partnership } : {}),
    ...(year ? { year } : {}),
  });
  const wanted = [choice.partnership, year].filter(Boolean).join(' ');
  if (plans.length === 0)
    throw new NotFoundError(
      `no action plan${wanted ? ` for ${wanted}` : ''} in this store: make one with lantern plan create --partnership NAME --year 2025-26 --from-assessment latest`,
    );
  const partnerships = new Set(plans.map((p) => p.partnership));
  if (partnerships.size > 1)
    throw new NotFoundError(
      `this store holds plans of ${[...partnerships].join(', ')}: say which with ⟨partnership⟩`,
    );
  return plans[0]!;
}
