/**
 * DEFRA's annual local-authority fly-tipping table (`Local_authority_flytipping_incidents_…csv`,
 * shared reference domain-notes §5.3) as aggregate counts: one row per authority and financial
 * year, with the total and the counts by land type, waste type and size. Recognised by its key
 * columns (`Year`, `ONS Code`, `Total Incidents`), so `lantern import --dataset fly-tipping` takes
 * it as it is downloaded, title line and all.
 *
 * Categories: `total`; each waste type by its slug (the same categories as incident-level
 * fly-tipping, so one measure counts both); land types as `land:<slug>` and sizes as
 * `size:<slug>`. A blank count is unknown and not stored; a year like "2024-25" is the financial
 * year April 2024 to March 2025.
 */
import type { Period } from '../../domain/month.js';
import { wholeCount } from '../../domain/whole-count.js';
import type { RejectedPartnerRow } from './check-rows.js';
import type { TableFile } from './table-file.js';

const LAND: Readonly<Record<string, string>> = {
  'Highway Incidents': 'highway',
  'Footpath / Bridleway Incidents': 'footpath-bridleway',
  'Back Alleyway Incidents': 'back-alleyway',
  'Railway Incidents': 'railway',
  'Council Land Incidents': 'council-land',
  'Agricultural Incidents': 'agricultural',
  'Private / Residential Incidents': 'private-residential',
  'Commercial / Industrial Incidents': 'commercial-industrial',
  'Watercourse / Bank Incidents': 'watercourse-bank',
  'Other (unidentified) Incidents': 'other',
};

const WASTE: Readonly<Record<string, string>> = {
  'Animal Carcass Incidents': 'animal-carcass',
  'Green Incidents': 'green',
  'Vehicle Parts Incidents': 'vehicle-parts',
  'White Goods Incidents': 'white-goods',
  'Other Electrical Incidents': 'other-electrical',
  'Tyres Incidents': 'tyres',
  'Asbestos Incidents': 'asbestos',
  'Clinical Incidents': 'clinical',
  'Constr / Demol / Excav Incidents': 'construction-demolition-excavation',
  'Black Bags - Commercial Incidents': 'black-bags-commercial',
  'Black Bags - Household Incidents': 'black-bags-household',
  'Chemical Drums, Oil, Fuel Incidents': 'chemical-drums-oil-fuel',
  'Other Household Waste Incidents': 'other-household',
  'Other Commercial Waste Incidents': 'other-commercial',
  'Primary Waste Type Measures Other (unidentified) Incidents': 'other',
};

const SIZE: Readonly<Record<string, string>> = {
  'Single Black Bag Incidents': 'single-black-bag',
  'Single Item Incidents': 'single-item',
  'Car Boot or Less Incidents': 'car-boot-or-less',
  'Small Van Load Incidents': 'small-van-load',
  'Transit Van Load Incidents': 'transit-van-load',
  'Tipper Lorry Load Incidents': 'tipper-lorry-load',
  'Significant / Multi Loads Incidents': 'significant-multi-loads',
};

/** Every count column of the table and the category it is stored under. */
export const DEFRA_CATEGORIES: ReadonlyMap<string, string> = new Map([
  ['Total Incidents', 'total'],
  ...Object.entries(LAND).map(([c, s]) => [c, `land:${s}`] as [string, string]),
  ...Object.entries(WASTE),
  ...Object.entries(SIZE).map(([c, s]) => [c, `size:${s}`] as [string, string]),
]);

export function isDefraFlyTippingTable(table: TableFile): boolean {
  const h = new Set(table.headers);
  return h.has('Year') && h.has('ONS Code') && h.has('Total Incidents');
}

export interface DefraRow {
  line: number;
  period: Period;
  year: string;
  area: string;
  counts: ReadonlyMap<string, number>;
}

/** "2024-25" or "2024/25" → April 2024 to March 2025. */
export function financialYear(text: string): Period | null {
  const m = /^(\d{4})\s*[-/]\s*(\d{2}|\d{4})$/u.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]!.length === 2 ? `${m[1]!.slice(0, 2)}${m[2]}` : m[2]);
  if (end !== start + 1) return null;
  return { from: `${start}-04`, to: `${end}-03` };
}

export function readDefraFlyTipping(table: TableFile): {
  rows: DefraRow[];
  rejected: RejectedPartnerRow[];
} {
  const rows: DefraRow[] = [];
  const rejected: RejectedPartnerRow[] = [];
  const columns = table.headers.filter((h) => DEFRA_CATEGORIES.has(h));
  for (const row of table.rows) {
    const v = row.values;
    // The line, the column and the rule broken: never the cell's value.
    const reject = (field: string, reason: string) =>
      rejected.push({ line: row.line, field, reason });
    const period = financialYear(v.Year ?? '');
    if (!period) {
      reject('Year', 'not a financial year (e.g. 2024-25)');
      continue;
    }
    const area = (v['ONS Code'] ?? '').trim();
    if (!/^[EW]\d{8}$/u.test(area)) {
      reject('ONS Code', 'not an ONS code (E or W and 8 digits)');
      continue;
    }
    const counts = new Map<string, number>();
    let bad: string | null = null;
    for (const column of columns) {
      const text = (v[column] ?? '').trim();
      if (text === '' || text === '..' || text === 'x') continue; // unknown, not zero
      const count = wholeCount(text);
      if ('error' in count) {
        bad = column;
        reject(column, count.error);
        break;
      }
      counts.set(DEFRA_CATEGORIES.get(column) as string, count.value);
    }
    if (bad) continue;
    if (!counts.has('total')) {
      reject('Total Incidents', 'required, but empty');
      continue;
    }
    rows.push({ line: row.line, period, year: (v.Year as string).trim(), area, counts });
  }
  return { rows, rejected };
}
