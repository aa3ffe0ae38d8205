/**
 * `lantern outcomes`: for an area and period, each crime's latest outcome (outcomes files joined
 * by Crime ID, else the street file's last outcome), grouped as a scrutiny panel asks (charged or
 * summonsed, out-of-court, no suspect, unable to prosecute, under investigation, other; the
 * groups and their order of finality in config/police-outcomes.yaml), per category and in all,
 * with the share charged and its exact 95% interval. Months not held are named. Recent crimes
 * are often still under investigation, so a recent period understates the final share.
 */
import { proportionInterval } from '../analysis/proportion.js';
import { CATEGORY_NAMES, type Category } from '../domain/categories.js';
import { periodCoverage, requireSomeMonthHeld, monthsInWords } from '../domain/held-months.js';
import { monthIndex, type Month, type Period } from '../domain/month.js';
import {
  NO_OUTCOME,
  OUTCOME_GROUP_LABELS,
  OUTCOME_GROUPS,
  type OutcomeCategories,
  type OutcomeGroup,
} from '../domain/outcome-groups.js';
import type { Scope } from '../domain/scope.js';
import type { Db } from '../store/db.js';
import { latestOutcomes, outcomeFileMonths } from '../store/outcomes.js';
import { uncountedStreetRecords } from '../store/street-counts.js';
import { CommandReads } from './command-reads.js';
import { findAreaOnce, forceCoveringOnce } from './place-reads.js';
import { heldStreetMonths } from './street-area-counts.js';

export interface GroupCount {
  group: OutcomeGroup;
  label: string;
  count: number;
  share: number | null;
}

export interface CategoryOutcomes {
  category: string;
  label: string;
  crimes: number;
  chargedOrSummonsed: number;
  chargeShare: number | null;
  /** Exact (Clopper–Pearson) 95% interval of the share charged. */
  chargeShareCi95: [number, number] | null;
  groups: GroupCount[];
  outcomes: { outcome: string; group: OutcomeGroup; count: number; share: number }[];
  fromOutcomesFiles: number;
  /** Crimes whose latest outcome month held two different outcomes (the more final counted). */
  tiedCrimes: number;
}

export interface OutcomesReport {
  area: { code: string; name: string; type: string };
  period: Period;
  /** Months of the period whose street data is held, and those not held (unknown, not zero). */
  heldMonths: Month[];
  missingMonths: Month[];
  /** "2 of 3 months held: December 2021 and February 2022"; null when all are held. */
  coverage: string | null;
  /** Months of the period with no outcomes file held (their crimes use the street file's outcome). */
  outcomesFilesMissing: Month[];
  all: Omit<CategoryOutcomes, 'category' | 'label'>;
  categories: CategoryOutcomes[];
  /** Outcome names found that config/police-outcomes.yaml does not list (counted as other). */
  unlisted: string[];
  notes: string[];
}

type Row = Awaited<ReturnType<typeof latestOutcomes>>[number];

function summarise(list: readonly Row[], outcomes: OutcomeCategories) {
  const crimes = list.reduce((n, r) => n + r.count, 0);
  const merged = new Map<string, number>();
  for (const r of list) merged.set(r.outcome, (merged.get(r.outcome) ?? 0) + r.count);
  const byGroup = new Map<OutcomeGroup, number>();
  for (const [o, c] of merged) {
    const g = o === NO_OUTCOME ? 'other' : outcomes.groupOf(o);
    byGroup.set(g, (byGroup.get(g) ?? 0) + c);
  }
  const charged = byGroup.get('charged') ?? 0;
  const share = (n: number) => (crimes > 0 ? n / crimes : null);
  return {
    crimes,
    chargedOrSummonsed: charged,
    chargeShare: share(charged),
    chargeShareCi95: crimes > 0 ? proportionInterval(charged, crimes) : null,
    groups: OUTCOME_GROUPS.map((group) => ({
      group,
      label: OUTCOME_GROUP_LABELS[group],
      count: byGroup.get(group) ?? 0,
      share: share(byGroup.get(group) ?? 0),
    })),
    outcomes: [...merged]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([outcome, count]) => ({
        outcome,
        group: outcome === NO_OUTCOME ? ('other' as const) : outcomes.groupOf(outcome),
        count,
        share: count / crimes,
      })),
    fromOutcomesFiles: list
      .filter((r) => r.source === 'outcomes file')
      .reduce((n, r) => n + r.count, 0),
    tiedCrimes: list.reduce((n, r) => n + r.tied, 0),
  };
}

export async function outcomesFor(
  db: Db,
  scope: Scope,
  request: { area: string; period: Period },
  outcomes: OutcomeCategories,
  reads: CommandReads = new CommandReads(),
): Promise<OutcomesReport> {
  const area = await findAreaOnce(db, request.area, reads);
  const ref = { code: area.code, type: area.type };
  const observed = await heldStreetMonths(db, scope, ref, reads);
  requireSomeMonthHeld(request.period, observed, `police.uk street data of ${area.name}`);
  const coverage = periodCoverage(request.period, observed);
  const rows = await latestOutcomes(db, scope, ref, request.period, outcomes.finalityOrder);
  const force = await forceCoveringOnce(db, area.code, reads);
  const outcomeMonths = new Set(
    await outcomeFileMonths(db, force ? [force.id] : [], request.period),
  );
  const outcomesFilesMissing = coverage.heldMonths.filter((m) => !outcomeMonths.has(m));
  // A force's figures are those of the districts of its area, as summary's: the crimes its files
  // place elsewhere or nowhere are named, or a panel comparing with police.uk's force total finds
  // thousands missing (QA: Hertfordshire 2021, 2,800 of 74,248).
  const uncounted =
    area.type === 'force'
      ? await uncountedStreetRecords(db, scope, ref, request.period, { crimesOnly: true })
      : null;
  const n = (x: number) => x.toLocaleString('en-GB');
  const byCategory = new Map<string, Row[]>();
  for (const r of rows) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  const categories = [...byCategory].map(([category, list]): CategoryOutcomes => ({
    category,
    label: CATEGORY_NAMES[category as Category] ?? category,
    ...summarise(list, outcomes),
  }));
  const all = summarise(rows, outcomes);
  const unlisted = [
    ...new Set(rows.map((r) => r.outcome).filter((o) => o !== NO_OUTCOME && !outcomes.isKnown(o))),
  ].sort();
  const underInvestigation = all.groups.find((g) => g.group === 'under-investigation')?.count ?? 0;
  const unknown = all.groups.find((g) => g.group === 'status-unknown');
  return {
    area: { code: area.code, name: area.name, type: area.type },
    period: request.period,
    heldMonths: coverage.heldMonths,
    missingMonths: coverage.missingMonths,
    coverage: coverage.words,
    outcomesFilesMissing,
    all,
    categories: categories.sort((a, b) => b.crimes - a.crimes || a.label.localeCompare(b.label)),
    unlisted,
    notes: [
      ...(coverage.words
        ? [
            `${coverage.words}: crimes of the months not held (${monthsInWords(coverage.missingMonths)}) are unknown, not counted as none.`,
          ]
        : []),
      ...(uncounted && uncounted.noLocation + uncounted.outsideArea + uncounted.notPlaced > 0
        ? [
            `Not counted here, though published by the force for these months: ${n(uncounted.noLocation)} crimes with no location, ${n(uncounted.outsideArea)} placed in districts outside ${area.name}, ${n(uncounted.notPlaced)} whose LSOA is not in the register.`,
          ]
        : []),
      'Latest outcome per crime: from the outcomes files (joined by Crime ID) where they hold one, else the last outcome in the street file. ASB has no outcomes.',
      ...(outcomesFilesMissing.length > 0
        ? [
            `No outcomes file is held for ${monthsInWords(outcomesFilesMissing)}: those months' crimes have the street file's last outcome only, unless a later outcomes file names them.`,
          ]
        : []),
      `When a crime's latest month holds two different outcomes, the more final counts (court result, then charge, then out-of-court disposal, then closure, then under investigation: the order of config/police-outcomes.yaml); ${all.tiedCrimes.toLocaleString('en-GB')} crime(s) here had such a tie.`,
      recentMonthsNote(coverage.heldMonths, request.period, underInvestigation),
      ...(unknown && unknown.count > 0 && unknown.share !== null
        ? [
            `For ${unknown.count.toLocaleString('en-GB')} crime(s) (${(100 * unknown.share).toFixed(1)}%), police.uk gives no outcome ("Status update unavailable"): what happened to them is not known. The charge share counts them as not charged, so it may be too low.`,
          ]
        : []),
      'Charged or summonsed counts a charge or summons and every court result that follows one, "not guilty" included: a charge is not a conviction. The interval is the exact 95% interval of the share.',
      'police.uk publishes evidential difficulties and a victim not supporting action as one outcome ("Unable to prosecute suspect"): they cannot be told apart.',
      ...(unlisted.length > 0
        ? [
            `Outcomes not in the list of police.uk categories, counted as other: ${unlisted.join('; ')}.`,
          ]
        : []),
    ],
  };
}

/**
 * What the period's last months mean for its charge share: only months of the period that are
 * held are named, and the share is said to rise only when some crimes are still under
 * investigation (a crime with no outcome yet may still be charged).
 */
export function recentMonthsNote(
  held: readonly Month[],
  period: Period,
  underInvestigation: number,
): string {
  const last = monthIndex(period.to);
  const recent = held.filter((m) => monthIndex(m) > last - RECENT_MONTHS);
  const months = recent.length > 0 ? monthsInWords(recent) : null;
  const n = underInvestigation.toLocaleString('en-GB');
  if (underInvestigation === 0)
    return "No crime here is shown as still under investigation, so the charge share is not waiting on open investigations (a later outcomes file may still change a crime's outcome).";
  return `${n} crime(s) here are still under investigation${months ? ` (crimes of the latest months held, ${months}, often are)` : ''}: as they end, some in a charge or summons, the charge share may rise.`;
}

/** Crimes of about the last six months of a period are the ones often still being investigated. */
const RECENT_MONTHS = 6;
