/** `lantern repeat-locations`: how concentrated an area's incidents are on a few places. */
import type { RepeatLocations } from '../usecases/repeat-locations.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';
import { incidentSourceOptions, requireIncidentSource } from './incident-source.js';

export const repeatLocationsCommand = defineCommand({
  name: 'repeat-locations',
  task: 'Places and patterns',
  summary: 'How far incidents concentrate on a few places (top shares, Gini)',
  description:
    'The share of incidents at the busiest 1, 5 and 10% of places, the Lorenz curve and the Gini coefficient, and the busiest places by name. Places are police.uk map points (every point with any record in the area in the period, those without incidents of the category counting as zeros) or a partner dataset’s points. A map point stands for several nearby addresses, so a busy place may be a stretch of street rather than one building; concentration says where to look, not why incidents repeat there.',
  examples: [
    'lantern repeat-locations --area "Three Rivers" --category anti-social-behaviour --period 2025',
    'lantern repeat-locations --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12',
  ],
  options: {
    area: option.area(),
    period: option.requiredPeriod(),
    ...incidentSourceOptions,
  },
  store: 'read',
  async run(deps, input) {
    requireIncidentSource('repeat-locations', input);
    const { repeatLocations } = await import('../usecases/repeat-locations.js');
    return repeatLocations(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      category: input.category,
      dataset: input.dataset,
    });
  },
  text(r: RepeatLocations) {
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    return [
      `${r.area.name}, ${r.label}, ${r.period.from}..${r.period.to}: ${formatCount(r.incidents)} incidents at ${formatCount(r.placesWithIncidents)} of ${formatCount(r.places)} places; Gini ${r.gini.toFixed(2)}${r.incidents > 0 && r.incidents < r.places ? ` (generalised ${r.generalisedGini.toFixed(2)}, fewer incidents than places: see the notes)` : ''}`,
      '',
      formatTable(
        ['top places', 'places', 'incidents', 'share'],
        r.top.map((t) => [
          `${t.percent}%`,
          formatCount(t.places),
          formatCount(t.incidents),
          pct(t.share),
        ]),
        ['left', 'right', 'right', 'right'],
      ),
      '',
      formatTable(
        ['place', 'incidents', 'share', 'lat, lon'],
        r.topPlaces.map((p) => [
          p.location ?? '(a point)',
          formatCount(p.count),
          pct(p.share),
          `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`,
        ]),
        ['left', 'right', 'right', 'left'],
      ),
      '',
      ...r.notes,
    ].join('\n');
  },
});
