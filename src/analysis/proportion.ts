/**
 * The share of a count in a total, with its exact (Clopper–Pearson) 95% interval: the interval of
 * the binomial probability that `binomialTest` (analysis/binomial.ts) gives. For the share of
 * crimes charged, the find rate and the arrest rate of searches. Assumes each case is an
 * independent trial with one probability (within a group).
 */
import { binomialTest } from './binomial.js';

/** Exact 95% interval of the proportion x / n (n > 0); [0, 1] bounds where x is 0 or n. */
export function proportionInterval(x: number, n: number, confidence = 0.95): [number, number] {
  if (n === 0) throw new RangeError('proportionInterval: n must be above 0');
  return binomialTest(x, n, 0.5, confidence).ci;
}
