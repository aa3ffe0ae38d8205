/**
 * Shares of a total that is given only as a range. Where some parts of a total are held back
 * (counts from 1 to threshold − 1), the total is published as the range they allow: the parts
 * shown plus 1 to threshold − 1 for each. A share of that total, rounded as it is printed, holds
 * only for some totals in the range (10.3% of 385 to 391 crimes is a whole count only for 390),
 * so several shares together can pin the total, and the total less the parts shown gives the sum
 * of those held back: Monmouthshire's December 2018 public report gave its robbery and possession
 * of weapons as 3 or 4 each, where they were "fewer than 5" (found by QA). Pure.
 */

/**
 * The number of decimals of a percentage (1, else 0) at which `shares` (fractions of the total,
 * each printed as a percentage with that many decimals) leave every part held back free to take
 * every value from 1 to threshold − 1; null if not even whole percentages do.
 */
export function safeShareDigits(
  shares: readonly number[],
  parts: { shown: number; heldBack: number },
  threshold: number,
): 1 | 0 | null {
  for (const digits of [1, 0] as const)
    if (!sharesNarrowHeldBack(shares, digits, parts, threshold)) return digits;
  return null;
}

/**
 * Whether the shares, printed with `digits` decimals of a percentage, leave some part held back
 * unable to take some value from 1 to threshold − 1. Every total of the range is tried: a share
 * holds for it when some whole count of it prints as that share. A part can be v when some total
 * that every share holds for leaves the other parts (each 1 to threshold − 1) the rest.
 */
export function sharesNarrowHeldBack(
  shares: readonly number[],
  digits: number,
  parts: { shown: number; heldBack: number },
  threshold: number,
): boolean {
  const { shown, heldBack: k } = parts;
  if (k === 0 || shares.length === 0) return false;
  const max = threshold - 1;
  const printed = shares.map((s) => Number((s * 100).toFixed(digits)));
  const sums: number[] = [];
  for (let sum = k; sum <= max * k; sum++) {
    const total = shown + sum;
    if (printed.every((p) => holdsFor(p, digits, total))) sums.push(sum);
  }
  for (let v = 1; v <= max; v++)
    if (!sums.some((sum) => sum - v >= k - 1 && sum - v <= max * (k - 1))) return true;
  return false;
}

/** Whether some whole count of `total` prints as the percentage `printed` (with `digits`). */
function holdsFor(printed: number, digits: number, total: number): boolean {
  const mid = Math.round((printed / 100) * total);
  for (let c = Math.max(0, mid - 2); c <= Math.min(total, mid + 2); c++)
    if (Number(((100 * c) / total).toFixed(digits)) === printed) return true;
  return false;
}
