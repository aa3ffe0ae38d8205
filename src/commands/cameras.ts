/**
 * `lantern cameras`: where K deployable cameras would have seen the most incidents of a period
 * (maximal covering, solved exactly where it can be within the time limit), with a GeoJSON map of
 * the sites and their circles when asked.
 */
import { PERIOD_FORMS } from '../domain/period-input.js';
import type { CameraPlan } from '../usecases/cameras.js';
import { defineCommand } from './definition.js';
import { option, settingOptions } from './options.js';
import { periodOf } from './period.js';
import { formatCount, formatTable } from './table.js';
import { incidentSourceOptions, requireIncidentSource } from './incident-source.js';

/** The plan, and the file the map was written to (null when none was asked for). */
type CameraDocument = CameraPlan & { out: string | null };

// The limits the use case also holds (usecases/cameras.ts: MAX_CAMERAS, MAX_RADIUS,
// MAX_TIME_LIMIT), repeated here so that reading the options loads neither it nor the solver.
const MAX_CAMERAS = 200;
const MAX_RADIUS = 5_000;
const MAX_TIME_LIMIT = 3_600;
/**
 * The exact solver's time limit over the HTTP API (its default there, and its most): the solver
 * runs on the server's one thread, which answers no one else meanwhile, so a request's answer
 * must come in seconds. The command line allows up to MAX_TIME_LIMIT.
 */
export const SERVED_MAX_TIME_LIMIT = 3;

const SITE_COLUMNS =
  'columns longitude and latitude (WGS84) or easting and northing (British National Grid), and an optional name';

export const camerasCommand = defineCommand({
  name: 'cameras',
  task: 'Places and patterns',
  summary: 'Where K cameras would have seen the most incidents (maximal covering)',
  description:
    'Each site sees the incidents within the radius; sites are chosen together so that as many incidents as possible are seen, from a grid over the area (or your own candidate sites), leaving out places already covered by existing cameras and excluded zones. The exact solver (HiGHS) runs within ⟨timeLimit⟩; the solution says whether it is proven best, or how far from the best it can be. It looks back at where incidents were recorded: it cannot say whether a camera would deter or move them, and police.uk points are map points near the scene, not the scene.',
  examples: [
    'lantern cameras --area "Three Rivers" --dataset fly-tipping --period 2024-01..2025-12 --cameras 5 --radius 75',
    'lantern cameras --area "Three Rivers" --category robbery --period 2025 --cameras 3 --radius 250 --harm-weighted',
    'lantern cameras --area "Three Rivers" --dataset fly-tipping --period 2025 --cameras 5 --radius 75 --time-limit 0 --out cameras.geojson',
  ],
  options: {
    area: option.area(),
    ...incidentSourceOptions,
    period: option.requiredPeriod(
      `the months whose incidents the cameras should have seen: ${PERIOD_FORMS}`,
    ),
    cameras: option.requiredNumber(`how many cameras to place, 1 to ${MAX_CAMERAS}`, {
      integer: true,
      min: 1,
      max: MAX_CAMERAS,
      placeholder: 'K',
    }),
    radius: option.requiredNumber(
      `how far a camera sees, in metres (up to ${MAX_RADIUS.toLocaleString('en-GB')})`,
      {
        above: 0,
        max: MAX_RADIUS,
        unit: 'metres',
        placeholder: 'METRES',
      },
    ),
    candidates: option.file(
      `the sites a camera may go (CSV, CSV.gz or XLSX: ${SITE_COLUMNS})`,
      'a grid over the area, cells of half the radius',
    ),
    existing: option.file(
      `cameras already in place: incidents within the radius of one are left out (CSV, CSV.gz or XLSX: ${SITE_COLUMNS})`,
    ),
    exclude: option.file(
      'circles where no camera may go (CSV, CSV.gz or XLSX: the same place columns and radius_m, in metres)',
    ),
    harmWeighted: option.flag(
      'weigh each incident by the harm of its police.uk category instead of counting it once',
    ),
    ...settingOptions('harmWeights'),
    timeLimit: option.number(
      `seconds the exact solver may take, up to ${MAX_TIME_LIMIT.toLocaleString('en-GB')} (over the HTTP API up to ${SERVED_MAX_TIME_LIMIT}, also the default there); 0 for the quick heuristic alone, with its bound`,
      { min: 0, max: MAX_TIME_LIMIT, unit: 'seconds', placeholder: 'SECONDS', defaultText: '10' },
    ),
    out: option.file('write the sites and their coverage circles to this GeoJSON file (WGS84)'),
  },
  store: 'read',
  async run(deps, input): Promise<CameraDocument> {
    requireIncidentSource('cameras', input);
    if (deps.served && input.timeLimit !== undefined && input.timeLimit > SERVED_MAX_TIME_LIMIT) {
      const { InputError } = await import('../errors.js');
      throw new InputError(
        `cameras: ⟨timeLimit⟩ ${input.timeLimit} is more than the server allows: the solver runs on the server's one thread, which answers no one else meanwhile, so a request may give it at most ${SERVED_MAX_TIME_LIMIT} seconds. Ask for ⟨timeLimit⟩ ${SERVED_MAX_TIME_LIMIT} or less (0: the quick heuristic alone, with its bound), or run lantern cameras on the command line, which allows up to ${MAX_TIME_LIMIT.toLocaleString('en-GB')}`,
        { field: 'timeLimit' },
      );
    }
    const { refuseOutputPath, writeOutputFile } = await import('../usecases/output-file.js');
    if (input.out) refuseOutputPath(input.out, 'out', deps.db.path, 'file');
    const { cameraGeoJson, cameraPlan } = await import('../usecases/cameras.js');
    const { loadSettings } = await import('../config/settings.js');
    const plan = await cameraPlan(deps.db, deps.scope, {
      area: input.area,
      period: await periodOf(deps, input.period, { area: input.area }),
      category: input.category,
      dataset: input.dataset,
      cameras: input.cameras,
      radius: input.radius,
      candidatesFile: input.candidates,
      existingFile: input.existing,
      excludeFile: input.exclude,
      harmWeighted: input.harmWeighted,
      ...(input.harmWeighted
        ? { harmWeights: (await loadSettings(input, ['harmWeights'])).harmWeights }
        : {}),
      timeLimit: input.timeLimit ?? (deps.served ? SERVED_MAX_TIME_LIMIT : undefined),
    });
    if (input.out) {
      await writeOutputFile(
        input.out,
        JSON.stringify(cameraGeoJson(plan)) + '\n',
        'out',
        deps.db.path,
      );
    }
    return { ...plan, out: input.out ?? null };
  },
  text(plan: CameraDocument) {
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
    return [
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
      ...(plan.out
        ? [`Map written to ${plan.out} (GeoJSON, WGS84: sites and coverage circles).`]
        : []),
      '',
      'Notes:',
      ...plan.notes.map((n) => `  ${n}`),
    ].join('\n');
  },
});

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
        ? ` The solver stopped at its time limit (${o.solver.timeLimit} s; ⟨timeLimit⟩ S allows more).`
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
