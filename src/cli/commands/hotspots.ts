/**
 * `lantern hotspots --area A (--category C | --dataset D [--category C]) --period P
 *  [--method gistar|kde|count] [--cell M] [--bandwidth M] [--classify] [--top N] [--out F.geojson]`
 */
import { writeFile } from 'node:fs/promises';

import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { hotspots, type HotspotMethod } from '../../usecases/hotspots.js';
import { numberOption } from '../options.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

export interface HotspotArgs {
  area?: string;
  category?: string;
  dataset?: string;
  period?: string;
  method?: string;
  cell?: string;
  bandwidth?: string;
  classify: boolean;
  top?: string;
  out?: string;
}

export async function runHotspots(ctx: CommandContext, args: HotspotArgs): Promise<number> {
  if (!args.area) throw new InputError('hotspots: --area is required');
  if (!args.period) throw new InputError('hotspots: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const top = numberOption('top', args.top);
  if (top !== undefined && !(Number.isInteger(top) && top > 0))
    throw new InputError(`--top: "${args.top}" is not a whole number above 0`);
  const r = await withStore(
    ctx,
    (db) =>
      hotspots(db, ctx.scope, {
        area: args.area as string,
        period,
        category: args.category,
        dataset: args.dataset,
        method: args.method as HotspotMethod | undefined,
        cellSize: numberOption('cell', args.cell),
        bandwidth: numberOption('bandwidth', args.bandwidth),
        classify: args.classify,
        top,
      }),
    { mustExist: true },
  );
  if (args.out) await writeFile(args.out, JSON.stringify(r.geojson));
  if (ctx.json) {
    const { geojson, ...rest } = r;
    printJson(ctx, { ...rest, out: args.out ?? null, features: geojson.features.length });
    return 0;
  }
  const rows = r.ranked.map((c) => [
    String(c.rank),
    formatCount(c.count),
    c.kde.toFixed(1),
    c.gistar.toFixed(2),
    c.pAdjusted < 0.001 ? '<0.001' : c.pAdjusted.toFixed(3),
    c.hotspot ?? '',
    ...(r.classification ? [c.class ?? ''] : []),
    c.ward ? c.ward.name : c.district ? `${c.district.name} (ward not known)` : '',
    c.street ?? '',
    `${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`,
  ]);
  ctx.out(
    [
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
          ...(r.classification ? ['over time'] : []),
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
          ...(r.classification ? ['left' as const] : []),
          'left',
          'left',
          'left',
        ],
      ),
      ...(r.classification
        ? [
            '',
            `Over time (${r.classification.periods.length} periods held${r.classification.skipped.length ? `; ${r.classification.skipped.length} skipped for missing months, ${r.classification.skipped[0]?.from}..${r.classification.skipped[r.classification.skipped.length - 1]?.to}` : ''}):`,
            ...Object.entries(r.classification.classes).map(
              ([k, n]) => `  ${k}: ${formatCount(n)} cells`,
            ),
          ]
        : []),
      '',
      ...r.notes,
      ...(args.out ? [`Map: ${args.out} (GeoJSON, WGS84, one feature per cell).`] : []),
    ].join('\n'),
  );
  return 0;
}
