/**
 * A published table as disclosure control sees it: cells with counts, and the linear relations a
 * reader can solve between them (a total is the sum of its parts: all crime and its categories, a
 * period and its months, a force and its districts). The same cell may sit in several relations
 * and several tables of one output; it has one id throughout.
 */
import { InputError } from '../../errors.js';
import type { PublicPeriodRule } from './public-period.js';

/** What disclosure control needs from configuration (config/disclosure.yaml). */
export interface DisclosurePolicy {
  /** Counts from 1 to threshold − 1 are suppressed ("fewer than 5" for a threshold of 5). */
  threshold: number;
  /** The periods public outputs may cover (public-period.ts); calendar years when not given. */
  publicPeriod?: PublicPeriodRule;
  /** Where the threshold was set ("config/disclosure.yaml:10: threshold"), for what refuses it. */
  thresholdAt?: string;
}

/**
 * The least threshold the public sees: counts from 1 to 4 are never published (the ONS and NHS
 * small-numbers rule config/disclosure.yaml cites). A partnership may set a lower threshold for
 * what only its partners see; public outputs refuse it rather than publish a 2, 3 or 4.
 */
export const PUBLIC_THRESHOLD_FLOOR = 5;

/** Refuses a threshold under the floor for `output`, a public output, naming where it was set. */
export function refuseUnsafePublicThreshold(policy: DisclosurePolicy, output: string): void {
  if (policy.threshold >= PUBLIC_THRESHOLD_FLOOR) return;
  const small =
    policy.threshold === PUBLIC_THRESHOLD_FLOOR - 1
      ? `${policy.threshold}`
      : `${policy.threshold} to ${PUBLIC_THRESHOLD_FLOOR - 1}`;
  throw new InputError(
    `${policy.thresholdAt ?? 'threshold'}: ${policy.threshold} would publish counts of ${small} in ${output}; ` +
      `what the public sees shows counts from 1 to ${PUBLIC_THRESHOLD_FLOOR - 1} as "fewer than ${PUBLIC_THRESHOLD_FLOOR}" at least, ` +
      `so a public output needs a threshold of ${PUBLIC_THRESHOLD_FLOOR} or more (give --disclosure a file that sets one)`,
  );
}

export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = {
  threshold: 5,
  publicPeriod: 'calendar-year',
};

export interface DisclosureCell {
  id: string;
  value: number;
  /** False for a cell that must be published as it is (it is never held back to protect another). */
  suppressible?: boolean;
  /**
   * True for a cell the reader already knows exactly from elsewhere (an area they see in detail
   * beside one they see as totals only): shown as it is even when small, never held back, and
   * used as known to protect the others.
   */
  known?: boolean;
}

export interface LinearRelation {
  id: string;
  /** The total's cell. */
  total: string;
  parts: readonly string[];
  /**
   * How the total is published when a part is suppressed: 'exact' (the default) keeps it and
   * protects the parts by secondary suppression among them; 'range' gives it as the range its
   * shown parts allow (shown + 1 to threshold − 1 for each suppressed one), which tells no more
   * than the parts do.
   */
  totalAs?: 'exact' | 'range';
  /**
   * How its parts are protected when one is small: 'secondary' (the default) holds back the fewest
   * other cells needed; 'withheld' holds back every part ("not shown", any value from 0), which
   * gives nothing of the relation away however many other outputs publish totals around it.
   */
  partsAs?: 'secondary' | 'withheld';
}

export interface DisclosureTable {
  cells: readonly DisclosureCell[];
  relations: readonly LinearRelation[];
}

/**
 * How a cell is published: shown; suppressed because it is small ('primary', "fewer than 5");
 * held back because it would give a small one away ('secondary', "not shown": never a zero or a
 * small count, so a reader knows it is at least the threshold); held back with every part of its
 * relation when no secondary cell would do ('withheld', "not shown": any value from 0); or a total
 * given as a range ('range').
 */
export type CellStatus = 'shown' | 'primary' | 'secondary' | 'withheld' | 'range';

export interface Protection {
  threshold: number;
  status: ReadonlyMap<string, CellStatus>;
  /** The range given for each total whose status is 'range' (high may be Infinity: "at least"). */
  ranges: ReadonlyMap<string, readonly [number, number]>;
}

/** Whether a count is small: from 1 to threshold − 1. Zero is shown: an absence identifies no one. */
export const isSmallCount = (n: number, policy: DisclosurePolicy): boolean =>
  n > 0 && n < policy.threshold;

/**
 * Whether a change may be published beside a period's count: the change is of the months compared
 * (those held in both periods), so with the earlier count it gives the count of those months, and
 * the period's count less that gives the months left out (held, with no counterpart). Neither may
 * be small. Three Rivers' robbery of 2021 (15) against October to December 2018 (18), the only
 * earlier months held: "down 89%" gave October to December 2021 as 2.
 */
export const comparedMonthsSafe = (
  count: number,
  comparedCount: number | null | undefined,
  small: (n: number) => boolean,
): boolean => comparedCount == null || (!small(comparedCount) && !small(count - comparedCount));

/** Whether a cell's value is published as it is. */
export const isShown = (p: Protection, id: string): boolean =>
  (p.status.get(id) ?? 'shown') === 'shown';

/**
 * Whether a quantity derived from cells may be published beside them: a rate with its published
 * population, a change or difference between two counts, a share. Only when every cell it is
 * derived from is shown; otherwise it gives the cell back (rate × population, the other count
 * plus the change).
 */
export const linkedShown = (p: Protection, ...ids: readonly string[]): boolean =>
  ids.every((id) => isShown(p, id));
