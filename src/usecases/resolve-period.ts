/** A typed period made concrete: "the last N months" end with the latest month held of the area's force. */
import type { Period } from '../domain/month.js';
import { resolvePeriodChoice, type PeriodChoice } from '../domain/period-input.js';
import type { Db } from '../store/db.js';
import { ancestorsOf, registeredArea, resolveArea } from '../store/areas.js';
import { heldMonthRange, latestMonthHeld, latestMonthHeldOfForce } from '../store/latest-month.js';
import { periodPresets, type PeriodPresets } from '../domain/period-presets.js';

/** The area a period is asked of, and which police.uk files it counts (street records by default). */
export interface PeriodOf {
  area?: string | null;
  kind?: 'street' | 'stop-and-search';
}

/**
 * "The last N months" end with the latest month held of the area's force (its files of `kind`),
 * not of whichever force the store holds latest: Wirral's last 12 months are Merseyside's, in a
 * store that holds Hertfordshire's 2025 too (QA). Without an area, or for an area of no force (a
 * peer group) or one not found (the command refuses it next, in its own words), the store's.
 */
export async function resolvePeriod(
  db: Db,
  choice: PeriodChoice,
  of: PeriodOf = {},
): Promise<Period> {
  if (!('last' in choice)) return choice;
  const force = of.area ? await forceOf(db, of.area) : null;
  const latest =
    force === null
      ? await latestMonthHeld(db)
      : ((await latestMonthHeldOfForce(db, force, of.kind)) ?? (await latestMonthHeld(db)));
  return resolvePeriodChoice(choice, latest);
}

/** The ONS code of the force area an area lies in (or is), or null. */
async function forceOf(db: Db, area: string): Promise<string | null> {
  const found = await resolveArea(db, area).catch(() => null);
  if (found === null) return null;
  for (const code of await ancestorsOf(db, found.code))
    if ((await registeredArea(db, code))?.type === 'force') return code;
  return null;
}

/** The periods to offer a reader (the dashboard's Period box), from the months the store holds. */
export async function heldPeriodPresets(db: Db): Promise<PeriodPresets> {
  return periodPresets(await heldMonthRange(db));
}
