/**
 * `lantern outcomes`: for an area and period, each crime's latest outcome (outcomes files joined
 * by Crime ID, else the street file's last outcome), the distribution per category, and the share
 * that led to a charge or summons. Recent crimes are often still under investigation, so a recent
 * period understates the final share.
 */
import { CATEGORY_NAMES, type Category } from '../domain/categories.js';
import { requireSomeMonthHeld } from '../domain/held-months.js';
import { monthFromIndex, monthIndex, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { latestOutcomes } from '../store/outcomes.js';
import { observedStreetMonths } from '../store/street-counts.js';

/** Outcomes counted as "charged or summonsed" (police.uk wording; court results follow a charge). */
export const CHARGE_OR_SUMMONS =
  /charged|summons|court|offender (sent|given a (suspended|community|conditional)|fined|deprived|otherwise)|defendant/iu;

export interface CategoryOutcomes {
  category: string;
  label: string;
  crimes: number;
  chargedOrSummonsed: number;
  chargeShare: number | null;
  outcomes: { outcome: string; count: number; share: number }[];
  fromOutcomesFiles: number;
}

export interface OutcomesReport {
  area: { code: string; name: string; type: string };
  period: Period;
  categories: CategoryOutcomes[];
  notes: string[];
}

export async function outcomesFor(
  db: Db,
  scope: Scope,
  request: { area: string; period: Period },
): Promise<OutcomesReport> {
  const area = await findArea(db, request.area);
  requireSomeMonthHeld(
    request.period,
    await observedStreetMonths(db, scope, { code: area.code, type: area.type }),
    `police.uk street data of ${area.name}`,
  );
  const rows = await latestOutcomes(
    db,
    scope,
    { code: area.code, type: area.type },
    request.period,
  );
  const byCategory = new Map<string, typeof rows>();
  for (const r of rows) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const categories = [...byCategory].map(([category, list]): CategoryOutcomes => {
    const crimes = list.reduce((n, r) => n + r.count, 0);
    const merged = new Map<string, number>();
    for (const r of list) merged.set(r.outcome, (merged.get(r.outcome) ?? 0) + r.count);
    const charged = [...merged]
      .filter(([o]) => CHARGE_OR_SUMMONS.test(o))
      .reduce((n, [, c]) => n + c, 0);
    return {
      category,
      label: CATEGORY_NAMES[category as Category] ?? category,
      crimes,
      chargedOrSummonsed: charged,
      chargeShare: crimes > 0 ? charged / crimes : null,
      outcomes: [...merged]
        .sort((a, b) => b[1] - a[1])
        .map(([outcome, count]) => ({ outcome, count, share: count / crimes })),
      fromOutcomesFiles: list
        .filter((r) => r.source === 'outcomes file')
        .reduce((n, r) => n + r.count, 0),
    };
  });
  const recent = monthFromIndex(monthIndex(request.period.to) - 5);
  return {
    area: { code: area.code, name: area.name, type: area.type },
    period: request.period,
    categories: categories.sort((a, b) => b.crimes - a.crimes),
    notes: [
      'Latest outcome per crime: from the outcomes files (joined by Crime ID) where they hold one, else the last outcome in the street file. ASB has no outcomes.',
      `Crimes of the last months (from ${recent}) are often still under investigation: their charge share will rise.`,
      'Charged or summonsed: outcomes naming a charge, a summons or a court result.',
    ],
  };
}
