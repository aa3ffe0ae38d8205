/**
 * `lantern hotspots`: an area's incidents on a grid clipped to its boundary, ranked by Getis-Ord
 * Gi* (or density, or count), with the map written as GeoJSON when asked.
 */
import type { HotspotReport } from '../usecases/hotspots.js';
import { defineCommand } from './definition.js';
import { option } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';
import { incidentSourceOptions, requireIncidentSource } from './incident-source.js';
import { hotspotTables } from './document-tables.js';

/**
 * The map's coordinates to six decimal places (about 10 cm; RFC 7946 11.2), as the cameras' map
 * writes them: sixteen were digits below a millimetre, on map points police.uk moves by tens of
 * metres (Liverpool's burglary map of four months: 1.55 MB, 1.30 MB with six). Only the
 * coordinates: a p-value of 1e-62 in the properties keeps its digits.
 */
function sixPlaces(key: string, value: unknown): unknown {
  if (key !== 'coordinates') return value;
  const round = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(round) : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v;
  return round(value);
}

/** The report, and the file the map was written to (null when none was asked for). */
type HotspotDocument = HotspotReport & { out: string | null };

export const hotspotsCommand = defineCommand({
  name: 'hotspots',
  task: 'Places and patterns',
  summary: 'Where incidents cluster: Gi* hotspots, density and counts on a grid; a map',
  description:
    'Incidents with a location are counted on a grid of square cells clipped to the area’s boundary and ranked by Gi* z (or kernel density, or count); Gi* p-values are adjusted for the number of cells tested (Benjamini–Hochberg false discovery rate), and read only where a cell’s neighbourhood expects at least one incident (else no cell is called a hotspot, and the output says why). Cells with no incidents are never ranked. With ⟨classify⟩ each cell is also classed over the periods held (persistent, emerging, former or intermittent hot and cold spots). police.uk points are snapped to anonymous map points, not addresses, so a default cell is never under 50 m for them and a cell is a few streets at best; a hotspot says where incidents were recorded, not why.',
  examples: [
    'lantern hotspots --area "Three Rivers" --category burglary --period 2025',
    'lantern hotspots --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12 --classify',
    'lantern hotspots --area "Three Rivers" --category anti-social-behaviour --period 2025 --method kde --cell 100 --out asb.geojson',
  ],
  options: {
    area: option.area(),
    ...incidentSourceOptions,
    period: option.requiredPeriod(),
    method: option.choice(
      'what ranks the cells: incidents, kernel density, or the Gi* hotspot statistic',
      ['count', 'kde', 'gistar'],
      'gistar',
    ),
    cell: option.number('the width of a grid cell, in metres (at least 10)', {
      min: 10,
      unit: 'metres',
      placeholder: 'METRES',
      defaultText: "about a fiftieth of the area's shorter side",
    }),
    bandwidth: option.number('the kernel density bandwidth, in metres', {
      above: 0,
      unit: 'metres',
      placeholder: 'METRES',
      defaultText: 'from the spread of the incidents',
    }),
    classify: option.flag(
      'also class each cell over the periods held (months, quarters or years, by the length of the period): persistent, emerging, former, intermittent hot or cold spot',
    ),
    top: option.number('how many cells to list', {
      integer: true,
      above: 0,
      defaultText: '10',
    }),
    out: option.file('write the map to this GeoJSON file (WGS84, one feature per cell)'),
  },
  store: 'read',
  async run(deps, input): Promise<HotspotDocument> {
    requireIncidentSource('hotspots', input);
    const { refuseOutputPath, writeOutputFile } = await import('../usecases/output-file.js');
    if (input.out) refuseOutputPath(input.out, 'out', deps.db.path, 'file');
    const { hotspots } = await import('../usecases/hotspots.js');
    const report = await hotspots(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      category: input.category,
      dataset: input.dataset,
      method: input.method,
      cellSize: input.cell,
      bandwidth: input.bandwidth,
      classify: input.classify,
      top: input.top,
    });
    if (input.out) {
      await writeOutputFile(
        input.out,
        JSON.stringify(report.geojson, sixPlaces),
        'out',
        deps.db.path,
      );
    }
    return { ...report, out: input.out ?? null };
  },
  json({ geojson, ...rest }: HotspotDocument) {
    return { ...rest, features: geojson.features.length };
  },
  tables: (r: HotspotDocument) => hotspotTables(r),
  text(r: HotspotDocument) {
    const rows = r.ranked.map((c) => [
      String(c.rank),
      formatCount(c.count),
      c.kde.toFixed(1),
      c.gistar.toFixed(2),
      !r.giStarRead ? '–' : c.pAdjusted < 0.001 ? '<0.001' : c.pAdjusted.toFixed(3),
      c.hotspot ?? '',
      ...(r.classification ? [c.class ?? ''] : []),
      c.ward ? c.ward.name : c.district ? `${c.district.name} (ward not known)` : '',
      c.street ?? '',
      `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`,
    ]);
    const classification = r.classification;
    return [
      `${r.area.name}, ${r.label}, ${r.period.from}..${r.period.to}: ${formatCount(r.incidents)} incidents on ${formatCount(r.cells)} cells of ${r.cellSize} m, ranked by ${r.method}`,
      ...r.warnings.map((w) => `warning: ${w}`),
      '',
      formatTable(
        [
          'rank',
          'count',
          'KDE /km²',
          'Gi* z',
          'p (BH)',
          '',
          ...(classification ? ['over time'] : []),
          'ward',
          'nearest street',
          'centre (lat, lon)',
        ],
        rows,
        [
          'right',
          'right',
          'right',
          'right',
          'right',
          'left',
          ...(classification ? ['left' as const] : []),
          'left',
          'left',
          'left',
        ],
      ),
      ...(classification
        ? [
            '',
            `Over time (${classification.periods.length} periods held${classification.skipped.length ? `; ${classification.skipped.length} skipped for missing months, ${classification.skipped[0]?.from}..${classification.skipped[classification.skipped.length - 1]?.to}` : ''}):`,
            ...Object.entries(classification.classes).map(
              ([k, n]) => `  ${k}: ${formatCount(n)} cells`,
            ),
          ]
        : []),
      '',
      ...r.notes,
      ...(r.out ? [`Map: ${r.out} (GeoJSON, WGS84, one feature per cell).`] : []),
    ].join('\n');
  },
});
