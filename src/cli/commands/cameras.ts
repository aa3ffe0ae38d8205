/**
 * `lantern cameras --area A (--dataset NAME [--category C] | --category C) --period P
 *  --cameras K --radius R [--candidates FILE] [--existing FILE] [--exclude FILE] [--time-limit S]
 *  [--out F.geojson]`: where K deployable cameras would have seen the most incidents of the period
 * (maximal covering, solved exactly where it can be within the time limit).
 */
import { writeFile } from 'node:fs/promises';

import { parsePeriod } from '../../domain/month.js';
import { InputError } from '../../errors.js';
import { cameraGeoJson, cameraPlan, type CameraPlan } from '../../usecases/cameras.js';
import { numberOption, requiredNumber } from '../options.js';
import { printJson, withStore, type CommandContext } from '../context.js';
import { formatCount, formatTable } from '../../commands/table.js';

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
  timeLimit?: string;
  out?: string;
}

export async function runCameras(ctx: CommandContext, args: CameraArgs): Promise<number> {
  if (!args.area) throw new InputError('cameras: --area is required');
  if (!args.period) throw new InputError('cameras: --period is required (YYYY-MM..YYYY-MM)');
  const period = parsePeriod(args.period);
  const cameras = requiredNumber('cameras', 'cameras', args.cameras);
  const radius = requiredNumber('cameras', 'radius', args.radius);
  const timeLimit = numberOption('time-limit', args.timeLimit);
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
        timeLimit,
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
      `Solution: ${plan.solution}${solutionDetail(plan)}`,
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

/** What proves the solution (or bounds it), and how it was found, in two sentences. */
function solutionDetail(plan: CameraPlan): string {
  const o = plan.optimality;
  const n = (v: number) =>
    o.unit === 'incidents'
      ? formatCount(v)
      : `${v.toLocaleString('en-GB', { maximumFractionDigits: 1 })} of harm weight`;
  const k = `${plan.cameras} site${plan.cameras === 1 ? '' : 's'}`;
  const solver = o.solver?.name ?? 'HiGHS';
  const by = {
    coverable: 'the incidents within reach of any candidate site',
    'marginal-gains': "the sites' coverage plus the largest gains any sites could add to it",
    mip: `branch and bound, ${solver}`,
    'lp-relaxation': `the linear-programming relaxation, ${solver}`,
  }[o.boundFrom];
  const proof =
    o.boundFrom === 'coverable' && o.status === 'optimal'
      ? ': every incident within reach of a candidate site is covered'
      : `: no ${k} could cover more than ${n(o.bound)} (${by})`;
  const found =
    o.solver && o.solver.found !== 'heuristic' ? '; the exact solver found better sites' : '';
  const stopped =
    o.status === 'optimal' || !o.solver
      ? ''
      : o.solver.outcome === 'time-limit'
        ? ` The solver stopped at its time limit (${o.solver.timeLimit} s; --time-limit S allows more).`
        : o.solver.outcome === 'size-limit'
          ? ` The model (${formatCount(o.solver.model.entries)} coverage entries) is too large to solve exactly.`
          : o.solver.outcome === 'failed'
            ? ' The solver gave no answer; the heuristic stands.'
            : '';
  return (
    `${proof}.${stopped} Greedy choice covered ${n(plan.greedyCovered)}, then ` +
    `${plan.localSearch.swaps} swap${plan.localSearch.swaps === 1 ? '' : 's'} of local search` +
    (plan.localSearch.stoppedBy === 'swap-limit' ? ' (stopped at its limit)' : '') +
    `${found}.`
  );
}
