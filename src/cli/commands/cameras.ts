/**
 * `lantern cameras --area A (--dataset NAME [--category C] | --category C) --period P
 *  --cameras K --radius R [--candidates FILE] [--existing FILE] [--exclude FILE] [--out F.geojson]`:
 * where K deployable cameras would have seen the most incidents of the period (maximal covering).
 */
import { writeFile } from 'node:fs/promises';

import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { cameraGeoJson, cameraPlan } from '../../usecases/cameras.js';
import { requiredNumber } from '../options.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../table.js';

export interface CameraArgs {
  area?: string;
  category?: string;
  dataset?: string;
  period?: string;
  cameras?: string;
  radius?: string;
  candidates?: string;
  existing?: string;
  exclude?: string;
  harmWeighted: boolean;
  harmConfig?: string;
  out?: string;
}

export async function runCameras(ctx: CommandContext, args: CameraArgs): Promise<number> {
  if (!args.area) throw new InputError('cameras: --area is required');
  if (!args.period) throw new InputError('cameras: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const cameras = requiredNumber('cameras', 'cameras', args.cameras);
  const radius = requiredNumber('cameras', 'radius', args.radius);
  const plan = await withStore(
    ctx,
    (db) =>
      cameraPlan(db, ctx.scope, {
        area: args.area as string,
        period,
        category: args.category,
        dataset: args.dataset,
        cameras,
        radius,
        candidatesFile: args.candidates,
        existingFile: args.existing,
        excludeFile: args.exclude,
        harmWeighted: args.harmWeighted,
        harmConfig: args.harmConfig,
      }),
    { mustExist: true },
  );
  if (args.out) {
    try {
      await writeFile(args.out, JSON.stringify(cameraGeoJson(plan)) + '\n');
    } catch (error) {
      throw new InputError(`--out ${args.out}: cannot write (${(error as Error).message})`);
    }
  }
  if (ctx.json) {
    printJson(ctx, { ...plan, out: args.out ?? null });
    return 0;
  }
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const rows = plan.sites.map((s) => [
    String(s.rank),
    s.nearest ? `${s.nearest.location} (${formatCount(s.nearest.distance)} m)` : '–',
    s.name ?? '',
    formatCount(s.gain),
    formatCount(s.covered),
    formatCount(s.unique),
    `${s.lat.toFixed(5)}, ${s.lon.toFixed(5)}`,
    `${s.easting} ${s.northing}`,
  ]);
  const withName = plan.sites.some((s) => s.name !== null);
  const drop = <T>(cells: T[]) => (withName ? cells : cells.filter((_, i) => i !== 2));
  ctx.out(
    [
      `${plan.area.name}, ${plan.label}, ${plan.period.from}..${plan.period.to}: ` +
        `${plan.cameras} camera${plan.cameras === 1 ? '' : 's'} seeing ${plan.radius} m`,
      '',
      plan.sites.length > 0
        ? formatTable(
            drop([
              'rank',
              'nearest street',
              'name',
              'adds',
              'within',
              'only here',
              'lat, lon',
              'easting northing',
            ]),
            rows.map(drop),
            drop(['right', 'left', 'left', 'right', 'right', 'right', 'left', 'left']),
          )
        : 'No site would cover any incident.',
      '',
      `Covered: ${formatCount(plan.covered)} of ${formatCount(plan.incidents)} incidents (${pct(plan.share)})` +
        (plan.alreadyCovered > 0
          ? `; ${formatCount(plan.alreadyCovered)} already within ${plan.radius} m of an existing camera, ` +
            `so ${pct(plan.shareOfUncovered)} of the rest`
          : '') +
        '.',
      `Greedy choice covered ${formatCount(plan.greedyCovered)}; local search made ` +
        `${plan.localSearch.swaps} swap${plan.localSearch.swaps === 1 ? '' : 's'}` +
        (plan.localSearch.stoppedBy === 'swap-limit' ? ' and stopped at its limit' : '') +
        '.',
      `Method: ${plan.method}.`,
      ...(args.out
        ? [`Map written to ${args.out} (GeoJSON, WGS84: sites and coverage circles).`]
        : []),
      '',
      'Notes:',
      ...plan.notes.map((n) => `  ${n}`),
    ].join('\n'),
  );
  return 0;
}
