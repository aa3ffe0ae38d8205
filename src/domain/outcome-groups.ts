/**
 * What happened after a crime was reported, in groups a scrutiny panel asks about. police.uk
 * publishes about thirty outcome categories (config/police-outcomes.yaml lists them, each with its
 * group, from the most final to the least); `outcomes` and the strategic assessment count crimes
 * by group. A charge is not a conviction: the charged group counts a charge or summons and every
 * court result that follows one, "not guilty" included.
 */

export const OUTCOME_GROUPS = [
  'charged',
  'out-of-court',
  'no-suspect',
  'unable-to-prosecute',
  'under-investigation',
  'status-unknown',
  'other',
] as const;

export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

/** Each group in the reader's words. */
export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  charged: 'Charged or summonsed (court results included)',
  'out-of-court':
    'Out-of-court disposal (caution, penalty notice, drugs warning, local resolution)',
  'no-suspect': 'Investigation complete, no suspect identified',
  'unable-to-prosecute': 'Evidential difficulties or victim does not support action',
  'under-investigation': 'Under investigation',
  'status-unknown': 'Status update unavailable (status unknown)',
  other: 'Other (not in the public interest, another organisation, none)',
};

/** One police.uk outcome category. */
export interface OutcomeCategory {
  /** The API's code ("charged"). */
  code: string;
  /** The name the archive files write ("Suspect charged"). */
  name: string;
  /** Other spellings of the same category. */
  aliases?: string[];
  group: OutcomeGroup;
}

/** The outcome categories in order of finality (most final first), and how to look one up. */
export interface OutcomeCategories {
  categories: readonly OutcomeCategory[];
  /** Every name and alias, most final first: the order that breaks a tie within a month. */
  finalityOrder: readonly string[];
  /** The group of an outcome as the files write it; 'other' for a name not in the list. */
  groupOf(outcome: string): OutcomeGroup;
  /** Is this name one of the listed categories (or their aliases)? */
  isKnown(outcome: string): boolean;
}

/** Outcomes no file gives: the crime has no outcome in the outcomes files nor its street row. */
export const NO_OUTCOME = 'No outcome recorded';

export function outcomeCategories(categories: readonly OutcomeCategory[]): OutcomeCategories {
  const byName = new Map<string, OutcomeGroup>();
  const order: string[] = [];
  for (const c of categories) {
    for (const name of [c.name, ...(c.aliases ?? [])]) {
      byName.set(name.toLowerCase(), c.group);
      order.push(name);
    }
  }
  return {
    categories,
    finalityOrder: order,
    groupOf: (outcome) => byName.get(outcome.toLowerCase()) ?? 'other',
    isKnown: (outcome) => byName.has(outcome.toLowerCase()),
  };
}
