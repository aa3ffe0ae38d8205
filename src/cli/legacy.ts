/**
 * The `lantern` command: parses arguments, runs one command, and turns errors into exit codes
 * in this one place — 0 done, 2 bad input or usage (nothing changed by the failing part),
 * 1 unexpected failure. With --json, stdout carries exactly one JSON document.
 */
import { parseArgs } from 'node:util';

// Commands are loaded when used: each brings its own libraries (DuckDB, exceljs, proj4…), and
// `lantern --help` or a usage error should not wait for all of them.

import { defaultScope, resolveDbPath, resolveHashKeyFile, type CommandContext } from './context.js';

const USAGE = `lantern — community-safety intelligence for Community Safety Partnerships

Usage: lantern <command> [options]

Commands:
  import PATH...                 import police.uk zip archives, folders, .csv or .csv.gz files
         [--force ID]            the force of stop-and-search files not named YYYY-MM-<force>-…
         [--replace]             let a file replace a month with under 80% of its rows
  import --dataset NAME FILE...  partner data (CSV, CSV.gz or XLSX): asb-council, fly-tipping,
         [--mapping M.yaml]      hate-crime, domestic-abuse, prevent, community-concern; a
         [--area A] [--period P] mapping names the file's own columns; --area for files without
                                 one; --period: the months covered (default first..last row)
  datasets                       the partner datasets, their fields, and what the store holds
  areas [--type T] [--within A]  the area register with populations and record counts
        [--all]                  (types: force, csp, district, ward, lsoa; default district)
  areas check                    LSOA codes in the records that the register does not hold
  areas groups [--config FILE]   peer groups: each force's districts, and those of the config
        [--all]                  file (default config/peer-groups.yaml)
  areas import-boundaries FILE   GeoJSON or TopoJSON boundaries of an area type and vintage
        --type T --vintage V     (--code-property P: the property holding ONS codes)
  areas import-population FILE   populations by area code for a year (ONS mid-year estimates or
        [--year Y] [--source S]  any CSV of codes and counts; --code-column, --count-column)
  summary --area A [--period P]  street records by category and month (P: YYYY-MM..YYYY-MM)
          [--type T]
  fetch --area A --from M --to M fetch an area's missing months from the data.police.uk API
        [--dry-run] [--api-url U] (imported like files; months the source lacks stay missing)
  fetch --force F --archive M    stream a police.uk monthly archive, importing only force F
        [--archive-url U] [--replace]
  trends --area A --category C   counts by month, change against the same months of the nearest
         [--all] [--period P]    earlier complete year (exact test, rate ratio), rate per 1,000
  compare --within A | --group G districts side by side: rates, expected counts and funnel
          --category C --period P limits (95% and 99.8%), flags and ranks; limits allow for the
          [--limits overdispersed|poisson]  spread between areas beyond chance unless poisson
  outcomes --area A --period P   latest outcome of each crime (outcomes files joined by Crime
                                 ID) by category, and the share charged or summonsed
  deprivation --area A --period P  records by the IMD 2019 decile of their LSOA
        [--category C]
  stop-search --force F --period P  searches by object and outcome, and the linked share
  exceptions --area A --category C  months above the 99.8% range expected from the area's history
                                 (trend and season, with the counts' own variability)
  hotspots --area A --period P   grid counts, kernel density and Getis-Ord Gi* (FDR) clipped to the
         (--category C | --dataset D) [--method gistar|kde|count] [--cell M] [--bandwidth M]
         [--classify] [--top N] [--out F.geojson]   --classify: persistent, emerging, former,
                                 intermittent hot/coldspots over the periods held
  repeat-locations --area A --period P (--category C | --dataset D)   the share at the top 1/5/10%
                                 of places, the Lorenz curve and Gini
  near-repeat --area A --period P  Knox test (Near Repeat Calculator): pairs close in space and
         --dataset D [--category C]  time against permutations of dates; dated partner data only
         [--distance-bands 0,100,200,400,800] [--time-bands 0,7,14,21,28] [--iterations 999] [--seed 1]
  assess --area A --period P     the risk matrix of a district (with its county beside it) or a force:
         [--inputs F] [--config F]  every category and partner theme scored, ranked, banded and
         [--options F] [--plan F]   explained; --inputs: manual scores with reasons; tactical options;
         [--compare-with ID] [--no-save]  alignment with the county and the Police and Crime Plan;
         [--allow-partial]        saved under an id; --compare-with ID: what moved since;
                                 a period with under 3/4 of its months held needs --allow-partial
  assess --list                  the saved assessments
  report --area A --period P --out DIR  the strategic assessment (HTML, PDF with Chromium) and its
         [--audience partner|public]  infographic (SVG, PNG, A4 and 1080 × 1350), data/ with a CSV
         [--inputs F] [--settings F]  per chart and table; public: counts 1–4 as "fewer than 5",
         [--no-pdf] [--no-save]       no small count recoverable, partner-only data left out;
         [--replace] [--allow-partial]  the assessment is saved as assess saves it, unless
                                 --no-save; a folder holding files needs --replace, which
                                 replaces only an earlier report's own files
  hidden-figure --area A --period P  recorded counts, survey reporting rates (year, source) and
        [--config FILE]          the estimated total incidence with its interval
  overview --within A [--period P]  every category for every district at once: funnel flags,
                                 significant changes (Holm) and exceptions in the period
  forecast --area A --category C  the next 3 to 6 months (--months N) with 80%/95% intervals, from
         [--backtest]            every month held (gaps listed); --backtest: the last months held
                                 forecast from those before, with interval coverage and MASE
  cameras --area A --period P    sites for K deployable cameras that would have seen the most
          (--category C | --dataset D) --cameras K --radius M [--candidates F] [--existing F]
          [--exclude F] [--harm-weighted [--harm-config F]] [--out F.geojson]   incidents (maximal covering,
          [--time-limit S]       solved exactly by HiGHS within S seconds, default 10; else the gap is given)
  check [--repair]               whether the store is whole: every record belongs to its import,
                                 every import holds what it recorded; --repair removes what does
                                 not and names the files to import again
  demo                           build the demo store from the bundled Hertfordshire sample
  start                          build the demo store if needed, then show Three Rivers

Options for every command:
  --db PATH    the store (default: $LANTERN_DB, else ./lantern.duckdb)
  --json       print one JSON document on stdout
  -h, --help   this help

Exit codes: 0 done, 2 bad input or usage, 1 unexpected failure.`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  force: { type: 'string' },
  type: { type: 'string' },
  within: { type: 'string' },
  all: { type: 'boolean', default: false },
  area: { type: 'string' },
  period: { type: 'string' },
  year: { type: 'string' },
  source: { type: 'string' },
  'code-column': { type: 'string' },
  'count-column': { type: 'string' },
  config: { type: 'string' },
  vintage: { type: 'string' },
  'code-property': { type: 'string' },
  from: { type: 'string' },
  category: { type: 'string' },
  group: { type: 'string' },
  months: { type: 'string' },
  to: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  archive: { type: 'string' },
  'api-url': { type: 'string' },
  'archive-url': { type: 'string' },
  dataset: { type: 'string' },
  mapping: { type: 'string' },
  'distance-bands': { type: 'string' },
  'time-bands': { type: 'string' },
  iterations: { type: 'string' },
  seed: { type: 'string' },
  method: { type: 'string' },
  cell: { type: 'string' },
  bandwidth: { type: 'string' },
  classify: { type: 'boolean', default: false },
  top: { type: 'string' },
  out: { type: 'string' },
  cameras: { type: 'string' },
  radius: { type: 'string' },
  candidates: { type: 'string' },
  existing: { type: 'string' },
  exclude: { type: 'string' },
  'harm-weighted': { type: 'boolean', default: false },
  'harm-config': { type: 'string' },
  'time-limit': { type: 'string' },
  inputs: { type: 'string' },
  options: { type: 'string' },
  plan: { type: 'string' },
  'no-save': { type: 'boolean', default: false },
  'allow-partial': { type: 'boolean', default: false },
  'compare-with': { type: 'string' },
  list: { type: 'boolean', default: false },
  audience: { type: 'string' },
  settings: { type: 'string' },
  'no-pdf': { type: 'boolean', default: false },
  repair: { type: 'boolean', default: false },
  replace: { type: 'boolean', default: false },
  limits: { type: 'string' },
  backtest: { type: 'boolean', default: false },
} as const;

/** The commands not yet defined in src/commands, run the old way until they are. */
export const LEGACY_COMMANDS: ReadonlySet<string> = new Set([
  'compare',
  'outcomes',
  'deprivation',
  'stop-search',
  'exceptions',
  'hotspots',
  'repeat-locations',
  'near-repeat',
  'hidden-figure',
  'overview',
  'cameras',
  'forecast',
]);

export async function legacyMain(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`lantern: ${(error as Error).message}\nRun 'lantern --help' for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  const dbPath = resolveDbPath(values.db, env);
  const ctx: CommandContext = {
    dbPath,
    hashKeyFile: resolveHashKeyFile(dbPath, env),
    json: values.json,
    env,
    scope: defaultScope(),
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    interactive: Boolean(process.stdout.isTTY) && Boolean(process.stderr.isTTY),
  };
  if (values.help || command === undefined || command === 'help') {
    ctx.out(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    switch (command) {
      case 'compare':
        return await (
          await import('./commands/compare.js')
        ).runCompare(ctx, {
          dataset: values.dataset,
          within: values.within,
          group: values.group,
          category: values.category,
          period: values.period,
          limits: values.limits,
        });
      case 'outcomes':
        return await (
          await import('./commands/outcomes.js')
        ).runOutcomes(ctx, { area: values.area, period: values.period });
      case 'deprivation':
        return await (
          await import('./commands/deprivation.js')
        ).runDeprivation(ctx, {
          area: values.area,
          period: values.period,
          category: values.category,
        });
      case 'stop-search':
        return await (
          await import('./commands/stop-search.js')
        ).runStopSearch(ctx, { force: values.force, period: values.period });
      case 'exceptions':
        return await (
          await import('./commands/exceptions.js')
        ).runExceptions(ctx, {
          area: values.area,
          category: values.category,
          dataset: values.dataset,
        });
      case 'hotspots':
        return await (
          await import('./commands/hotspots.js')
        ).runHotspots(ctx, {
          area: values.area,
          category: values.category,
          dataset: values.dataset,
          period: values.period,
          method: values.method,
          cell: values.cell,
          bandwidth: values.bandwidth,
          classify: values.classify,
          top: values.top,
          out: values.out,
        });
      case 'repeat-locations':
        return await (
          await import('./commands/repeat-locations.js')
        ).runRepeatLocations(ctx, {
          area: values.area,
          period: values.period,
          category: values.category,
          dataset: values.dataset,
        });
      case 'near-repeat':
        return await (
          await import('./commands/near-repeat.js')
        ).runNearRepeat(ctx, {
          area: values.area,
          period: values.period,
          dataset: values.dataset,
          category: values.category,
          distanceBands: values['distance-bands'],
          timeBands: values['time-bands'],
          iterations: values.iterations,
          seed: values.seed,
        });
      case 'hidden-figure':
        return await (
          await import('./commands/hidden-figure.js')
        ).runHiddenFigure(ctx, {
          area: values.area,
          period: values.period,
          config: values.config,
        });
      case 'overview':
        return await (
          await import('./commands/overview.js')
        ).runOverview(ctx, { within: values.within, period: values.period });
      case 'cameras':
        return await (
          await import('./commands/cameras.js')
        ).runCameras(ctx, {
          area: values.area,
          category: values.category,
          dataset: values.dataset,
          period: values.period,
          cameras: values.cameras,
          radius: values.radius,
          candidates: values.candidates,
          existing: values.existing,
          exclude: values.exclude,
          harmWeighted: values['harm-weighted'],
          harmConfig: values['harm-config'],
          timeLimit: values['time-limit'],
          out: values.out,
        });
      case 'forecast':
        return await (
          await import('./commands/forecast.js')
        ).runForecast(ctx, {
          area: values.area,
          category: values.category,
          months: values.months,
          backtest: values.backtest,
        });
      default:
        ctx.err(`lantern: unknown command "${command}". Run 'lantern --help' for usage.`);
        return 2;
    }
  } catch (error) {
    return reportError(ctx, error);
  }
}

import { reportError } from './report-error.js';
