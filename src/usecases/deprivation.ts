/**
 * `lantern deprivation`: an area's street records by the IMD 2019 decile of the LSOA they are
 * placed in, with the number of the area's LSOAs in each decile, so that counts per LSOA can be
 * compared across deciles. LSOAs are of roughly equal population (about 1,500 residents), which
 * is what makes a count per LSOA a fair comparison; the IMD ranks 2011 LSOAs, so records with new
 * 2021 codes are shown unranked. IMD 2019 ranks England's LSOAs only: an area in Wales is refused
 * (its LSOAs are ranked by the Welsh Index of Multiple Deprivation, which Lantern does not hold),
 * and any records in Welsh LSOAs of another area are counted apart, with that reason.
 */
import { ALL_CRIME } from '../domain/categories.js';
import { parseCategoryChoice } from '../domain/category-choice.js';
import { monthRunsText, requireSomeMonthHeld } from '../domain/held-months.js';
import { monthsIn, type Month, type Period } from '../domain/month.js';
import type { Scope } from '../domain/scope.js';
import { findArea } from '../store/areas.js';
import type { Db } from '../store/db.js';
import { countsByDeprivationDecile, type DecileCount } from '../store/deprivation-counts.js';
import { observedStreetMonths } from '../store/street-counts.js';
import { InputError } from '../errors.js';

/** ONS codes of areas in Wales begin with W (W06 districts, W05 wards, W15 forces …). */
const isInWales = (code: string) => code.startsWith('W');

export interface DecileRow {
  decile: number | null;
  /** Unranked because the LSOA is in Wales (IMD 2019 covers England only). */
  wales: boolean;
  records: number;
  lsoas: number;
  perLsoa: number | null;
}

export interface DeprivationReport {
  area: { code: string; name: string; type: string };
  period: Period;
  category: string;
  index: 'IMD 2019 (England)';
  deciles: DecileRow[];
  /** The period's months the store holds street data for: the counts cover these only. */
  monthsHeld: Month[];
  /** The period's months not held: unknown, left out (not counted as zero). */
  monthsMissing: Month[];
  notes: string[];
}

export async function deprivationProfile(
  db: Db,
  scope: Scope,
  request: { area: string; period: Period; category?: string },
): Promise<DeprivationReport> {
  const category = parseCategoryChoice(request.category ?? ALL_CRIME);
  const area = await findArea(db, request.area);
  if (isInWales(area.code))
    throw new InputError(
      `${area.name} is in Wales: the Index of Multiple Deprivation 2019 that Lantern holds covers England only (LSOA codes E01…). Welsh LSOAs (W01…) are ranked by the Welsh Index of Multiple Deprivation (WIMD), which Lantern does not hold, so no deprivation decile can be given for ${area.name}`,
      { field: 'area' },
    );
  const ref = { code: area.code, type: area.type };
  const observed = await observedStreetMonths(db, scope, ref);
  requireSomeMonthHeld(request.period, observed, `police.uk street data of ${area.name}`);
  const held = new Set(observed);
  const monthsHeld = monthsIn(request.period).filter((m) => held.has(m));
  const monthsMissing = monthsIn(request.period).filter((m) => !held.has(m));
  const rows = await countsByDeprivationDecile(
    db,
    scope,
    { code: area.code, type: area.type },
    request.period,
    category,
  );
  return {
    area: { code: area.code, name: area.name, type: area.type },
    period: request.period,
    category,
    index: 'IMD 2019 (England)',
    deciles: rows.map((r) => ({
      decile: r.decile,
      wales: r.wales,
      records: r.records,
      lsoas: r.lsoas,
      perLsoa: r.decile === null || r.lsoas === 0 ? null : r.records / r.lsoas,
    })),
    monthsHeld,
    monthsMissing,
    notes: [
      ...(monthsMissing.length > 0
        ? [
            `PARTIAL PERIOD: ${monthsHeld.length} of ${monthsHeld.length + monthsMissing.length} months held (missing: ${monthRunsText(monthsMissing)}). Counts cover the months held only, not the whole period.`,
          ]
        : []),
      'Decile 1 = the most deprived tenth of LSOAs in England (IMD 2019). Records per LSOA compare deciles fairly because LSOAs hold similar numbers of residents.',
      ...(rows.some((r) => r.wales)
        ? [
            'Records in Welsh LSOAs are shown apart ("Wales"): IMD 2019 ranks England\'s LSOAs only; Welsh LSOAs are ranked by the Welsh Index of Multiple Deprivation (WIMD), which Lantern does not hold.',
          ]
        : []),
      'Records without a ranked LSOA in England (new 2021 codes, no location) are shown unranked.',
      ...replacedLsoasNote(rows),
      ...(category === ALL_CRIME ? ['All crime excludes anti-social behaviour.'] : []),
    ],
  };
}

/**
 * police.uk's files from 2022 on place records in 2021 LSOAs; where an LSOA was split or merged in
 * 2021 its records have a new code the IMD 2019 does not rank, while the 2011 LSOA it replaced
 * still counts in its decile with none of them: records per LSOA there are understated
 * (Hertfordshire 2025, decile 2: 181.0 over its 13 LSOAs, 213.9 over the 11 still in use).
 * Without a 2011 → 2021 lookup Lantern cannot say which deciles, so it says how many records.
 */
function replacedLsoasNote(rows: readonly DecileCount[]): string[] {
  const inNewLsoas = rows
    .filter((r) => r.decile === null && !r.wales)
    .reduce((n, r) => n + r.withLsoa, 0);
  if (inNewLsoas === 0) return [];
  const all = rows.reduce((n, r) => n + r.records, 0);
  const share = all > 0 ? (100 * inNewLsoas) / all : 0;
  return [
    `${inNewLsoas.toLocaleString('en-GB')} records (${share < 1 ? share.toFixed(1) : Math.round(share)}%) are in LSOAs with new 2021 codes, which the IMD 2019 does not rank. The 2011 LSOAs that were split or merged to make them still count in their deciles, without these records: records per LSOA are understated in the deciles those LSOAs are in, so compare deciles with care.`,
  ];
}
