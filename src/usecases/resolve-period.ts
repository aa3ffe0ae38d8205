/** A typed period made concrete: "the last N months" end with the latest month the store holds. */
import type { Period } from '../domain/month.js';
import { resolvePeriodChoice, type PeriodChoice } from '../domain/period-input.js';
import type { Db } from '../store/db.js';
import { latestMonthHeld } from '../store/latest-month.js';

export async function resolvePeriod(db: Db, choice: PeriodChoice): Promise<Period> {
  if (!('last' in choice)) return choice;
  return resolvePeriodChoice(choice, await latestMonthHeld(db));
}
