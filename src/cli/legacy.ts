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
  to: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  archive: { type: 'string' },
  'api-url': { type: 'string' },
  'archive-url': { type: 'string' },
  dataset: { type: 'string' },
  mapping: { type: 'string' },
  out: { type: 'string' },
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
} as const;

/** The commands not yet defined in src/commands, run the old way until they are. */
export const LEGACY_COMMANDS: ReadonlySet<string> = new Set([
  'import',
  'areas',
  'summary',
  'datasets',
  'assess',
  'report',
  'fetch',
  'check',
  'demo',
  'start',
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
  const [command, ...rest] = positionals;
  const dbPath = resolveDbPath(values.db, env);
  const ctx: CommandContext = {
    dbPath,
    hashKeyFile: resolveHashKeyFile(dbPath, env),
    json: values.json,
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
      case 'import':
        return await (
          await import('./commands/import.js')
        ).runImport(ctx, {
          paths: rest,
          force: values.force,
          dataset: values.dataset,
          mapping: values.mapping,
          area: values.area,
          period: values.period,
          replace: values.replace,
        });
      case 'areas':
        return await runAreasCommand(ctx, rest, values);
      case 'summary':
        return await (
          await import('./commands/summary.js')
        ).runSummary(ctx, {
          area: values.area,
          type: values.type,
          period: values.period,
        });
      case 'datasets':
        return await (await import('./commands/datasets.js')).runDatasets(ctx);
      case 'assess':
        return await (
          await import('./commands/assess.js')
        ).runAssess(ctx, {
          area: values.area,
          period: values.period,
          config: values.config,
          inputs: values.inputs,
          options: values.options,
          plan: values.plan,
          save: !values['no-save'],
          compareWith: values['compare-with'],
          list: values.list,
          allowPartial: values['allow-partial'],
        });
      case 'report':
        return await (
          await import('./commands/report.js')
        ).runReport(ctx, {
          area: values.area,
          period: values.period,
          out: values.out,
          audience: values.audience,
          inputs: values.inputs,
          config: values.config,
          options: values.options,
          plan: values.plan,
          settings: values.settings,
          pdf: !values['no-pdf'],
          save: !values['no-save'],
          replace: values.replace,
          allowPartial: values['allow-partial'],
        });
      case 'fetch':
        return await (
          await import('./commands/fetch.js')
        ).runFetch(
          ctx,
          {
            area: values.area,
            from: values.from,
            to: values.to,
            dryRun: values['dry-run'],
            force: values.force,
            archive: values.archive,
            apiUrl: values['api-url'],
            archiveUrl: values['archive-url'],
            replace: values.replace,
          },
          env,
        );
      case 'check':
        return await (await import('./commands/check.js')).runCheck(ctx, { repair: values.repair });
      case 'demo':
        return await (await import('./commands/demo.js')).runDemo(ctx);
      case 'start':
        return await (await import('./commands/demo.js')).runStart(ctx);
      default:
        ctx.err(`lantern: unknown command "${command}". Run 'lantern --help' for usage.`);
        return 2;
    }
  } catch (error) {
    return reportError(ctx, error);
  }
}

async function runAreasCommand(
  ctx: CommandContext,
  rest: readonly string[],
  values: {
    type?: string;
    within?: string;
    all: boolean;
    year?: string;
    source?: string;
    'code-column'?: string;
    'count-column'?: string;
    config?: string;
    vintage?: string;
    'code-property'?: string;
  },
): Promise<number> {
  const [sub] = rest;
  switch (sub) {
    case undefined:
      return (await import('./commands/areas.js')).runAreas(ctx, {
        type: values.type,
        within: values.within,
        all: values.all,
      });
    case 'check':
      return (await import('./commands/areas-check.js')).runAreasCheck(ctx);
    case 'groups':
      return (await import('./commands/areas-groups.js')).runAreasGroups(ctx, {
        config: values.config,
        all: values.all,
      });
    case 'import-boundaries':
      return (await import('./commands/areas-import-boundaries.js')).runImportBoundaries(ctx, {
        file: rest[1],
        type: values.type,
        vintage: values.vintage,
        codeProperty: values['code-property'],
        source: values.source,
      });
    case 'import-population':
      return (await import('./commands/areas-import-population.js')).runImportPopulation(ctx, {
        file: rest[1],
        year: values.year,
        source: values.source,
        codeColumn: values['code-column'],
        countColumn: values['count-column'],
      });
    default:
      ctx.err(`lantern: unknown areas command "${sub}". Run 'lantern --help' for usage.`);
      return 2;
  }
}

import { reportError } from './report-error.js';
