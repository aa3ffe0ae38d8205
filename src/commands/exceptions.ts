/** `lantern exceptions`: the months above the range expected from an area's own history. */
import type { ExceptionsReport } from '../usecases/exceptions.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { formatCount, formatTable } from './table.js';

export const exceptionsCommand = defineCommand({
  name: 'exceptions',
  task: 'Compare and explain',
  summary: "Months above the range expected from the area's own history",
  description:
    'Every month held is modelled from the others (quasi-Poisson regression with a trend, and month-of-year effects where the counts show a season), so a month is judged against a 99.8% range from a fit made without it. Months not held are left out, never counted as zero. An exception says a month was unusual for this area, not why: a recording change or one busy event can make one.',
  examples: [
    'lantern exceptions --area "Three Rivers" --category burglary',
    'lantern exceptions --area "Three Rivers" --category "Anti-social behaviour"',
    'lantern exceptions --area "Three Rivers" --dataset fly-tipping',
  ],
  options: {
    area: option.area(),
    category: option.text(
      "the category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), all-crime, or a partner dataset's category",
      'CATEGORY',
    ),
    dataset: option.text(
      "a partner dataset instead of police.uk records ('lantern datasets' lists them)",
      'DATASET',
    ),
  },
  store: 'read',
  async run(deps, input) {
    const { InputError } = await import('../errors.js');
    if (!input.category && !input.dataset)
      throw new InputError('exceptions: ⟨category⟩ is required (e.g. burglary, all-crime)');
    const { findExceptions } = await import('../usecases/exceptions.js');
    return findExceptions(deps.db, deps.scope, {
      area: input.area,
      category: input.category,
      dataset: input.dataset,
    });
  },
  text(r: ExceptionsReport) {
    const rows = r.months
      .filter((m) => m.observed !== null)
      .map((m) => [
        m.month,
        formatCount(m.observed),
        m.expected === null ? '–' : m.expected.toFixed(1),
        m.upper998 === null
          ? '–'
          : `${formatCount(m.lower998 as number)}–${formatCount(m.upper998)}`,
        m.exception === null ? 'not assessed' : m.exception ? 'EXCEPTION' : '',
      ]);
    // "0 exceptions" would say the months were looked at and none stood out: when the model
    // could not be fitted, nothing was tested, and the reason is the first thing said.
    if (r.notTested !== null)
      return [
        `${r.area.name}, ${r.label}: not tested for exceptions`,
        '',
        `Not tested: ${r.notTested}`,
        ...r.notes.filter((n) => n !== r.notTested),
      ].join('\n');
    return [
      `${r.area.name}, ${r.label}: ${r.exceptions.length} exception(s)` +
        (r.trendWithheld !== null
          ? `; no trend read from ${r.trendWithheld.records} ${r.trendWithheld.records === 1 ? 'record' : 'records'} (at least ${r.trendWithheld.needed} are needed)`
          : r.trendPerYear === null
            ? ''
            : `; trend ${((r.trendPerYear - 1) * 100).toFixed(1)}% a year`),
      '',
      formatTable(['month', 'observed', 'expected', '99.8% range', ''], rows, [
        'left',
        'right',
        'right',
        'right',
        'left',
      ]),
      '',
      ...r.notes,
    ].join('\n');
  },
});
