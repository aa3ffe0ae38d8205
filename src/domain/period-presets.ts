/**
 * The periods the dashboard offers beside its Period box, from the months the store holds: the
 * latest 12 months, the latest two calendar years and financial years (April to March) that hold
 * any month, and the whole span held. Offering 2025 on a store of Gwent's 2018-11..2019-03 gave a
 * reader a list of which every entry was refused.
 */
import { isMonth, type Month } from './month.js';

export interface PeriodPresets {
  /** Values for the box's list, most useful first. */
  values: string[];
  /** An example of each form, from what is held ("2019, 2018-19 (April to March), 2018-11..2019-03"). */
  help: string;
}

/** With nothing held, the forms themselves. */
const NOTHING_HELD: PeriodPresets = {
  values: ['last-12-months'],
  help: 'YYYY, YYYY-YY (April to March), YYYY-MM..YYYY-MM',
};

export function periodPresets(held: { first: Month; last: Month } | null): PeriodPresets {
  if (held === null) return NOTHING_HELD;
  const year = (m: Month) => Number(m.slice(0, 4));
  const month = (m: Month) => Number(m.slice(5, 7));
  /** The year a financial year (April to March) of this month starts in. */
  const fyStart = (m: Month) => (month(m) >= 4 ? year(m) : year(m) - 1);
  // 2011-12 is read as December 2011 (domain/period-input.ts): that financial year is 2011/12.
  const fy = (start: number) => {
    const dashed = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
    return isMonth(dashed) ? dashed.replace('-', '/') : dashed;
  };
  const years = [year(held.last), year(held.last) - 1].filter((y) => y >= year(held.first));
  const fys = [fyStart(held.last), fyStart(held.last) - 1].filter((y) => y >= fyStart(held.first));
  const span = held.first === held.last ? held.first : `${held.first}..${held.last}`;
  return {
    values: [...new Set(['last-12-months', ...years.map(String), ...fys.map(fy), span])],
    help: `${years[0]}, ${fy(fys[0]!)} (April to March), ${span}`,
  };
}
