/** `lantern deprivation`: an area's records by the deprivation decile of their LSOA. */
import type { DeprivationReport } from '../usecases/deprivation.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';

export const deprivationCommand = defineCommand({
  name: 'deprivation',
  task: 'Look at an area',
  summary: 'Records by the deprivation decile (IMD 2019, England) of the LSOA they are placed in',
  description:
    'Each street record is counted in the national IMD 2019 decile of the LSOA it is placed in (1: the most deprived tenth of LSOAs in England). LSOAs hold similar numbers of residents, so records per LSOA compare deciles fairly; records without a ranked LSOA are shown apart. IMD 2019 covers England only: an area in Wales is refused, and records in Welsh LSOAs (ranked by the Welsh index, WIMD, which Lantern does not hold) are shown apart as Wales. Where a crime was placed says nothing of where the people involved live.',
  examples: [
    'lantern deprivation --area "Three Rivers" --period 2025',
    'lantern deprivation --area "Three Rivers" --period 2025-01..2025-12 --category burglary',
  ],
  options: {
    area: option.area(),
    period: option.requiredPeriod(),
    category: option.text(
      "a police.uk category: its code or its name as outputs print it (burglary, 'Violence and sexual offences')",
      'CATEGORY',
    ),
  },
  store: 'read',
  async run(deps, input) {
    const { deprivationProfile } = await import('../usecases/deprivation.js');
    return deprivationProfile(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      category: input.category,
    });
  },
  text(report: DeprivationReport) {
    const rows = report.deciles.map((d) => [
      d.decile !== null ? String(d.decile) : d.wales ? 'Wales' : 'unranked',
      formatCount(d.records),
      String(d.lsoas),
      d.perLsoa === null ? '–' : d.perLsoa.toFixed(1),
    ]);
    // A partial period is said under the heading, as trends, compare and hidden-figure say it:
    // the heading alone reads as the whole period.
    const [partial, notes] = report.notes[0]?.startsWith('PARTIAL PERIOD')
      ? [[report.notes[0]], report.notes.slice(1)]
      : [[], report.notes];
    return [
      `${report.area.name}, ${report.category}, ${report.period.from}..${report.period.to}, by ${report.index} decile`,
      ...partial,
      '',
      formatTable(['decile', 'records', 'LSOAs', 'per LSOA'], rows, [
        'left',
        'right',
        'right',
        'right',
      ]),
      '',
      ...notes,
    ].join('\n');
  },
});
