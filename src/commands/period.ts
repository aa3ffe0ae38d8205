/** A typed period made concrete: "the last N months" end with the latest month held of the area's force. */
import type { Period } from '../domain/month.js';
import type { PeriodChoice } from '../domain/period-input.js';
import type { PeriodOf } from '../usecases/resolve-period.js';
import type { Deps } from './definition.js';

export async function periodOf(deps: Deps, choice: PeriodChoice, of?: PeriodOf): Promise<Period>;
export async function periodOf(
  deps: Deps,
  choice: PeriodChoice | undefined,
  of?: PeriodOf,
): Promise<Period | undefined>;
export async function periodOf(
  deps: Deps,
  choice: PeriodChoice | undefined,
  of: PeriodOf = {},
): Promise<Period | undefined> {
  if (choice === undefined) return undefined;
  if (!('last' in choice)) return choice;
  const { resolvePeriod } = await import('../usecases/resolve-period.js');
  return resolvePeriod(deps.db, choice, of);
}
