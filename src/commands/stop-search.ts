/** `lantern stop-search`: a force's stop-and-search by object of search and outcome. */
import { PERIOD_FORMS } from '../domain/period-input.js';
import type { StopSearchReport } from '../usecases/stop-search.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';

export const stopSearchCommand = defineCommand({
  name: 'stop-search',
  task: 'Look at an area',
  summary: "A force's stop and search by object searched for and by outcome",
  description:
    'Searches by object of search and outcome, and the share whose outcome the force linked to the object searched for. Stop and search is published per force, without LSOAs, so it cannot be split by district. Months not held are named, never counted as zero (the demo store holds none: import a force’s stop-and-search files first). Searches measure police activity, not crime, and say nothing by themselves about who was searched or why.',
  examples: [
    'lantern stop-search --force northumbria --period 2020-05..2020-07',
    'lantern stop-search --force northumbria --period 2020',
  ],
  options: {
    force: option.requiredText('the police.uk force id (e.g. northumbria, hertfordshire)', 'FORCE'),
    period: option.requiredPeriod(`the months of the searches: ${PERIOD_FORMS}`),
  },
  store: 'read',
  async run(deps, input) {
    const { stopSearchSummary } = await import('../usecases/stop-search.js');
    return stopSearchSummary(deps.db, deps.scope, {
      force: input.force,
      period: await periodOf(deps, input.period),
    });
  },
  text(r: StopSearchReport) {
    const share = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);
    const rows = r.objects.map((o) => [
      o.object,
      formatCount(o.searches),
      o.outcomes[0]?.outcome ?? '',
      share(o.linkedShare),
    ]);
    return [
      `${r.force}, stop and search, ${r.period.from}..${r.period.to}: ${formatCount(r.searches)} searches; ` +
        `outcome linked to the object ${share(r.linkedShare)}`,
      ...(r.missingMonths.length
        ? [`Not held (unknown, not zero): ${r.missingMonths.join(', ')}.`]
        : []),
      '',
      formatTable(['object of search', 'searches', 'most common outcome', 'linked'], rows, [
        'left',
        'right',
        'left',
        'right',
      ]),
      '',
      ...r.notes,
    ].join('\n');
  },
});
