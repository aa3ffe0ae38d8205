/** A typed period made concrete: "the last N months" end with the latest month the store holds. */
import type { Period } from '../domain/month.js';
import { resolvePeriodChoice, type PeriodChoice } from '../domain/period-input.js';
import type { Db } from '../store/db.js';
import { heldMonthRange, latestMonthHeld } from '../store/latest-month.js';
import { periodPresets, type PeriodPresets } from '../domain/period-presets.js';

export async function resolvePeriod(db: Db, choice: PeriodChoice): Promise<Period> {
  if (!('last' in choice)) return choice;
  return resolvePeriodChoice(choice, await latestMonthHeld(db));
}

/** The periods to offer a reader (the dashboard's Period box), from the months the store holds. */
export async function heldPeriodPresets(db: Db): Promise<PeriodPresets> {
  return periodPresets(await heldMonthRange(db));
}
