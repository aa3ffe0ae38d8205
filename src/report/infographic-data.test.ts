/**
 * What the infographic's "Top priorities" panel says it leaves off: the High priorities past the
 * fifth, or a fifth place cut from a tie on every score (Newport, November 2018 to February 2019:
 * bicycle theft, shoplifting and theft from the person all Medium, risk 12, priority 10.8).
 */
import { describe, expect, it } from 'vitest';

import { prioritiesLeftOff } from './infographic-data.js';

const issue = (band: 'High' | 'Medium' | 'Low', risk: number, priority: number) => ({
  band,
  risk,
  priority,
});

describe('prioritiesLeftOff', () => {
  it('says how many High priorities are shown when there are more than five', () => {
    const six = Array.from({ length: 6 }, () => issue('High', 16, 16));
    expect(prioritiesLeftOff([...six, issue('Medium', 9, 9)])).toBe(
      '5 of 6 High priorities shown: the report lists all.',
    );
  });

  it('says a tie was cut at fifth place (Newport)', () => {
    const newport = [
      issue('High', 20, 20),
      issue('High', 15, 13.5),
      issue('High', 15, 13.5),
      issue('Medium', 12, 10.8),
      issue('Medium', 12, 10.8),
      issue('Medium', 12, 10.8),
      issue('Medium', 9, 9),
    ];
    expect(prioritiesLeftOff(newport)).toBe(
      'Places 4 to 6 tie on every score: 1 of them left off here; the report lists all.',
    );
  });

  it('says nothing when all High priorities fit and no tie is cut', () => {
    const issues = [
      issue('High', 20, 20),
      issue('High', 15, 13.5),
      issue('Medium', 12, 10.8),
      issue('Medium', 12, 10.8),
      issue('Medium', 10, 10),
      issue('Medium', 9, 9),
    ];
    expect(prioritiesLeftOff(issues)).toBeNull();
    expect(prioritiesLeftOff(issues.slice(0, 5))).toBeNull();
  });
});
