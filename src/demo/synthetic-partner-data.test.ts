import { parse } from 'papaparse';
import { describe, expect, it } from 'vitest';

import { syntheticPartnerFiles, type SyntheticInput } from './synthetic-partner-data.js';

const input: SyntheticInput = {
  district: { code: 'E07000102', name: 'Three Rivers', population: 87_317 },
  englandPopulation: 53_012_456, // Census 2011, England
  englandAndWalesPopulation: 56_075_912, // Census 2011, England and Wales
  points: [
    { lon: -0.4756, lat: 51.6402 },
    { lon: -0.4512, lat: 51.6655 },
    { lon: -0.3987, lat: 51.7031 },
  ],
  policeAsb: new Map(
    Array.from({ length: 12 }, (_, i) => [`2025-${String(i + 1).padStart(2, '0')}`, 100]),
  ),
  from: '2024-01',
  to: '2025-12',
  seed: 42,
};

const rowsOf = (dataset: string, seed = 42) => {
  const file = syntheticPartnerFiles({ ...input, seed }).find((f) => f.dataset === dataset)!;
  return parse<Record<string, string>>(file.csv, { header: true, skipEmptyLines: true }).data;
};

describe('synthetic partner files', () => {
  it('are the same for the same seed, byte for byte, and differ for another', () => {
    expect(syntheticPartnerFiles(input)).toEqual(syntheticPartnerFiles(input));
    expect(syntheticPartnerFiles({ ...input, seed: 43 })[0]!.csv).not.toBe(
      syntheticPartnerFiles(input)[0]!.csv,
    );
    expect(syntheticPartnerFiles(input).every((f) => f.fileName.startsWith('synthetic-'))).toBe(
      true,
    );
  });

  it('scale national fly-tipping to the district, with DEFRA’s household and highway shares', () => {
    // 1.26m × 87,317 / 53,012,456 = 2,075.3 a year: 4,150.6 over 24 months; Poisson sd √4,151 = 64.
    const rows = rowsOf('fly-tipping');
    expect(Math.abs(rows.length - 4150.6)).toBeLessThan(4 * 64);
    const share = (f: (r: Record<string, string>) => boolean) =>
      rows.filter(f).length / rows.length;
    // Binomial sd of a share near 0.6 over ~4,150 rows: √(0.6·0.4/4150) = 0.0076; allow 4 sd.
    expect(
      Math.abs(
        share(
          (r) => r.waste_type === 'other-household' || r.waste_type === 'black-bags-household',
        ) - 0.62,
      ),
    ).toBeLessThan(0.031);
    expect(Math.abs(share((r) => r.land_type === 'highway') - 0.37)).toBeLessThan(0.031);
  });

  it('give hate crime offences one or two strands, race in about 70%', () => {
    // 155,841 × 87,317 / 56,075,912 = 242.7 a year: 485.3 over 24 months (sd 22).
    const rows = rowsOf('hate-crime');
    expect(Math.abs(rows.length - 485.3)).toBeLessThan(4 * 22);
    const strands = rows.map((r) => r.strands!.split(';'));
    expect(
      strands.every((s) => s.length >= 1 && s.length <= 2 && new Set(s).size === s.length),
    ).toBe(true);
    // Race first-picked in 70%, plus as a second strand in a few: the share with race is 70–75%.
    const race = strands.filter((s) => s.includes('race')).length / rows.length;
    expect(race).toBeGreaterThan(0.62);
    expect(race).toBeLessThan(0.8);
  });

  it('count Prevent people at every stage they reached: panel and Channel never exceed referrals', () => {
    const rows = rowsOf('prevent');
    const total = (stage: string) =>
      rows.filter((r) => r.stage === stage).reduce((n, r) => n + Number(r.count), 0);
    expect(total('panel')).toBeLessThanOrEqual(total('referral'));
    expect(total('channel')).toBeLessThanOrEqual(total('panel'));
  });

  it('cover council ASB only in the months the police ASB it is scaled on is held', () => {
    const file = syntheticPartnerFiles(input).find((f) => f.dataset === 'asb-council')!;
    expect(file.period).toEqual({ from: '2025-01', to: '2025-12' });
    const months = new Set(rowsOf('asb-council').map((r) => r.date!.slice(0, 7)));
    expect([...months].every((m) => m >= '2025-01')).toBe(true);
  });
});
