/** `lantern compare`: the districts of a force or CSP (or a peer group) side by side in a funnel. */
import type { DisclosedComparison as AreaComparison } from '../usecases/compare-areas.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';
import { compareTables } from './document-tables.js';

export const compareCommand = defineCommand({
  name: 'compare',
  task: 'Compare and explain',
  summary: 'Districts side by side: rates per 1,000, funnel limits, flags and ranks',
  description:
    'The districts of a force or Community Safety Partnership (⟨within⟩), or a peer group (⟨group⟩), each against the count expected at the group’s rate, with 95% and 99.8% funnel limits, a flag (above, within, below) and a rank. By default the limits allow for the usual spread between areas beyond chance (overdispersion); ⟨limits⟩ poisson shows chance alone. A district above its limits differs by more than that spread, which says nothing of why: population, footfall and recording practice all differ between districts. With fewer than 10 areas the spread cannot be estimated, and the limits allow for chance alone (said in the output).',
  examples: [
    'lantern compare --within hertfordshire --category burglary --period 2025',
    'lantern compare --within hertfordshire --category violent-crime --period 2025-01..2025-12 --limits poisson',
  ],
  options: {
    within: option.optionalArea(
      'the force or Community Safety Partnership whose districts are compared (an ONS code, a name or a police.uk force id)',
    ),
    group: option.text(
      "a peer group of districts instead of --within ('lantern areas groups' lists them)",
      'NAME',
    ),
    ...settingOptions('peerGroups', 'discontinuities', 'disclosure'),
    category: option.text(
      "the category: its code or its name as outputs print it (burglary, 'Violence and sexual offences'), all-crime, or a partner dataset's category",
      'CATEGORY',
    ),
    dataset: option.text(
      "a partner dataset instead of police.uk records ('lantern datasets' lists them)",
      'DATASET',
    ),
    period: option.requiredPeriod(),
    limits: option.choice(
      'the funnel limits: allowing for the spread between areas, or chance alone',
      ['overdispersed', 'poisson'],
      'overdispersed',
    ),
  },
  store: 'read',
  async run(deps, input) {
    const { InputError } = await import('../errors.js');
    if (!input.category && !input.dataset)
      throw new InputError('compare: ⟨category⟩ is required (e.g. violent-crime, all-crime)');
    const { compareAreas } = await import('../usecases/compare-areas.js');
    const { loadSettings } = await import('../config/settings.js');
    return compareAreas(deps.db, deps.scope, {
      within: input.within,
      group: input.group,
      category: input.category,
      dataset: input.dataset,
      period: await periodOf(deps, input.period, { area: input.within ?? null }),
      limits: input.limits,
      // For the districts the caller sees as totals only: shown as their trends show them.
      ...(await loadSettings(input, ['discontinuities', 'disclosure'])),
      ...(input.group
        ? { peerGroups: (await loadSettings(input, ['peerGroups'])).peerGroups }
        : {}),
    });
  },
  tables: (result: AreaComparison) => compareTables(result),
  text(result: AreaComparison) {
    const rows = result.areas.map((a) => [
      String(a.rank ?? '–'),
      a.name,
      formatCount(a.count),
      a.population === null ? '–' : formatCount(a.population),
      a.rate === null ? '–' : a.rate.toFixed(2),
      a.expected === null ? '–' : a.expected.toFixed(1),
      a.limits ? `${a.limits.lower95}–${a.limits.upper95}` : '–',
      a.limits ? `${a.limits.lower998}–${a.limits.upper998}` : '–',
      a.flag ?? '–',
    ]);
    // Rates over the months held when some are not: said at the top and beside every rate.
    const partial = result.coverage.partial && result.basis === 'months';
    const held = result.coverage.held === 1 ? 'month' : `${result.coverage.held} months`;
    return [
      `${result.label}, ${result.period.from}..${result.period.to}, ${result.group}: ${result.reference.rate === null ? '–' : result.reference.rate.toFixed(2)} per 1,000 ${partial ? `over the ${held} held` : 'overall'}; ${result.limitsMethod === 'overdispersed' ? 'limits allowing for overdispersion' : result.overdispersion.tau2 === null ? 'Poisson limits (chance alone: too few areas to estimate how much they differ beyond it)' : 'Poisson limits (chance alone)'}`,
      ...(partial
        ? [
            `PARTIAL PERIOD: ${result.coverage.words}, for every area. Counts and rates cover these months only, not the whole period.`,
          ]
        : []),
      '',
      formatTable(
        [
          'rank',
          'area',
          'count',
          'population',
          partial ? `per 1,000, ${held}` : 'per 1,000',
          'expected',
          '95% limits',
          '99.8% limits',
          'flag',
        ],
        rows,
        ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ),
      '',
      ...result.notes,
    ].join('\n');
  },
});
