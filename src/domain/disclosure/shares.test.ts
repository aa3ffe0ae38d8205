import { describe, expect, it } from 'vitest';

import { safeShareDigits, sharesNarrowHeldBack } from './shares.js';

// Monmouthshire, December 2018 (Gwent, police.uk): 390 crimes, of which robbery 4 and possession
// of weapons 3 were "fewer than 5" and the other categories 383; the outcome groups' shares.
const MONMOUTHSHIRE = { shown: 383, heldBack: 2 };
const SHARES = [40 / 390, 80 / 390, 103 / 390, 150 / 390];

describe('sharesNarrowHeldBack', () => {
  it('finds that shares to one decimal pin the total, and so the parts held back', () => {
    // 10.3%, 20.5%, 26.4% and 38.5% hold together only for 390 of 385 to 391: the two sum to 7.
    expect(sharesNarrowHeldBack(SHARES, 1, MONMOUTHSHIRE, 5)).toBe(true);
  });

  it('finds nothing in whole percentages, which hold for every total of the range', () => {
    expect(sharesNarrowHeldBack(SHARES, 0, MONMOUTHSHIRE, 5)).toBe(false);
    expect(safeShareDigits(SHARES, MONMOUTHSHIRE, 5)).toBe(0);
  });

  it('keeps one decimal where nothing is held back, or where the shares leave every value', () => {
    expect(sharesNarrowHeldBack(SHARES, 1, { shown: 390, heldBack: 0 }, 5)).toBe(false);
    // One share alone of a large total allows each of its totals.
    expect(safeShareDigits([0.5], { shown: 383, heldBack: 2 }, 5)).toBe(1);
  });

  it('gives null where not even whole percentages leave the parts free', () => {
    // A total of 2 to 8 (two parts held back, none shown): 50% holds for 2, 4, 6 and 8 only,
    // 25% for 4 and 8 only, 12.5% (13%) for 8 only: both parts 4.
    expect(safeShareDigits([0.5, 0.25, 0.125], { shown: 0, heldBack: 2 }, 5)).toBeNull();
  });
});
