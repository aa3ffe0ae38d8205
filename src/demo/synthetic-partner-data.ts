/**
 * Synthetic partner datasets for the demo district, so that every feature has something to show
 * before a partnership loads its own files. SYNTHETIC: generated, never real records. They are
 * written as ordinary partner files and imported through `lantern import --dataset`'s own path,
 * marked synthetic in the store, and every output that uses them says so.
 *
 * How they are made (seeded: the same seed gives the same files, byte for byte):
 * - Yearly volumes are national figures from shared reference domain-notes scaled by the
 *   district's share of the national population (both from the store's Census 2011 figures), then
 *   spread evenly over months with Poisson noise. No seasonality is known from the notes, so none
 *   is invented.
 * - Shares within a dataset follow the national proportions the notes give; where the notes give
 *   none, the split is an assumption stated in ASSUMPTIONS below and in docs/synthetic-data.md.
 * - Incidents happen at the district's police.uk map points (anonymised street points), chosen
 *   uniformly: realistic places, but no spatial pattern is invented.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import {
  FLY_TIPPING_ACTIONS,
  FLY_TIPPING_LAND_TYPES,
  FLY_TIPPING_SIZES,
  FLY_TIPPING_WASTE_TYPES,
  HATE_CRIME_STRANDS,
  PREVENT_CONCERNS,
  PREVENT_SECTORS,
} from '../domain/datasets.js';
import { monthFromIndex, monthIndex, type Month } from '../domain/month.js';

export interface SyntheticInput {
  district: { code: string; name: string; population: number };
  /** England's population (the district's share scales England-only figures, e.g. DEFRA's). */
  englandPopulation: number;
  /** England and Wales's population (for Home Office figures). */
  englandAndWalesPopulation: number;
  /** Places incidents happen at: the district's police.uk map points (anonymised snap points). */
  points: readonly { lon: number; lat: number }[];
  /** Police-recorded ASB in the district by month (council reports are scaled on it). */
  policeAsb: ReadonlyMap<Month, number>;
  from: Month;
  to: Month;
  seed: number;
}

export interface SyntheticFile {
  dataset: string;
  fileName: string;
  csv: string;
  /** The months the file covers: zero where it has no rows. */
  period: { from: Month; to: Month };
}

/** National figures used, each from shared reference domain-notes. */
export const NATIONAL = {
  flyTippingIncidents: {
    value: 1_260_000,
    what: 'fly-tipping incidents, England, 2024/25 (DEFRA)',
  },
  hateCrimes: { value: 155_841, what: 'hate crimes, England and Wales, YE Mar 2022 (Home Office)' },
  preventReferrals: {
    value: 6_817,
    what: 'Prevent referrals, England and Wales, 2022/23 (Home Office)',
  },
  partnerAbusePrevalence: {
    value: 0.03,
    what: 'partner abuse prevalence, adults 16+, YE Mar 2023 (CSEW)',
  },
  partnerAbuseToldPolice: {
    value: 0.189,
    what: 'partner-abuse victims who told the police, YE Mar 2023 (CSEW)',
  },
} as const;

/** What the notes do not give and these files assume. Printed in docs/synthetic-data.md. */
export const ASSUMPTIONS = [
  'Fly-tipping: household waste 62% and highways 37% (DEFRA 2024/25); small van load 31%, car boot or less 27%, tipper lorry load or larger 4% (DEFRA); other waste types, land types and sizes share the rest equally; 20% of incidents get an enforcement action, split equally.',
  'Hate crime: race 70% of offences (Home Office 2021/22); religion, sexual orientation, disability and transgender identity share the other 30% equally; 10% of offences carry a second strand; offence groups public order 50%, violence against the person 35%, criminal damage 10%, other 5%.',
  'Domestic abuse: incidents a year = population × 80% aged 16+ × 3.0% prevalence × 18.9% told police (CSEW); 60% of incidents are crimes; 30% involve a repeat victim; 15% lead to a referral.',
  'Prevent: concerns extreme right-wing 43%, Islamist 30%, mixed/unclear 20%, other 7% (Channel cases 2019/20); sectors education 39%, police 29%, then local authority, health, community, other equally (2022/23); 23% of referrals reach a Channel panel and 11% become Channel cases (2019/20).',
  'Council ASB reports: half as many as police-recorded ASB in the same month; nuisance 60%, environmental 25%, personal 15%.',
  'Community concern: one survey (600 respondents) in the last month, with shares invented to show the format.',
];

type Rng = () => number;

function rngFrom(seed: number): Rng {
  const g = xoroshiro128plus(seed);
  return () => uniformFloat64(g);
}

/** A Poisson draw by inversion (the counts here are small: at most a few hundred). */
function poisson(rng: Rng, mean: number): number {
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  const u = rng();
  while (u > cdf && k < 10 * mean + 50) {
    k += 1;
    p = (p * mean) / k;
    cdf += p;
  }
  return k;
}

function pick<T>(rng: Rng, weights: readonly (readonly [T, number])[]): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let u = rng() * total;
  for (const [value, w] of weights) {
    u -= w;
    if (u < 0) return value;
  }
  return weights[weights.length - 1]![0];
}

/** The named shares, with the rest of `all` sharing what is left equally. */
function shares<T extends string>(
  all: readonly T[],
  named: Partial<Record<T, number>>,
): [T, number][] {
  const left =
    1 - Object.values<number>(named as Record<string, number>).reduce((a, b) => a + b, 0);
  const others = all.filter((v) => !(v in named));
  return all.map((v) => [v, named[v] ?? left / others.length]);
}

function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n]/u.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

function monthsOf(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(monthFromIndex(i));
  return out;
}

function day(rng: Rng, month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(1 + Math.floor(rng() * days)).padStart(2, '0')}`;
}

export function syntheticPartnerFiles(input: SyntheticInput): SyntheticFile[] {
  const rng = rngFrom(input.seed);
  const months = monthsOf(input.from, input.to);
  const shareEngland = input.district.population / input.englandPopulation;
  const shareEW = input.district.population / input.englandAndWalesPopulation;
  const where = () => {
    const p = input.points[Math.floor(rng() * input.points.length)] as { lon: number; lat: number };
    return [input.district.code, p.lon, p.lat] as const;
  };
  const slugName = input.district.name.toLowerCase().replace(/[^a-z0-9]+/gu, '-');
  const name = (dataset: string) => `synthetic-${dataset}-${slugName}.csv`;
  const files: SyntheticFile[] = [];
  const whole = { from: input.from, to: input.to };

  // Fly-tipping (incident-level).
  {
    const perMonth = (NATIONAL.flyTippingIncidents.value * shareEngland) / 12;
    const waste = shares(FLY_TIPPING_WASTE_TYPES, {
      'other-household': 0.47,
      'black-bags-household': 0.15,
    });
    const land = shares(FLY_TIPPING_LAND_TYPES, { highway: 0.37 });
    const size = shares(FLY_TIPPING_SIZES, {
      'small-van-load': 0.31,
      'car-boot-or-less': 0.27,
      'tipper-lorry-load': 0.03,
      'significant-multi-loads': 0.01,
    });
    const actions = FLY_TIPPING_ACTIONS.filter((a) => a !== 'none');
    const rows: (string | number)[][] = [];
    for (const month of months)
      for (let i = poisson(rng, perMonth); i > 0; i--)
        rows.push([
          day(rng, month),
          ...where(),
          pick(rng, land),
          pick(rng, waste),
          pick(rng, size),
          rng() < 0.2 ? (actions[Math.floor(rng() * actions.length)] as string) : 'none',
        ]);
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    files.push({
      dataset: 'fly-tipping',
      fileName: name('fly-tipping'),
      period: whole,
      csv: csv(
        [
          'date',
          'area',
          'longitude',
          'latitude',
          'land_type',
          'waste_type',
          'size',
          'action_taken',
        ],
        rows,
      ),
    });
  }

  // Hate crime (incident-level, one or two strands).
  {
    const perMonth = (NATIONAL.hateCrimes.value * shareEW) / 12;
    const strands = shares(HATE_CRIME_STRANDS, { race: 0.7 });
    const groups: [string, number][] = [
      ['public order', 0.5],
      ['violence against the person', 0.35],
      ['criminal damage', 0.1],
      ['other', 0.05],
    ];
    const rows: (string | number)[][] = [];
    for (const month of months)
      for (let i = poisson(rng, perMonth); i > 0; i--) {
        const first = pick(rng, strands);
        const second =
          rng() < 0.1
            ? pick(
                rng,
                strands.filter(([s]) => s !== first),
              )
            : null;
        rows.push([
          day(rng, month),
          ...where(),
          second ? `${first};${second}` : first,
          pick(rng, groups),
        ]);
      }
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    files.push({
      dataset: 'hate-crime',
      fileName: name('hate-crime'),
      period: whole,
      csv: csv(['date', 'area', 'longitude', 'latitude', 'strands', 'offence_group'], rows),
    });
  }

  // Domestic abuse (aggregate, by month for the district).
  {
    const perMonth =
      (input.district.population *
        0.8 *
        NATIONAL.partnerAbusePrevalence.value *
        NATIONAL.partnerAbuseToldPolice.value) /
      12;
    const rows = months.map((month) => {
      const incidents = poisson(rng, perMonth);
      return [
        month,
        input.district.code,
        incidents,
        poisson(rng, incidents * 0.6),
        poisson(rng, incidents * 0.3),
        poisson(rng, incidents * 0.15),
      ];
    });
    files.push({
      dataset: 'domestic-abuse',
      fileName: name('domestic-abuse'),
      period: whole,
      csv: csv(['month', 'area', 'incidents', 'crimes', 'repeat_victims', 'referrals'], rows),
    });
  }

  // Prevent (aggregate; restricted).
  {
    const perMonth = (NATIONAL.preventReferrals.value * shareEW) / 12;
    const concerns = shares(PREVENT_CONCERNS, {
      'extreme-right-wing': 0.43,
      islamist: 0.3,
      'mixed-unclear-unstable': 0.2,
    });
    const sectors = shares(PREVENT_SECTORS, { education: 0.39, police: 0.29 });
    const rows: (string | number)[][] = [];
    for (const month of months) {
      const counts = new Map<string, number>();
      for (let i = poisson(rng, perMonth); i > 0; i--) {
        const key = `${pick(rng, concerns)}|${pick(rng, sectors)}`;
        const stage = rng() < 0.11 ? 'channel' : rng() < 0.12 / 0.89 ? 'panel' : 'referral';
        for (const s of [
          'referral',
          ...(stage === 'referral' ? [] : ['panel']),
          ...(stage === 'channel' ? ['channel'] : []),
        ])
          counts.set(`${key}|${s}`, (counts.get(`${key}|${s}`) ?? 0) + 1);
      }
      for (const [key, count] of [...counts].sort()) {
        const [concern, sector, stage] = key.split('|') as [string, string, string];
        rows.push([month, input.district.code, concern, sector, stage, count]);
      }
    }
    files.push({
      dataset: 'prevent',
      fileName: name('prevent'),
      period: whole,
      csv: csv(['month', 'area', 'concern', 'sector', 'stage', 'count'], rows),
    });
  }

  // Council ASB reports (incident-level).
  {
    const types: [string, number][] = [
      ['nuisance', 0.6],
      ['environmental', 0.25],
      ['personal', 0.15],
    ];
    const rows: (string | number)[][] = [];
    for (const month of months) {
      const police = input.policeAsb.get(month);
      if (police === undefined) continue;
      for (let i = poisson(rng, police * 0.5); i > 0; i--)
        rows.push([day(rng, month), ...where(), pick(rng, types)]);
    }
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const held = months.filter((m) => input.policeAsb.has(m));
    if (rows.length > 0)
      files.push({
        dataset: 'asb-council',
        fileName: name('asb-council'),
        // Only the months whose police ASB it is scaled on are held: the others stay missing.
        period: { from: held[0] as Month, to: held[held.length - 1] as Month },
        csv: csv(['date', 'area', 'longitude', 'latitude', 'type'], rows),
      });
  }

  // Community concern (one survey).
  {
    const issues: [string, number][] = [
      ['anti-social behaviour', 0.42],
      ['speeding and road safety', 0.38],
      ['burglary', 0.31],
      ['drugs', 0.27],
      ['fly-tipping', 0.25],
      ['violence against women and girls', 0.21],
      ['shoplifting', 0.16],
      ['hate crime', 0.07],
    ];
    const rows = issues
      .map(([issue, share]) => [issue, share + (rng() - 0.5) * 0.04] as const)
      .sort((a, b) => b[1] - a[1])
      .map(([issue, share], i) => [
        input.to,
        input.district.code,
        issue,
        share.toFixed(3),
        i + 1,
        600,
      ]);
    files.push({
      dataset: 'community-concern',
      fileName: name('community-concern'),
      period: { from: input.to, to: input.to },
      csv: csv(['month', 'area', 'issue', 'share_concerned', 'rank', 'respondents'], rows),
    });
  }
  return files;
}
