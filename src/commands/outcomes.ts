/** `lantern outcomes`: what happened after crimes were reported, by outcome group and category. */
import { PERIOD_FORMS } from '../domain/period-input.js';
import type { OutcomesReport } from '../usecases/outcomes.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
const interval = (ci: [number, number] | null) =>
  ci === null ? '' : `${(ci[0] * 100).toFixed(1)}–${(ci[1] * 100).toFixed(1)}%`;

export const outcomesCommand = defineCommand({
  name: 'outcomes',
  task: 'Look at an area',
  summary:
    'What happened after crimes were reported: the share charged or summonsed, and why the others were not',
  description:
    'Each crime recorded in the period gets the latest outcome the outcomes files hold for it (joined by Crime ID), else the last outcome its street file gives; a month holding two outcomes for one crime counts the more final (config/police-outcomes.yaml lists every police.uk outcome category, its group and the order). Crimes are grouped as charged or summonsed (court results included), out-of-court disposal, no suspect identified, evidential difficulties or victim does not support, under investigation, and other, per category, with the share charged and its exact 95% interval. Months not held are named. Crimes of the last months are often still under investigation, so their charge share may rise; ASB has no outcomes. A charge is not a conviction.',
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
    const [{ outcomesFor }, { loadPoliceOutcomes }] = await Promise.all([
      import('../usecases/outcomes.js'),
      import('../config/police-outcomes.js'),
    ]);
    return outcomesFor(
      deps.db,
      deps.scope,
      { area: input.area, period: await periodOf(deps, input.period, { area: input.area }) },
      await loadPoliceOutcomes(),
    );
  },
  text(report: OutcomesReport) {
    const groups = report.all.groups.map((g) => [g.label, formatCount(g.count), pct(g.share)]);
    const rows = report.categories.map((c) => [
      c.label,
      formatCount(c.crimes),
      formatCount(c.chargedOrSummonsed),
      pct(c.chargeShare),
      interval(c.chargeShareCi95),
      c.outcomes[0] ? `${c.outcomes[0].outcome} (${(c.outcomes[0].share * 100).toFixed(0)}%)` : '',
    ]);
    return [
      `${report.area.name}, crimes of ${report.period.from}..${report.period.to}: latest outcomes` +
        (report.coverage ? ` (${report.coverage})` : ''),
      ...(report.missingMonths.length
        ? [`Not held (unknown, not zero): ${report.missingMonths.join(', ')}.`]
        : []),
      '',
      `${formatCount(report.all.crimes)} crimes; charged or summonsed ${pct(report.all.chargeShare)} (95% interval ${interval(report.all.chargeShareCi95)}).`,
      '',
      formatTable(['outcome group', 'crimes', 'share'], groups, ['left', 'right', 'right']),
      '',
      formatTable(
        ['category', 'crimes', 'charged/summonsed', 'share', '95% interval', 'most common outcome'],
        rows,
        ['left', 'right', 'right', 'right', 'right', 'left'],
      ),
      '',
      ...report.notes,
    ].join('\n');
  },
});
