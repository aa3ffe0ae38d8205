import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadPoliceOutcomes } from './police-outcomes.js';

/**
 * Every outcome name found in police.uk archive files: Hertfordshire (street 2018-2025 and
 * outcomes files), Merseyside and Gwent street files 2018-19 (../shared/data, counted with a
 * script when this list was written), with the group each must fall in.
 */
const SEEN_IN_FILES: Record<string, string> = {
  'Action to be taken by another organisation': 'other',
  'Awaiting court outcome': 'charged',
  'Court case unable to proceed': 'charged',
  'Court result unavailable': 'charged',
  'Defendant found not guilty': 'charged',
  'Defendant sent to Crown Court': 'charged',
  'Formal action is not in the public interest': 'other',
  'Further action is not in the public interest': 'other',
  'Further investigation is not in the public interest': 'other',
  'Investigation complete; no suspect identified': 'no-suspect',
  'Local resolution': 'out-of-court',
  'Offender deprived of property': 'charged',
  'Offender fined': 'charged',
  'Offender given a caution': 'out-of-court',
  'Offender given a drugs possession warning': 'out-of-court',
  'Offender given absolute discharge': 'charged',
  'Offender given community sentence': 'charged',
  'Offender given conditional discharge': 'charged',
  'Offender given penalty notice': 'out-of-court',
  'Offender given suspended prison sentence': 'charged',
  'Offender ordered to pay compensation': 'charged',
  'Offender otherwise dealt with': 'charged',
  'Offender sent to prison': 'charged',
  'Status update unavailable': 'status-unknown',
  'Suspect charged': 'charged',
  'Suspect charged as part of another case': 'charged',
  'Unable to prosecute suspect': 'unable-to-prosecute',
  'Under investigation': 'under-investigation',
};

/** The API's 28 outcome category codes (data.police.uk, "Outcomes for a specific crime"). */
const API_CODES = [
  'under-investigation',
  'unable-to-prosecute',
  'no-further-action',
  'local-resolution',
  'formal-action-not-in-public-interest',
  'awaiting-court-result',
  'court-result-unavailable',
  'unable-to-proceed',
  'deprived-of-property',
  'fined',
  'absolute-discharge',
  'cautioned',
  'drugs-possession-warning',
  'penalty-notice-issued',
  'community-penalty',
  'conditional-discharge',
  'suspended-sentence',
  'imprisoned',
  'other-court-disposal',
  'compensation',
  'sentenced-in-another-case',
  'charged',
  'not-guilty',
  'sent-to-crown-court',
  'action-taken-by-another-organisation',
  'further-investigation-not-in-public-interest',
  'further-action-not-in-public-interest',
  'status-update-unavailable',
];

describe('police.uk outcome categories (config/police-outcomes.yaml)', () => {
  it('lists every API category once, and groups every outcome the files hold as a panel would', async () => {
    const outcomes = await loadPoliceOutcomes();
    expect(outcomes.categories.map((c) => c.code).sort()).toEqual([...API_CODES].sort());
    for (const [name, group] of Object.entries(SEEN_IN_FILES)) {
      expect(outcomes.isKnown(name), name).toBe(true);
      expect(outcomes.groupOf(name), name).toBe(group);
    }
    // The API's spelling of the penalty notice, too; case does not matter.
    expect(outcomes.groupOf('Offender given a penalty notice')).toBe('out-of-court');
    expect(outcomes.groupOf('suspect CHARGED')).toBe('charged');
    expect(outcomes.groupOf('Something new')).toBe('other');
  });

  it('counts every court result as charged, which the old pattern missed', async () => {
    const outcomes = await loadPoliceOutcomes();
    for (const name of [
      'Offender given suspended prison sentence',
      'Offender given community sentence',
      'Offender given conditional discharge',
      'Offender given absolute discharge',
      'Offender ordered to pay compensation',
    ])
      expect(outcomes.groupOf(name), name).toBe('charged');
  });

  it('orders outcomes from the most final: a court result before a charge before closure', async () => {
    const { finalityOrder } = await loadPoliceOutcomes();
    const at = (n: string) => finalityOrder.indexOf(n);
    expect(at('Offender sent to prison')).toBeLessThan(at('Suspect charged'));
    expect(at('Suspect charged')).toBeLessThan(at('Investigation complete; no suspect identified'));
    expect(at('Suspect charged')).toBeLessThan(at('Unable to prosecute suspect'));
    expect(at('Unable to prosecute suspect')).toBeLessThan(at('Under investigation'));
    expect(at('Status update unavailable')).toBeLessThan(at('Under investigation'));
  });

  it('refuses a name listed twice, naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-outcomes-'));
    const file = join(dir, 'outcomes.yaml');
    writeFileSync(
      file,
      'categories:\n  - { code: charged, name: Suspect charged, group: charged }\n  - { code: charged-again, name: suspect charged, group: charged }\n',
    );
    await expect(loadPoliceOutcomes(file)).rejects.toThrow(/outcomes\.yaml:3: .*listed twice/u);
  });
});
