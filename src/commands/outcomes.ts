/** `lantern outcomes`: the latest outcome of each crime by category, and the share charged. */
import { PERIOD_FORMS } from '../domain/period-input.js';
import type { OutcomesReport } from '../usecases/outcomes.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';

export const outcomesCommand = defineCommand({
  name: 'outcomes',
  task: 'Look at an area',
  summary: 'The latest outcome of each crime by category; the share charged or summonsed',
  description:
    'Each crime recorded in the period gets the latest outcome the outcomes files hold for it (joined by Crime ID), else the last outcome its street file gives. Crimes of the last months are often still under investigation, so their charge share will rise; ASB has no outcomes. A charge is not a conviction.',
  examples: [
    'lantern outcomes --area "Three Rivers" --period 2025',
    'lantern outcomes --area "Three Rivers" --period 2021-01..2022-01',
  ],
  options: {
    area: option.area(),
    period: option.requiredPeriod(`the months the crimes were recorded in: ${PERIOD_FORMS}`),
  },
  store: 'read',
  async run(deps, input) {
    const { outcomesFor } = await import('../usecases/outcomes.js');
    return outcomesFor(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period),
    });
  },
  text(report: OutcomesReport) {
    const rows = report.categories.map((c) => [
      c.label,
      formatCount(c.crimes),
      formatCount(c.chargedOrSummonsed),
      c.chargeShare === null ? '–' : `${(c.chargeShare * 100).toFixed(1)}%`,
      c.outcomes[0] ? `${c.outcomes[0].outcome} (${(c.outcomes[0].share * 100).toFixed(0)}%)` : '',
    ]);
    return [
      `${report.area.name}, crimes of ${report.period.from}..${report.period.to}: latest outcomes`,
      '',
      formatTable(
        ['category', 'crimes', 'charged/summonsed', 'share', 'most common outcome'],
        rows,
        ['left', 'right', 'right', 'right', 'left'],
      ),
      '',
      ...report.notes,
    ].join('\n');
  },
});
